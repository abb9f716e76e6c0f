import { fileURLToPath } from 'node:url';
import type { TaskContext } from '../../../src/core/module.js';
import type { HostSession } from '../../../src/core/host-session.js';
import type { Host } from '../../../src/core/inventory.js';
import type { Site, SwitchModel } from '../../../src/core/site.js';
import type { PlannedStep, TaskStep } from '../../../src/core/module.js';
import type { Transport } from '../../../src/core/transport.js';
import type { Task } from '../../../src/core/playbook.js';
import { HostSessionSlot } from '../../../src/engine/host-session-slot.js';
import { systemClock } from '../../../src/engine/system-clock.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';
import type { DriverContext } from '../../../src/platforms/switch-driver.js';
import { switchModule, type SwitchDesired } from '../../../src/platforms/switch-modules.js';
import type { SwitchCurrent } from '../../../src/platforms/switch-driver.js';
import { emptySwitchState } from '../../../src/platforms/switch-state.js';
import { FakeCliSession, fakeCliTransport } from '../../helpers/fake-cli-session.js';

const fixtures = fileURLToPath(new URL('../../fixtures/cli-sessions/', import.meta.url));

export const PORT: Record<'cisco_nxos' | 'arista_eos' | 'cisco_ios', string> = {
  cisco_nxos: 'Ethernet1/3',
  arista_eos: 'Ethernet3',
  cisco_ios: 'GigabitEthernet0/3',
};

export function switchHost(platform: string, vars: Record<string, unknown> = {}): Host {
  return Object.freeze({
    name: 'switch1',
    address: '127.0.0.1',
    platform,
    groups: ['all', 'switches'],
    vars,
    origins: {},
  });
}

/** switch1 wants VLANs 2003 and 2004 and its node trunk carrying 2003-2005 (the fixtures have 2003 only). */
export function switchModel(platform: keyof typeof PORT, save = false): SwitchModel {
  return {
    name: 'switch1',
    host: switchHost(platform),
    platform,
    vlans: [
      { id: 2003, name: 'virtual-machines-1' },
      { id: 2004, name: 'virtual-machines-2' },
    ],
    ports: [
      {
        name: PORT[platform],
        description: 'node0-virtualization',
        enabled: true,
        mode: 'trunk',
        allowedVlans: [2003, 2004, 2005],
        policy: 'replace',
      },
    ],
    save,
  };
}

export function siteWith(model: SwitchModel): Site {
  const vlan = (id: number, name: string) => ({ id, name, vm: true });
  return {
    name: 't',
    vlans: [vlan(2003, 'virtual-machines-1'), vlan(2004, 'virtual-machines-2'), vlan(2005, 'virtual-machines-3')],
    nodes: [],
    switches: [model],
    nads: [],
    others: [],
  };
}

export function fakeSwitch(caseDir: string, answers?: Map<string, string>) {
  const promptEnd = caseDir.startsWith('nxos') ? '# ' : '#';
  const session = new FakeCliSession({
    dir: fixtures + caseDir,
    hostname: 'switch1',
    promptEnd,
    ...(answers ? { answers } : {}),
  });
  return { session, conn: fakeCliTransport('switch1', session) };
}

export function driverContext(
  platform: string,
  notes: string[] = [],
  args: Record<string, unknown> = {},
): DriverContext {
  return {
    host: switchHost(platform),
    runId: 'r1',
    note: (t) => notes.push(t),
    timeouts: { commandMs: 1000, slowMs: 1000 },
    args,
    session: new HostSessionSlot(),
  };
}

/** The switch modules over the shipped platforms. */
export const switchVlansModule = switchModule('switch_vlans', defaultPlatforms());
export const switchPortsModule = switchModule('switch_ports', defaultPlatforms());

/** A task context for `model`; steps that share `session` share the host's CLI session, as in a run. */
export function taskContext(
  model: SwitchModel,
  module: Task['module'],
  args: Record<string, unknown> = {},
  notes: string[] = [],
  session: HostSession = new HostSessionSlot(),
): TaskContext {
  return {
    host: model.host,
    site: siteWith(model),
    task: { name: module, module, args, tags: [], location: { file: 'pb.yaml', line: 1, col: 1 } },
    runId: 'r1',
    openConnection: async () => {
      throw new Error('no second connection in unit tests');
    },
    note: (t) => notes.push(t),
    signal: new AbortController().signal,
    clock: systemClock,
    session,
  };
}

type SwitchStep = PlannedStep<SwitchDesired, SwitchCurrent<unknown>>;

/** The step object of a switch module for `ctx`, rendered but not gathered: to call begin or commit directly. */
export async function stepOf(module: typeof switchVlansModule, ctx: TaskContext, conn: Transport): Promise<SwitchStep>;
export async function stepOf<T>(
  module: typeof switchVlansModule,
  ctx: TaskContext,
  conn: Transport,
  txn: T,
): Promise<TaskStep<SwitchDesired, SwitchCurrent<unknown>, T>>;
export async function stepOf(module: typeof switchVlansModule, ctx: TaskContext, conn: Transport, txn?: unknown) {
  const desired = await module.render(ctx);
  return { ctx, conn, desired, current: { state: emptySwitchState() }, plan: { changes: [], inSync: [] }, txn };
}

/** What was sent after the on-open commands. */
export function afterOpen(session: FakeCliSession): string[] {
  return session.sent.filter((l) => !/^(terminal (length|width) |enable$)/.test(l));
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { OwnedVlan, PortChannelMember, SwitchModel, SwitchPort } from '../../../src/core/site.js';
import { parseIosSwitchport, withSwitchportFacts } from '../../../src/platforms/cisco-ios/ios-switchport.js';
import { parseVlanSet } from '../../../src/inventory/vlan-set.js';
import { EOS_DIALECT } from '../../../src/platforms/arista-eos/eos-parse.js';
import { interpretCiscoConfig, type CiscoDialect } from '../../../src/platforms/cisco-config-interpreter.js';
import { IOS_DIALECT } from '../../../src/platforms/cisco-ios/ios-parse.js';
import { applyNxosCommands } from '../../../src/platforms/cisco-nxos/nxos-apply-model.js';
import { NXOS_DIALECT } from '../../../src/platforms/cisco-nxos/nxos-parse.js';
import { parseEni, type EniDocument } from '../../../src/platforms/cumulus/cumulus-eni.js';
import { cumulusStateFromEni } from '../../../src/platforms/cumulus/cumulus-parse.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';
import type { SwitchPlan } from '../../../src/platforms/switch-driver.js';
import { completeSwitchPlan, planSwitch } from '../../../src/platforms/switch-plan.js';
import type { SwitchSpec } from '../../../src/platforms/switch-spec.js';
import type { SwitchState } from '../../../src/platforms/switch-state.js';

/** A loaded plan case: the desired model, the gathered state, options. */
export interface PlanCase {
  readonly model: SwitchModel;
  readonly current: SwitchState;
  readonly document?: EniDocument;
  readonly prune?: boolean;
  readonly managedVlans: number[];
  readonly owned: OwnedVlan[];
  /** No `vlans:` in desired.yaml: a ports-only plan, as `switch_ports` makes. */
  readonly portsOnly: boolean;
}

const platforms = defaultPlatforms();

/** The switch parts of a platform of the registry. */
export function switchSpec(platform: string): SwitchSpec {
  return platforms.resolve(platform)!.switch!;
}

const DIALECT: Record<string, CiscoDialect> = {
  cisco_nxos: NXOS_DIALECT,
  arista_eos: EOS_DIALECT,
  cisco_ios: IOS_DIALECT,
};

interface DesiredYaml {
  name?: string;
  platform: string;
  managedVlans: string | number;
  prune?: boolean;
  /** The ownership record of the switch: VLANs acp-play created. */
  owned?: OwnedVlan[];
  /** The device's own configuration, a file under test/fixtures (instead of the case's current.cfg). */
  device?: string;
  /** IOS: the device's own `show interfaces switchport`, a file under test/fixtures. */
  switchport?: string;
  /** IOS host var isl_capable. */
  islCapable?: boolean;
  vlans?: { id: number; name: string }[];
  ports?: (Omit<SwitchPort, 'allowedVlans' | 'enabled' | 'policy'> & {
    channelGroup?: number;
    allowedVlans?: string | number;
    enabled?: boolean;
    policy?: SwitchPort['policy'];
  })[];
}

export function loadPlanCase(dir: string): PlanCase {
  const d = parseYaml(readFileSync(join(dir, 'desired.yaml'), 'utf8')) as DesiredYaml;
  const members = (d.ports ?? []).filter((p) => p.channelGroup !== undefined) as unknown as PortChannelMember[];
  const model: SwitchModel = {
    name: d.name ?? 'sw1',
    host: { name: d.name ?? 'sw1', address: '192.0.2.10', groups: ['all'], vars: {}, origins: {} },
    platform: d.platform,
    vlans: d.vlans ?? [],
    save: false,
    ...(members.length > 0 ? { members: members.map((m) => ({ ...m, enabled: m.enabled ?? true })) } : {}),
    ports: (d.ports ?? [])
      .filter((p) => p.channelGroup === undefined)
      .map((p) => ({
        ...p,
        enabled: p.enabled ?? true,
        policy: p.policy ?? 'replace',
        ...(p.allowedVlans !== undefined ? { allowedVlans: parseVlanSet(String(p.allowedVlans)) } : {}),
      })) as SwitchPort[],
  };
  const base = {
    model,
    ...(d.prune !== undefined ? { prune: d.prune } : {}),
    managedVlans: parseVlanSet(String(d.managedVlans)),
    owned: d.owned ?? [],
    portsOnly: d.vlans === undefined,
  };
  if (d.platform === 'cumulus') {
    const document = parseEni(readFileSync(join(dir, 'current.interfaces'), 'utf8'));
    return { ...base, document, current: cumulusStateFromEni(document) };
  }
  const file = d.device !== undefined ? join('test/fixtures', d.device) : join(dir, 'current.cfg');
  const current = switchSpec(d.platform).parse(existsSync(file) ? readFileSync(file, 'utf8') : '');
  if (d.switchport === undefined) return { ...base, current };
  const facts = parseIosSwitchport(readFileSync(join('test/fixtures', d.switchport), 'utf8'));
  return { ...base, current: withSwitchportFacts(current, facts, d.islCapable) };
}

export function planCase(c: PlanCase): SwitchPlan {
  const spec = switchSpec(c.model.platform);
  const planned = planSwitch(spec, c.model, c.current, {
    ...(c.prune !== undefined ? { prune: c.prune } : {}),
    managedVlans: c.managedVlans,
    owned: c.owned,
    portsOnly: c.portsOnly,
  });
  return completeSwitchPlan(spec, planned, { state: c.current, document: c.document });
}

/** The state after the plan is applied: Cisco-style commands through the apply model; Cumulus: the rendered file. */
export function applyPlan(c: PlanCase, plan: SwitchPlan): { current: SwitchState; document?: EniDocument } {
  if (c.model.platform === 'cumulus') {
    if (plan.changes.length === 0) return { current: c.current, ...(c.document ? { document: c.document } : {}) };
    const document = parseEni(plan.document!);
    return { current: cumulusStateFromEni(document), document };
  }
  const lines = plan.changes.flatMap((ch) => ch.commands.map((cmd) => cmd.text));
  if (c.model.platform === 'cisco_nxos') return { current: applyNxosCommands(c.current, lines) };
  return { current: interpretCiscoConfig(lines.join('\n'), DIALECT[c.model.platform]!, c.current) };
}

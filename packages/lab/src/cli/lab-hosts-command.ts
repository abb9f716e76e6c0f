import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from 'acp-play/core/errors.js';
import { launchLab } from '../hosts/lab-launch.js';
import { readLabState } from '../hosts/lab-state.js';
import { labStatus } from '../hosts/lab-status.js';
import { stopLabInDir } from '../hosts/lab-teardown.js';
import type { RegisterCommand } from 'acp-play/cli/register-command.js';
import { EXIT } from 'acp-play/cli/exit-codes.js';
import { labUpKernel } from './lab-kernel-command.js';
import { labDownSite, labNodeControl, labStatusSite, labUpSite } from './lab-site-command.js';
import { DEFAULT_LAB_SWITCH } from '../site/site-lab-inventory.js';
import { defaultPlatforms } from 'acp-play/platforms/platform-list.js';
import { addSwitchFlags, type SwitchFlags } from './lab-switch-flags.js';
import { simulatedSwitches } from './simulated-switch.js';
import { labWire } from './lab-wire.js';

interface DirFlags {
  readonly dir?: string;
}

interface UpFlags extends DirFlags, SwitchFlags {
  readonly kernel?: boolean;
  readonly hosts?: string;
  readonly nodes?: string;
  readonly platform?: string;
}

const MAX_HOSTS = 500;

/** Where lab.json lives and where the inventory is written: `--dir DIR` (DIR and DIR/inventory) or the defaults. */
function labPaths(flags: DirFlags): { stateDir: string; inventoryDir: string } {
  if (flags.dir) return { stateDir: resolve(flags.dir), inventoryDir: resolve(flags.dir, 'inventory') };
  return { stateDir: resolve('.acp-play', 'lab-hosts'), inventoryDir: resolve('inventories', 'lab-hosts') };
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/**
 * `acp-play lab up --hosts N | status | down`: N plain Linux hosts, each a network namespace with its own sshd,
 * reachable on 127.0.0.1:24000+ and written into an inventory that pins their host keys. Adds its subcommands to
 * the `lab` command (the product's CLI makes it, with its description).
 */
export const registerLabHostsCommand: RegisterCommand = (program, setExit) => {
  const lab: Command = program.commands.find((c) => c.name() === 'lab') ?? program.command('lab');
  const dirOption = [
    '--dir <dir>',
    'lab folder: lab.json here, the inventory in DIR/inventory (default .acp-play/lab-hosts and inventories/lab-hosts)',
  ] as const;

  const up = lab
    .command('up')
    .description('start a lab; --hosts N: N plain Linux hosts in network namespaces (needs root)')
    .option('--hosts <n>', `number of namespace hosts (1-${MAX_HOSTS})`)
    .option('--nodes <n>', 'without --hosts: simulated nodes of the default lab (default 3)')
    .option(
      '--platform <p>',
      `without --hosts: the switch simulator, ${simulatedSwitches(defaultPlatforms())
        .map((p) => (p.id === DEFAULT_LAB_SWITCH ? `${p.id} (default)` : p.id))
        .join(' | ')}`,
    )
    .option(
      '--kernel',
      'runs the whole site once in a User-Mode Linux guest (real VLANs, nmstate, NetworkManager, sshd) and prints the flows; one-shot: nothing stays up, records in --dir (default .acp-play/lab-kernel); root',
    )
    .option(...dirOption);
  // The switch simulator's settings apply to the default lab (without --hosts or --kernel).
  addSwitchFlags(up, { miswire: true }).action(async (flags: UpFlags) => {
    if (flags.kernel) return setExit(await labUpKernel(flags));
    // Without --hosts: the default lab, the site as simulators (lab-site-command.ts).
    if (flags.hosts === undefined) return setExit(await labUpSite(flags));
    const count = Number(flags.hosts);
    if (!Number.isInteger(count) || count < 1 || count > MAX_HOSTS) {
      throw new ConfigError({
        severity: 'error',
        message: `--hosts ${flags.hosts} is not a whole number from 1 to ${MAX_HOSTS}`,
        fix: 'e.g. --hosts 50',
      });
    }
    const { stateDir, inventoryDir } = labPaths(flags);
    const started = Date.now();
    const { state, cleanedStale } = await launchLab({ count, stateDir, inventoryDir });
    const inv = shown(inventoryDir);
    const first = state.hosts[0]!;
    const listed = state.hosts.length <= 8 ? state.hosts : [...state.hosts.slice(0, 3), undefined, state.hosts.at(-1)!];
    const out = [
      ...(cleanedStale ? [`removed the leftovers of a lab that had died in ${shown(stateDir)}`] : []),
      `lab ${state.id} is up: ${state.hosts.length} Linux host(s) in network namespaces (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      ...listed.map((h) => (h ? `  ${h.name.padEnd(5)} 127.0.0.1:${h.port}  netns ${h.netns}` : '  ...')),
      `inventory: ${inv} (group linux, user acplab; every host key pinned in known_hosts)`,
      `try:       acp-play plan ${inv} -p PLAYBOOK`,
      `           ssh -i ${join(inv, 'id_ed25519')} -o UserKnownHostsFile=${join(inv, 'known_hosts')} -p ${first.port} acplab@127.0.0.1`,
      `stop:      acp-play lab down${flags.dir ? ` --dir ${flags.dir}` : ''}`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
    setExit(EXIT.ok);
  });

  lab
    .command('status')
    .description('show the namespace hosts of the running lab (exit 1 when something is down)')
    .option(...dirOption)
    .action(async (flags: DirFlags) => {
      const site = await labStatusSite(flags.dir);
      if (site !== undefined) return setExit(site);
      const { stateDir } = labPaths(flags);
      const state = readLabState(stateDir);
      if (!state) {
        process.stdout.write(`no lab is up (no ${shown(join(stateDir, 'lab.json'))})\n`);
        setExit(EXIT.ok);
        return;
      }
      const status = labStatus(state);
      const yes = (b: boolean): string => (b ? 'up' : 'DOWN');
      const lines = [
        `lab ${state.id}: ${state.status}, ${state.hosts.length} host(s), since ${state.createdAt}, keeper ${state.keeperPid ?? '-'} ${status.keeperRunning ? 'running' : 'NOT RUNNING'}`,
        `inventory: ${state.inventoryDir ? shown(state.inventoryDir) : '-'}`,
        'host  port   sshd forwarder netns logins',
        ...status.hosts.map(
          (h) =>
            `${h.name.padEnd(5)} ${String(h.port).padEnd(6)} ${yes(h.sshd).padEnd(4)} ${yes(h.forwarder).padEnd(9)} ${yes(h.namespace).padEnd(5)} ${h.logins}`,
        ),
      ];
      if (!status.healthy)
        lines.push(
          `something is down: \`acp-play lab down${flags.dir ? ` --dir ${flags.dir}` : ''}\` removes the rest`,
        );
      process.stdout.write(`${lines.join('\n')}\n`);
      setExit(status.healthy ? EXIT.ok : EXIT.failed);
    });

  for (const action of ['stop', 'start'] as const) {
    lab
      .command(action)
      .description(
        action === 'stop'
          ? 'stop one node simulator of the default lab (it refuses connections; its state stays), for fault drills'
          : 'start a node simulator stopped by `lab stop` again: same port, same host key, same state',
      )
      .argument('<node>', 'the node, e.g. node1')
      .option(...dirOption)
      .action(async (node: string, flags: DirFlags) => setExit(await labNodeControl(action, node, flags.dir)));
  }

  lab
    .command('wire')
    .description('re-cable the default lab (LLDP on both ends): as the site says, or with --miswire cables moved')
    .option(
      '--miswire <spec>',
      'a cable in the wrong port, SWITCH:PORT=NODE:NIC (e.g. switch1:Ethernet1/7=node2:enp4s0f0); repeatable',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(...dirOption)
    .action(async (flags: DirFlags & { miswire?: string[] }) => setExit(await labWire(flags.miswire ?? [], flags.dir)));

  lab
    .command('down')
    .description('stop the lab started by `lab up`: processes, namespaces, temp files, its inventory')
    .option(...dirOption)
    .action(async (flags: DirFlags) => {
      const site = await labDownSite(flags.dir);
      if (site !== undefined) return setExit(site);
      const { stateDir } = labPaths(flags);
      const report = await stopLabInDir(stateDir);
      if (!report) {
        process.stdout.write(`no lab is up (no ${shown(join(stateDir, 'lab.json'))}); nothing to do\n`);
        setExit(EXIT.ok);
        return;
      }
      const how =
        report.keeper === 'gone'
          ? ` (its keeper had died: killed ${report.processesKilled} process(es), removed ${report.namespacesRemoved} namespace(s))`
          : '';
      process.stdout.write(
        `lab ${report.labId} is down: ${report.hosts} host(s) stopped, namespaces and temp files removed${how}\n`,
      );
      setExit(EXIT.ok);
    });
};

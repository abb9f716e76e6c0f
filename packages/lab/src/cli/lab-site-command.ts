import { join, relative, resolve } from 'node:path';
import { ConfigError } from 'acp-play/core/errors.js';
import { DEFAULT_LAB_SWITCH, MAX_LAB_NODES } from '../site/site-lab-inventory.js';
import { launchSiteLab, stopSiteLab } from '../site/site-lab-launch.js';
import { sendLabControl } from '../site/site-lab-control.js';
import { readSiteLabState } from '../site/site-lab-state.js';
import { siteLabStatus } from '../site/site-lab-status.js';
import type { SimPlatformId } from '../sim/sim-types.js';
import { portName } from '../site/site-lab-inventory.js';
import { defaultPlatforms } from 'acp-play/platforms/platform-list.js';
import { switchSettings, type SwitchFlags } from './lab-switch-flags.js';
import { simulatedSwitch } from './simulated-switch.js';
import { EXIT } from 'acp-play/cli/exit-codes.js';

/**
 * The default lab behind `acp-play lab up | status | down` (no root): the site of inventories/site1 as simulators
 * on 127.0.0.1, one background process, lab.json in DIR (default .acp-play/lab), the inventory in inventories/lab.
 * Called from lab-hosts-command.ts, which owns the `lab` subcommands.
 */

export const SITE_LAB_DIR = join('.acp-play', 'lab');
export const SITE_LAB_INVENTORY = join('inventories', 'lab');

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/** `lab up` without --hosts. Returns the exit code. */
export async function labUpSite(
  flags: {
    readonly nodes?: string;
    readonly dir?: string;
    readonly platform?: string;
  } & SwitchFlags,
): Promise<number> {
  const nodes = Number(flags.nodes ?? '3');
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > MAX_LAB_NODES) {
    throw new ConfigError({
      severity: 'error',
      message: `--nodes ${flags.nodes} is not a whole number from 1 to ${MAX_LAB_NODES}`,
      fix: 'e.g. --nodes 3',
    });
  }
  // The lab's switch simulators speak the simulated platforms of the registry (lab/sim names them SimPlatformId).
  const platform = simulatedSwitch(defaultPlatforms(), flags.platform ?? DEFAULT_LAB_SWITCH).id as SimPlatformId;
  const ports = [...Array.from({ length: 48 }, (_, i) => portName(platform, i + 1))];
  const settings = switchSettings(flags, platform, ports);
  const dir = resolve(flags.dir ?? SITE_LAB_DIR);
  const started = Date.now();
  const { state, cleanedStale } = await launchSiteLab({
    dir,
    inventoryDir: resolve(SITE_LAB_INVENTORY),
    nodes,
    platform,
    switchSettings: settings,
  });
  const inv = shown(state.inventoryDir);
  const down = `acp-play lab down${flags.dir ? ` --dir ${flags.dir}` : ''}`;
  const node0 = state.devices.find((d) => d.name === 'node0')!;
  const sw = state.devices.find((d) => d.role === 'switch')!;
  const lines = [
    ...(cleanedStale ? [`removed the leftovers of a lab that had died in ${shown(dir)}`] : []),
    `lab ${state.id} is up (${((Date.now() - started) / 1000).toFixed(1)} s): the site of inventories/site1, simulated on 127.0.0.1, in one background process (pid ${state.keeperPid})`,
    ...state.devices.map(
      (d) =>
        `  ${d.name.padEnd(8)} 127.0.0.1:${String(d.port).padEnd(5)}  ${d.role === 'switch' ? `${d.platform} simulator, empty config${describeSettings(settings)}` : `node simulator (fake nmstatectl, state in ${shown(join(d.dir!, 'state.json'))})`}`,
    ),
    `inventory: ${inv} (every host key pinned in ${join(inv, 'known_hosts')}; key ${shown(state.keyFile)})`,
    `try:       acp-play plan ${inv}`,
    `           acp-play apply ${inv}`,
    `           ssh -i ${shown(state.keyFile)} -o UserKnownHostsFile=${join(inv, 'known_hosts')} -p ${sw.port} admin@127.0.0.1   (the switch CLI)`,
    `           ssh -i ${shown(state.keyFile)} -o UserKnownHostsFile=${join(inv, 'known_hosts')} -p ${node0.port} core@127.0.0.1 nmstatectl show`,
    `stop:      ${down}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function describeSettings(s: ReturnType<typeof switchSettings>): string {
  const words = [
    ...(s.sshLegacy ? ['old-switch SSH (diffie-hellman-group14-sha1, ssh-rsa)'] : []),
    ...(s.ignoreRollback ? ['rollback commands do nothing'] : []),
    ...(s.privilege === 1 ? ['login at privilege 1'] : []),
    ...(s.islCapable ? ['ISL-capable ports'] : []),
    ...(s.rejectCommands ?? []).map((re) => `refuses config commands matching /${re}/`),
    ...Object.entries(s.miswire ?? {}).map(([port, n]) => `${port} miswired to ${n.systemName}:${n.portId}`),
  ];
  return words.length > 0 ? `; ${words.join('; ')}` : '';
}

/** `lab status` for a site lab in `dir` (default .acp-play/lab); undefined when there is none there. */
export async function labStatusSite(dirFlag: string | undefined): Promise<number | undefined> {
  const state = readSiteLabState(resolve(dirFlag ?? SITE_LAB_DIR));
  if (!state) return undefined;
  const status = await siteLabStatus(state);
  const lines = [
    `lab ${state.id}: simulated site, since ${state.createdAt}, process ${state.keeperPid} ${status.keeperRunning ? 'running' : 'NOT RUNNING'}`,
    `inventory: ${shown(state.inventoryDir)}`,
    'device   role   platform    port   answers',
    ...status.devices.map(
      (d) =>
        `${d.device.name.padEnd(8)} ${d.device.role.padEnd(6)} ${d.device.platform.padEnd(11)} ${String(d.device.port).padEnd(6)} ${d.answers ? 'yes' : 'NO'} (${d.device.stopped ? 'stopped by `lab stop`' : d.detail})`,
    ),
  ];
  if (!status.healthy)
    lines.push(`something is down: \`acp-play lab down${dirFlag ? ` --dir ${dirFlag}` : ''}\` removes the rest`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return status.healthy ? EXIT.ok : EXIT.failed;
}

/** `lab down` for a site lab in `dir`; undefined when there is none there. */
export async function labDownSite(dirFlag: string | undefined): Promise<number | undefined> {
  const report = await stopSiteLab(resolve(dirFlag ?? SITE_LAB_DIR));
  if (!report) return undefined;
  const how =
    report.keeper === 'gone'
      ? ' (its process had died already)'
      : report.keeper === 'killed'
        ? ' (its process needed SIGKILL)'
        : '';
  process.stdout.write(
    `lab ${report.state.id} is down${how}: ${report.state.devices.length} simulators stopped; removed ${shown(report.state.dir)} and ${shown(report.state.inventoryDir)}\n`,
  );
  return EXIT.ok;
}

/**
 * `lab stop NODE` / `lab start NODE`: one node simulator of the running lab goes away (its port refuses
 * connections) or comes back on the same port with the same host key and the state it had. Returns the exit code.
 */
export async function labNodeControl(
  action: 'stop' | 'start',
  device: string,
  dirFlag: string | undefined,
): Promise<number> {
  const dir = resolve(dirFlag ?? SITE_LAB_DIR);
  const state = readSiteLabState(dir);
  if (!state) {
    process.stderr.write(`no simulated-site lab is up in ${shown(dir)}: start one with \`acp-play lab up\`\n`);
    return EXIT.failed;
  }
  const reply = await sendLabControl(dir, { action, device });
  if (!reply.ok) {
    process.stderr.write(`lab ${action} ${device}: ${reply.error}\n`);
    return EXIT.failed;
  }
  const port = state.devices.find((d) => d.name === device)?.port;
  process.stdout.write(
    action === 'stop'
      ? `${device} is stopped: 127.0.0.1:${port} refuses connections (\`acp-play lab start ${device}\` brings it back)\n`
      : `${device} is running again on 127.0.0.1:${port}, same host key, same state\n`,
  );
  return EXIT.ok;
}

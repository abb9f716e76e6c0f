import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator } from '../sim/start-simulator.js';
import { labLldpNeighbors, labSwitchConfig } from '../site/lab-switch.js';
import { readSwitchLldp } from './kernel-switch-lldp.js';

/**
 * The kernel lab's switch, run inside the User-Mode Linux guest as
 * `node packages/lab/dist/kernel/kernel-switch-main.js`:
 * the NX-OS simulator on KL_SWITCH_ADDR:22 whose ports drive the VLAN-filtering bridge KL_BRIDGE through the
 * data-plane mirror (KL_PORTS: `Ethernet1/3=t-node0,Ethernet1/48=t-fw`). It logs in `admin` with the password in
 * SWITCH1_PASSWORD (the inventory's `password_env`) or the lab's client key, and rejects config commands matching
 * KL_REJECT (fault injection). With KL_LLDP_SOCKET, its LLDP neighbours are what a real lldpd on the bridge ports
 * hears (polled every second through that control socket); else the lab's wiring. Writes `ready` (and its mirror
 * errors to `mirror-errors.txt` on SIGTERM) in KL_DIR.
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`kernel-switch-main: ${name} is not set`);
  return value;
};

const dir = env('KL_DIR');
const ports = Object.fromEntries(
  env('KL_PORTS')
    .split(',')
    .map((pair) => pair.split('=') as [string, string]),
);
const reject = process.env['KL_REJECT'];
const lldpSocket = process.env['KL_LLDP_SOCKET'];
const sim = await startSimulator({
  platform: 'cisco_nxos',
  hostname: 'switch1',
  // The default lab's boot config (LLDP on, switchports up unless shut: see labSwitchConfig) and its wiring.
  config: labSwitchConfig('cisco_nxos'),
  lldpNeighbors: lldpSocket ? {} : labLldpNeighbors('cisco_nxos', ['node0', 'node1', 'node2']),
  host: env('KL_SWITCH_ADDR'),
  port: 22,
  hostKey: readFileSync(env('KL_HOST_KEY'), 'utf8'),
  users: [
    {
      username: 'admin',
      password: env('SWITCH1_PASSWORD'),
      publicKeys: [readFileSync(env('KL_CLIENT_PUB'), 'utf8').trim()],
      privilege: 15,
    },
  ],
  mirror: { bridge: env('KL_BRIDGE'), ports },
  ...(reject ? { rejectCommands: [new RegExp(reject)] } : {}),
  onCommand: (line) => writeFileSync(join(dir, 'commands.log'), `${line}\n`, { flag: 'a' }),
});
await sim.mirrorIdle();
writeFileSync(join(dir, 'ready'), `${sim.fingerprint}\n`);
// Mirror failures are the point of this lab (the bridge must follow the switch): keep them visible as they happen.
let reported = 0;
const watch = setInterval(() => {
  const errors = sim.mirrorErrors();
  if (errors.length === reported) return;
  reported = errors.length;
  writeFileSync(join(dir, 'mirror-errors.txt'), errors.map((e) => `${e}\n`).join(''));
}, 1000);

const lldp = lldpSocket
  ? setInterval(() => {
      void readSwitchLldp(lldpSocket, ports).then((table) => table && sim.rewire(table));
    }, 1000)
  : undefined;

const stop = async (): Promise<void> => {
  clearInterval(watch);
  clearInterval(lldp);
  await sim.mirrorIdle();
  writeFileSync(
    join(dir, 'mirror-errors.txt'),
    sim
      .mirrorErrors()
      .map((e) => `${e}\n`)
      .join(''),
  );
  writeFileSync(join(dir, 'running-config.txt'), sim.runningConfig());
  await sim.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());

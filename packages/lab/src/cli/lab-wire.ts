import { resolve } from 'node:path';
import { sendLabControl } from '../site/site-lab-control.js';
import { readSiteLabState } from '../site/site-lab-state.js';
import { portName } from '../site/site-lab-inventory.js';
import { EXIT } from 'acp-play/cli/exit-codes.js';
import { SITE_LAB_DIR } from './lab-site-command.js';
import { switchSettings } from './lab-switch-flags.js';

/**
 * `lab wire [--miswire SWITCH:PORT=NODE:NIC]...`: re-cables the running default lab, on both ends of each cable: as
 * the site says, or with these cables moved (what an engineer on site does after `check cabling`). The devices'
 * configuration is untouched. Returns the exit code.
 */
export async function labWire(miswireSpecs: readonly string[], dirFlag: string | undefined): Promise<number> {
  const dir = resolve(dirFlag ?? SITE_LAB_DIR);
  const state = readSiteLabState(dir);
  if (!state) {
    process.stderr.write(`no simulated-site lab is up in ${dir}: start one with \`acp-play lab up\`\n`);
    return EXIT.failed;
  }
  const ports = Array.from({ length: 48 }, (_, i) => portName(state.platform, i + 1));
  const miswire = switchSettings({ miswire: miswireSpecs }, state.platform, ports).miswire ?? {};
  const reply = await sendLabControl(dir, { action: 'wire', miswire });
  if (!reply.ok) {
    process.stderr.write(`lab wire: ${reply.error}\n`);
    return EXIT.failed;
  }
  const moved = Object.entries(miswire).map(([port, n]) => `${port} holds ${n.systemName}:${n.portId}`);
  process.stdout.write(
    moved.length === 0
      ? 'the lab is cabled as the site says\n'
      : `the lab is cabled as the site says except: ${moved.join('; ')}\n`,
  );
  return EXIT.ok;
}

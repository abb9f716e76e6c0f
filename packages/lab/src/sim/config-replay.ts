import { SimCli } from './sim-cli.js';
import type { SimPlatform } from './sim-cli-types.js';
import type { SimDevice } from './sim-device.js';

/**
 * Boots the device from a startup-config the way a switch does: every line is typed into configuration mode, a
 * top-level line from global configuration, an indented line in the sub-mode its parent entered. Lines the device
 * refuses are skipped (so are the children of a refused parent), comments (`!`) and banners of `show` output too.
 */
export function replayConfig(device: SimDevice, platform: SimPlatform, text: string): void {
  const cli = new SimCli(device, platform, 'startup-config', 15, true);
  let parentTaken = false;
  for (const raw of text.replace(/\r/g, '').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '' || /^\s*!/.test(line) || /^(Building configuration|Current configuration|end$)/.test(line))
      continue;
    const indented = /^\s/.test(line);
    if (indented && !parentTaken) continue;
    if (!indented) {
      cli.mode = { kind: 'config' };
      cli.session = undefined;
    }
    const result = cli.run(line.trim(), 0);
    if (!indented) parentTaken = !result.failed;
  }
  device.booted(device.running);
}

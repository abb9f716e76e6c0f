import { eosPlatform } from './arista-eos/eos-platform.js';
import { iosPlatform } from './cisco-ios/ios-platform.js';
import { nxosPlatform } from './cisco-nxos/nxos-platform.js';
import { cumulusPlatform } from './cumulus/cumulus-platform.js';
import { linuxPlatform } from './linux/linux-platform.js';
import { nmstatePlatform } from './nmstate/nmstate-platform.js';
import type { PlatformSpec } from './platform-spec.js';
import { PlatformRegistry } from './platform-registry.js';

/** Every platform acp-play ships, in the order messages list them. A new platform is one line here. */
export const PLATFORMS: readonly PlatformSpec[] = [
  nmstatePlatform,
  nxosPlatform,
  eosPlatform,
  iosPlatform,
  cumulusPlatform,
  linuxPlatform,
];

/** The registry of the shipped platforms. */
export function defaultPlatforms(): PlatformRegistry {
  return new PlatformRegistry(PLATFORMS);
}

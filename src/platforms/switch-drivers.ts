import type { SwitchPlatform } from '../core/inventory.js';
import { eosDriver } from './arista-eos/eos-driver.js';
import { iosDriver } from './cisco-ios/ios-driver.js';
import { cumulusDriver } from './cumulus/cumulus-driver.js';
import { nxosDriver } from './cisco-nxos/nxos-driver.js';
import type { SwitchDriver } from './switch-driver.js';

/**
 * The driver per switch platform. Cumulus's driver writes the ifupdown2 `/etc/network/interfaces` over the Transport
 * and runs `ifreload -a`, behind the same SwitchDriver as the CLI platforms.
 */
export const SWITCH_DRIVERS: Partial<Record<SwitchPlatform, SwitchDriver<any>>> = {
  cisco_nxos: nxosDriver,
  arista_eos: eosDriver,
  cisco_ios: iosDriver,
  cumulus: cumulusDriver,
};

/** Why a platform has no driver yet (shown when its hosts are skipped). */
export const MISSING_DRIVER_REASON: Partial<Record<SwitchPlatform, string>> = {};

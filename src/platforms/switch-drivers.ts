import type { SwitchPlatform } from '../inventory/inventory-types.js';
import { eosDriver } from './arista-eos/eos-driver.js';
import { iosDriver } from './cisco-ios/ios-driver.js';
import { nxosDriver } from './cisco-nxos/nxos-driver.js';
import type { SwitchDriver } from './switch-driver.js';

/**
 * The driver per switch platform. Cumulus is the open seam: its driver (ifupdown2 `/etc/network/interfaces` written
 * over the Transport, `ifreload -a`) implements the same SwitchDriver and is added here.
 */
export const SWITCH_DRIVERS: Partial<Record<SwitchPlatform, SwitchDriver<any>>> = {
  cisco_nxos: nxosDriver,
  arista_eos: eosDriver,
  cisco_ios: iosDriver,
};

/** Why a platform has no driver yet (shown when its hosts are skipped). */
export const MISSING_DRIVER_REASON: Partial<Record<SwitchPlatform, string>> = {
  cumulus: 'the Cumulus driver (ifupdown2 interfaces file + ifreload) arrives with a later change; this switch is skipped',
};

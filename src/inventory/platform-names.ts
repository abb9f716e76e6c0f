import type { Platform, SwitchPlatform } from '../core/inventory.js';

/** Every platform spelling acp-play understands (its own ids and Ansible's names), mapped to the platform id. */
export const PLATFORM_NAMES: Readonly<Record<string, Platform>> = {
  nmstate: 'nmstate',
  linux: 'linux',
  cisco_nxos: 'cisco_nxos',
  nxos: 'cisco_nxos',
  'cisco.nxos.nxos': 'cisco_nxos',
  arista_eos: 'arista_eos',
  eos: 'arista_eos',
  'arista.eos.eos': 'arista_eos',
  cisco_ios: 'cisco_ios',
  ios: 'cisco_ios',
  'cisco.ios.ios': 'cisco_ios',
  cumulus: 'cumulus',
  cumulus_linux: 'cumulus',
  'nvidia.nvue.nvue': 'cumulus',
};

const SWITCH_PLATFORMS: readonly SwitchPlatform[] = ['cisco_nxos', 'arista_eos', 'cisco_ios', 'cumulus'];

/** The platform id for a name as written, or undefined when acp-play does not know it. */
export function normalizePlatform(name: string): Platform | undefined {
  return PLATFORM_NAMES[name.trim().toLowerCase()];
}

export function isSwitchPlatform(platform: Platform | undefined): platform is SwitchPlatform {
  return platform !== undefined && (SWITCH_PLATFORMS as readonly string[]).includes(platform);
}

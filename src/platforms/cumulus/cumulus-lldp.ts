import { execLldp, type LldpSpec } from '../lldp-spec.js';
import { parseLldpctlText } from '../lldpctl-json.js';
import { cumulusHostSettings } from './cumulus-host.js';

/** Cumulus Linux runs lldpd: `lldpctl -f json` (through sudo unless the login is root, like the driver). */
export const CUMULUS_LLDP: LldpSpec = execLldp(
  'lldpctl -f json',
  (host) => cumulusHostSettings(host).become,
  parseLldpctlText,
);

import ipaddr from 'ipaddr.js';

/**
 * Character sets for inventory values that end up in commands, device CLIs and Kubernetes objects. Each check
 * returns undefined when the value is fine, or the rule it breaks (used as the fix text), so that no inventory
 * value can ever reach a shell or a switch CLI as syntax.
 */

/** Linux interface and bridge names: IFNAMSIZ-1 = 15 characters. */
export const INTERFACE_RULE =
  'a Linux interface name is 1-15 characters from A-Z a-z 0-9 _ . - and does not start with - (nor is . or ..)';

export function checkInterfaceName(name: string): string | undefined {
  const ok =
    name.length >= 1 &&
    name.length <= 15 &&
    /^[A-Za-z0-9_.-]+$/.test(name) &&
    !name.startsWith('-') &&
    name !== '.' &&
    name !== '..';
  return ok ? undefined : INTERFACE_RULE;
}

export const PORT_RULE =
  'a switch port name is 1-64 characters from A-Z a-z 0-9 / . _ : - and does not start with - (e.g. Ethernet1/3, swp1)';

export function checkPortName(name: string): string | undefined {
  return /^[A-Za-z0-9/._:][A-Za-z0-9/._:-]{0,63}$/.test(name) ? undefined : PORT_RULE;
}

/**
 * Descriptions go into switch CLIs (`description ...`) where `!` and `#` start comments, `?` asks for help on
 * IOS, and `| ; & $ \` " '` mean something to shells and CLIs. Only plain characters are allowed.
 */
export const DESCRIPTION_RULE =
  'use at most 200 characters from letters, digits, spaces and _ . , : / ( ) + = @ - (no ! # ? | ; & $ ` \\ quotes, brackets or control characters), not starting or ending with a space';

export function checkDescription(text: string): string | undefined {
  return /^[A-Za-z0-9_.,:/()+=@-]([A-Za-z0-9 _.,:/()+=@-]{0,198}[A-Za-z0-9_.,:/()+=@-])?$/.test(text)
    ? undefined
    : DESCRIPTION_RULE;
}

/** VLAN names: NX-OS, EOS and IOS accept up to 32 characters; no spaces so every CLI takes them unquoted. */
export const VLAN_NAME_RULE = 'a VLAN name is 1-32 characters from A-Z a-z 0-9 _ . - and does not start with -';

export function checkVlanName(name: string): string | undefined {
  return /^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,31}$/.test(name) ? undefined : VLAN_NAME_RULE;
}

/** Kubernetes object and namespace names (DNS-1123 labels). */
export const K8S_NAME_RULE =
  'a Kubernetes name is 1-63 characters from a-z 0-9 -, starting and ending with a letter or digit';

export function checkK8sName(name: string): string | undefined {
  return /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(name) ? undefined : K8S_NAME_RULE;
}

export const ADDRESS_RULE = 'write an IPv4 address (172.16.0.10), an IPv6 address, or a DNS name (switch1.example.com)';

/** An IP address or an RFC 1123 host name; dotted digits must be a real IPv4 address. */
export function checkAddress(address: string): string | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return undefined;
  if (address.includes(':')) return ipaddr.IPv6.isValid(address) ? undefined : ADDRESS_RULE;
  if (/^[\d.]+$/.test(address)) return ADDRESS_RULE;
  const label = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
  const labels = address.replace(/\.$/, '').split('.');
  return address.length <= 253 && labels.every((l) => label.test(l)) ? undefined : ADDRESS_RULE;
}

/** Environment variable names for `password_env`. */
export function checkEnvName(name: string): string | undefined {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
    ? undefined
    : 'an environment variable name is letters, digits and _ and does not start with a digit';
}

/**
 * Ansible's `parse_address(pattern, allow_ranges=True)` (ansible/parsing/utils/addresses.py): splits a `:port` off a
 * host entry (`switch1:2222`, `[2001:db8::1]:2222`) and checks that what is left is an IPv4 address, an IPv6
 * address or a host name, any of them with `[x:y]` ranges. Undefined when it is none of them: Ansible then takes
 * the whole entry, colons included, as the host pattern, without a port.
 */
export function parseHostAddress(entry: string): { pattern: string; port?: number } | undefined {
  let address = entry;
  let port: number | undefined;
  for (const re of [BRACKETED_HOSTPORT, HOSTPORT]) {
    const m = re.exec(address);
    if (m) {
      address = m[1]!;
      port = Number(m[2]);
    }
  }
  // Every IPv6 form has a colon; testing for it first spares the first run of a host name the compilation of the
  // large IPv6 expression (about 16 ms, most of reading a small inventory).
  const ipv6 = address.includes(':') && IPV6.test(address);
  if (!IPV4.test(address) && !ipv6 && !HOSTNAME.test(address)) return undefined;
  return port === undefined ? { pattern: address } : { pattern: address, port };
}

const NUMERIC_RANGE = String.raw`\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\]`;
const HEX_RANGE = String.raw`\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\]`;
const ALNUM_RANGE = String.raw`\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]`;
const V6 = `(?:[0-9a-f]{1,4}|${HEX_RANGE})`;
const V4 = `(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|${NUMERIC_RANGE})`;
// Python's \w under re.UNICODE: letters, digits and the underscore of any script.
const WORD = String.raw`[\p{L}\p{N}_]`;
const LABEL = `(?:${WORD}|${ALNUM_RANGE})(?:${WORD}|[_-]|${ALNUM_RANGE})*(?<![_-])`;

const BRACKETED_HOSTPORT = /^\[(.+)\]:([0-9]+)$/;
const HOSTPORT = /^((?:[^:[\]]|\[[^\]]*\])*):([0-9]+)$/;
const IPV4 = new RegExp(`^(?:${V4}\\.){3}${V4}$`, 'i');
const IPV6 = new RegExp(
  '^(' +
    [
      `(?:${V6}:){7}${V6}`,
      `(?:${V6}:){1,6}:`,
      `(?:${V6}:)(?::${V6}){1,6}`,
      `(?:${V6}:){2}(?::${V6}){1,5}`,
      `(?:${V6}:){3}(?::${V6}){1,4}`,
      `(?:${V6}:){4}(?::${V6}){1,3}`,
      `(?:${V6}:){5}(?::${V6}){1,2}`,
      `(?:${V6}:){6}(?::${V6})`,
      `:(?::${V6}){1,6}`,
      `${V6}?::`,
      `(?:0:){6}(?:${V6}\\.){3}${V6}`,
      `::(?:ffff:)?(?:${V6}\\.){3}${V6}`,
      `(?:0:){5}ffff:(?:${V6}\\.){3}${V6}`,
    ].join('|') +
    ')$',
  'i',
);
const HOSTNAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`, 'iu');

/** Where the metrics server listens. */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * `127.0.0.1:9464`, `0.0.0.0:9464`, `[::1]:9464`, `:9464` (every address): the host and a port from 0 to 65535 (0
 * picks a free one). Undefined when the text is not one.
 */
export function parseListenAddress(text: string): ListenAddress | undefined {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([^\s:[\]]*)):(\d{1,5})$/.exec(text.trim());
  if (!m) return undefined;
  const port = Number(m[3]);
  if (port > 65_535) return undefined;
  const host = m[1] ?? m[2] ?? '';
  return { host: host === '' ? '0.0.0.0' : host, port };
}

/** `host:port`, with IPv6 addresses in brackets, as a URL needs it. */
export function formatListenAddress(address: ListenAddress): string {
  return address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

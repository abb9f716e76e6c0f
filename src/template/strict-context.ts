import nunjucks from 'nunjucks';

/**
 * Strict render contexts. nunjucks' `throwOnUndefined` catches `{{ missing }}` but not `{% for x in missing %}`
 * or `{% if port.nativ_vlan %}`, which would silently render a switch config without its ports. So every object
 * in a context is wrapped in a Proxy that throws on a name it does not have, and the root frame throws on an
 * unknown top-level name. Optional values are therefore present as `null` in contexts, never left out, and
 * templates test them with `{% if x %}` (not `is defined`).
 */

const RAW = Symbol('acp-play.raw');

// Names that JS and nunjucks internals probe on any object; absent is a normal answer for them.
const PROBED = new Set(['toJSON', 'then', 'inspect', 'constructor', 'length', 'size', 'nodeType', 'asymmetricMatch']);

// One Proxy per object, made on first use: a template reads `b.interface` many times per node, and a fleet's nodes
// share their VLAN objects. The path in messages is the one the object was first reached by.
const proxies = new WeakMap<object, object>();

/** Wraps `value` (deeply, lazily) so that reading a property it does not have throws. */
export function strictValue(value: unknown, path: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  let proxy = proxies.get(value);
  if (!proxy) {
    proxy = makeStrict(value, path);
    proxies.set(value, proxy);
  }
  return proxy;
}

function makeStrict(value: object, path: string): object {
  // A Proxy must return a frozen object's own values unchanged, so a frozen value gets a shallow copy as target.
  const base = Object.isFrozen(value) ? (Array.isArray(value) ? [...value] : { ...value }) : value;
  return new Proxy(base, {
    get(target, key, receiver) {
      if (key === RAW) return target;
      if (typeof key === 'symbol') return Reflect.get(target, key, receiver);
      if (!(key in target)) {
        if (PROBED.has(key) || (Array.isArray(target) && /^\d+$/.test(key))) return undefined;
        throw new Error(
          `"${key}" is not in ${path} (the render context has: ${Object.keys(target).join(', ') || 'nothing'})`,
        );
      }
      const child = Reflect.get(target, key, receiver) as unknown;
      if (typeof child === 'function') return child;
      return strictValue(child, Array.isArray(target) ? `${path}[${key}]` : `${path}.${key}`);
    },
  });
}

/** The plain value behind a strict Proxy (filters hand values to libraries that must not see the Proxy). */
export function unwrapStrict(value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    const raw = (value as { [RAW]?: unknown })[RAW];
    if (raw !== undefined) return raw;
  }
  return value;
}

/** The top-level names of a context, each value wrapped strictly. */
export function strictContext(context: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(context).map(([name, value]) => [name, strictValue(value, name)]));
}

interface NunjucksFrame {
  lookup(name: string): unknown;
}
type FrameClass = new () => NunjucksFrame;

const Frame = (nunjucks as unknown as { runtime: { Frame: FrameClass } }).runtime.Frame;

/**
 * A root frame for `template.render(context, frame)`: nunjucks looks a name up in the frames first and then in the
 * context, so the root frame is the last stop before "undefined" and can refuse names the context does not have.
 */
export function strictRootFrame(context: object, globals: object): NunjucksFrame {
  const frame = new Frame();
  frame.lookup = (name: string): unknown => {
    if (name in context || name in globals) return undefined;
    throw new Error(`"${name}" is not in the render context (it has: ${Object.keys(context).join(', ') || 'nothing'})`);
  };
  return frame;
}

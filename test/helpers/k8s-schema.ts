/** A kubernetes-models class: its `validate()` checks `this` against the kind's schema and throws. */
export interface ModelClass {
  readonly prototype: { validate(): void };
}

/**
 * Checks a Kubernetes object against its API schema (kubernetes-models: the OpenAPI schemas of Kubernetes 1.33;
 * @kubernetes-models/argo-cd: Argo CD 2.14's CRDs) and, like the API server's strict field validation
 * (`kubectl apply --validate=strict`), reports fields the schema does not know, which the schemas alone let pass.
 * Unknown fields are found by watching which properties the compiled validator reads: it reads every property its
 * schema names and enumerates the keys of free-form maps (labels, data), so a key it never touched is one the
 * schema does not have. Returns the problems, empty when the object is valid.
 */
export function validateStrict(model: ModelClass, object: unknown): string[] {
  const checks: (() => string[])[] = [];
  const watched = watch(object, '', checks);
  try {
    model.prototype.validate.call(watched);
  } catch (error) {
    return [(error as Error).message];
  }
  return checks.flatMap((check) => check()).map((path) => `${path}: unknown field`);
}

function watch(value: unknown, path: string, checks: (() => string[])[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v, i) => watch(v, `${path}/${i}`, checks));
  const read = new Set<string>();
  let enumerated = false;
  const children = Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, watch(v, `${path}/${k}`, checks)]),
  );
  checks.push(() =>
    enumerated
      ? []
      : Object.keys(children)
          .filter((k) => !read.has(k))
          .map((k) => `${path}/${k}`),
  );
  return new Proxy(children, {
    get: (target, key, receiver) => {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has: (target, key) => {
      if (typeof key === 'string') read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys: (target) => {
      enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

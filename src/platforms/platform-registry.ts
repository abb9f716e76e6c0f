import { InternalError } from '../core/errors.js';
import type { PlatformCatalog } from '../core/platform.js';
import type { PlatformSpec } from './platform-spec.js';

/**
 * The platforms of a run, looked up by id or alias. A value that is built and passed in (the CLI builds it from
 * platform-list.ts; a test may add a platform of its own), never imported as a global.
 */
export class PlatformRegistry implements PlatformCatalog<PlatformSpec> {
  readonly all: readonly PlatformSpec[];
  private readonly byName = new Map<string, PlatformSpec>();

  constructor(specs: readonly PlatformSpec[]) {
    this.all = [...specs];
    for (const spec of specs) {
      if ((spec.role === 'switch') !== (spec.switch !== undefined))
        throw new InternalError(`platform ${spec.id}: a switch platform has switch parts, and only a switch platform`);
      for (const name of [spec.id, ...spec.aliases]) {
        const key = name.toLowerCase();
        const taken = this.byName.get(key);
        if (taken) throw new InternalError(`platform name ${name} is used by both ${taken.id} and ${spec.id}`);
        this.byName.set(key, spec);
      }
    }
  }

  resolve(name: string): PlatformSpec | undefined {
    return this.byName.get(name.trim().toLowerCase());
  }

  /** A registry with one more platform. */
  with(spec: PlatformSpec): PlatformRegistry {
    return new PlatformRegistry([...this.all, spec]);
  }
}

import { inspect } from 'node:util';

const MASK = '********';

/**
 * A secret value (password, vault plaintext). Printing, string interpolation, JSON and `util.inspect` all show
 * `********`; only `reveal()` gives the value, so leaking it takes a deliberate call.
 */
export class Secret {
  readonly #value: string;
  /** Where the value came from, safe to print (`env ACP_NODE1_PASSWORD`, `inventory/host_vars/node1.yml`). */
  readonly source: string;

  constructor(value: string, source = 'secret') {
    this.#value = value;
    this.source = source;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  [inspect.custom](): string {
    return `Secret(${MASK} from ${this.source})`;
  }
}

/** The mask printed in place of secrets. */
export const SECRET_MASK = MASK;

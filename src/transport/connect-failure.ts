import { explainNegotiationFailure, type NegotiationContext } from './handshake-diagnosis.js';
import type { HandshakeWatch } from './handshake-watch.js';
import type { planAuth } from './ssh-auth.js';

/** Reason a single connect attempt failed, and whether trying again could help. */
export class AttemptError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What one attempt knew when ssh2 reported an error before the connection was ready. */
export interface AttemptState {
  readonly prefix: string;
  readonly hostKeyReason: string | undefined;
  readonly plan: ReturnType<typeof planAuth>;
  readonly watch: HandshakeWatch;
  readonly negotiation: NegotiationContext;
}

/**
 * Turns ssh2's error into the attempt's reason. Host key, authentication and algorithm failures are final; network
 * failures and handshake timeouts may be retried.
 */
export function classifyConnectError(
  err: Error & { level?: string; code?: string },
  state: AttemptState,
): AttemptError {
  const { prefix, plan } = state;
  if (state.hostKeyReason !== undefined)
    return new AttemptError(`${prefix}host key rejected: ${state.hostKeyReason}`, false, { cause: err });
  const negotiation = explainNegotiationFailure(err, state.watch, state.negotiation);
  if (negotiation !== undefined) return new AttemptError(`${prefix}${negotiation}`, false, { cause: err });
  if (err.level === 'client-authentication') {
    const tried = plan.tried.length > 0 ? plan.tried.join(', ') : 'no usable method';
    const skipped = plan.skipped.length > 0 ? `; ${plan.skipped.join('; ')}` : '';
    return new AttemptError(`${prefix}authentication failed (tried: ${tried})${skipped}`, false, { cause: err });
  }
  if (err.level === 'client-timeout')
    return new AttemptError(`${prefix}timed out waiting for the SSH handshake`, true, { cause: err });
  if (err.code === 'ECONNREFUSED') return new AttemptError(`${prefix}connection refused`, true, { cause: err });
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN')
    return new AttemptError(`${prefix}cannot resolve host name`, err.code === 'EAI_AGAIN', { cause: err });
  return new AttemptError(`${prefix}${err.message}`, err.level === 'client-socket', { cause: err });
}

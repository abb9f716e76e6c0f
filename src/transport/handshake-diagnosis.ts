import { LIST_OPTION, type HandshakeList, type HandshakeWatch } from './handshake-watch.js';
import { hostKeyAlgorithmsFor } from './host-key.js';
import {
  ALGORITHM_NOUN,
  SSH_LIBRARY,
  SUPPORTED_ALGORITHMS,
  weakness,
  type AlgorithmOption,
} from './ssh-algorithm-catalog.js';
import type { AlgorithmSetting, HostAlgorithms } from './ssh-algorithms.js';

// ssh2 1.17's words for each list that found nothing in common (lib/protocol/kex.js).
const FAILURES: readonly (readonly [RegExp, HandshakeList])[] = [
  [/no matching key exchange algorithm/i, 'kex'],
  [/no matching host key format/i, 'hostKey'],
  [/no matching C->S cipher/i, 'cipherCS'],
  [/no matching S->C cipher/i, 'cipherSC'],
  [/no matching C->S MAC/i, 'macCS'],
  [/no matching S->C MAC/i, 'macSC'],
];

/** What the connection offered, to explain a failed negotiation. */
export interface NegotiationContext {
  readonly algorithms: HostAlgorithms;
  /** Key types pinned for the host in known_hosts, which restrict the host key list (absent: none pinned). */
  readonly pinnedKeyTypes?: readonly string[];
}

/**
 * The message for a handshake that found no algorithm in common, naming the server's offer, what acp-play allowed
 * and the setting that would allow the server's; undefined when the handshake failed for another reason.
 */
export function explainNegotiationFailure(
  error: Error,
  watch: HandshakeWatch,
  ctx: NegotiationContext,
): string | undefined {
  const list = FAILURES.find(([words]) => words.test(error.message))?.[1];
  if (!list) return undefined;
  const option = LIST_OPTION[list];
  const offered = watch.remote[list] ?? [];
  const allowed = watch.local[list] ?? ctx.algorithms.lists[option];
  const pinned = option === 'HostKeyAlgorithms' ? ctx.pinnedKeyTypes : undefined;
  const server = watch.serverSoftware ? `the server (${watch.serverSoftware})` : 'the server';
  return [
    `no ${ALGORITHM_NOUN[option]} in common`,
    `${server} offers ${offered.join(', ') || 'none'}`,
    `acp-play allows ${allowed.join(', ')}${pinned ? ` (those that fit the ${pinned.join(', ')} key pinned for this host)` : ''}`,
    fixFor(option, offered, ctx.algorithms, pinned),
  ].join('; ');
}

function fixFor(
  option: AlgorithmOption,
  offered: readonly string[],
  algorithms: HostAlgorithms,
  pinned: readonly string[] | undefined,
): string {
  const setting: AlgorithmSetting | undefined = algorithms.settings[option];
  // The strongest first: ssh2's own order puts its defaults first and the weakest last.
  const usable = SUPPORTED_ALGORITHMS[option].filter((name) => offered.includes(name));
  if (usable.length === 0) return `${SSH_LIBRARY} can use none of them, so this server cannot be reached`;
  const fitting = pinned ? usable.filter((name) => hostKeyAlgorithmsFor(pinned).includes(name)) : usable;
  if (fitting.length === 0)
    return (
      `none of them can present the key pinned for this host; if the host's key really changed, check the new ` +
      `fingerprint on the device and pin it again (acp-play keyscan --replace)`
    );
  const pick = fitting[0]!;
  const weak = weakness(option, pick);
  const what = `to allow ${pick}${weak ? ` (${weak}: weak, off by default)` : ''}`;
  if (!setting)
    return `${what}, add "${option} +${pick}" to the ssh config for this host (or -o ${option}=+${pick} in ansible_ssh_common_args)`;
  const value = setting.value.trim();
  // A -list cannot add a name: the fix spells out the list the setting gave, plus the server's algorithm.
  const changed = value.startsWith('-') ? [...algorithms.lists[option], pick].join(',') : `${value},${pick}`;
  const overrides = setting.origin === 'inventory' ? ', which wins over the ssh config' : '';
  const where = `${setting.origin === 'inventory' ? 'by' : 'at'} ${setting.source}`;
  return `${option} is set to "${value}" ${where}${overrides}; ${what}, change it to "${option} ${changed}"`;
}

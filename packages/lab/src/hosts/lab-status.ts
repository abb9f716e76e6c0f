import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabState } from './lab-state.js';
import { pidMatches } from './lab-teardown.js';

/** Liveness of one recorded host. */
export interface LabHostStatus {
  readonly name: string;
  readonly netns: string;
  readonly port: number;
  readonly sshd: boolean;
  readonly forwarder: boolean;
  readonly namespace: boolean;
  /** Successful logins in the host's sshd log. */
  readonly logins: number;
}

/** What `lab status` shows: the keeper and every host, checked against /proc and /run/netns now. */
export interface LabStatus {
  readonly state: LabState;
  readonly keeperRunning: boolean;
  readonly hosts: readonly LabHostStatus[];
  /** True when the keeper and every host's sshd, forwarder and namespace are there. */
  readonly healthy: boolean;
}

export function labStatus(state: LabState): LabStatus {
  const keeperRunning = state.keeperPid !== undefined && pidMatches(state.keeperPid, 'lab-keeper');
  const hosts = state.hosts.map((h) => ({
    name: h.name,
    netns: h.netns,
    port: h.port,
    sshd: pidMatches(h.sshdPid, h.dir),
    forwarder: pidMatches(h.socatPid, h.netns),
    namespace: existsSync(`/run/netns/${h.netns}`),
    logins: loginsIn(join(h.dir, 'sshd.log')),
  }));
  const healthy =
    (state.keeperPid === undefined || keeperRunning) &&
    state.status === 'up' &&
    hosts.every((h) => h.sshd && h.forwarder && h.namespace);
  return { state, keeperRunning, hosts, healthy };
}

function loginsIn(log: string): number {
  try {
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('Accepted publickey for ')).length;
  } catch {
    return 0;
  }
}

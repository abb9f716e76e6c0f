import type { SerialStep } from '../core/playbook.js';

/**
 * Splits a play's hosts into batches the way Ansible's `serial` does: each step is a count or a percentage of
 * the play's hosts (rounded down, at least 1); the last step repeats until every host has a batch.
 */
export function splitBatches<T>(hosts: readonly T[], serial: readonly SerialStep[] | undefined): T[][] {
  if (!serial || serial.length === 0 || hosts.length === 0) return hosts.length > 0 ? [[...hosts]] : [];
  const batches: T[][] = [];
  let index = 0;
  let step = 0;
  while (index < hosts.length) {
    const spec = serial[Math.min(step, serial.length - 1)]!;
    const size = 'count' in spec ? spec.count : Math.max(1, Math.floor((hosts.length * spec.percent) / 100));
    batches.push(hosts.slice(index, index + size));
    index += size;
    step++;
  }
  return batches;
}

/** Ansible's rule: the play stops when the share of failed hosts exceeds max_fail_percentage. */
export function exceedsMaxFail(failed: number, total: number, maxFailPercentage: number): boolean {
  if (total === 0 || failed === 0) return false;
  return (failed * 100) / total > maxFailPercentage;
}

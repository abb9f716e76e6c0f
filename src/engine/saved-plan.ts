import { readFileSync } from 'node:fs';
import { AcpError, ConfigError } from '../core/errors.js';
import { PLAN_FORMAT, type InputDigests, type RunPlan } from '../core/run.js';
import { movedInputs } from './run-inputs.js';

/** A saved plan that can no longer be applied as it is: what moved, one line each. Exit 1, nothing was changed. */
export class StalePlanError extends AcpError {
  constructor(
    readonly file: string,
    readonly moved: readonly string[],
  ) {
    super(
      `${file}: the plan cannot be applied as it was made; nothing was changed:\n${moved.map((m) => `  - ${m}`).join('\n')}\n` +
        'make a new plan (acp-play plan INVENTORY --out FILE), review it, and apply that',
    );
  }
}

/** Reads a plan file written by `plan --out`; anything else is bad input (exit 3). */
export function readPlanFile(file: string): RunPlan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError({ severity: 'error', message: `cannot read plan file ${file}: ${(error as Error).message}` });
  }
  let plan: Partial<RunPlan>;
  try {
    plan = JSON.parse(text) as Partial<RunPlan>;
  } catch (error) {
    throw new ConfigError({
      severity: 'error',
      location: { file, line: 1, col: 1 },
      message: `not a plan file (not JSON: ${(error as Error).message})`,
      fix: 'give a file written by acp-play plan INVENTORY --out FILE',
    });
  }
  if (plan?.format !== PLAN_FORMAT || !Array.isArray(plan.hosts) || typeof plan.inventory !== 'string')
    throw new ConfigError({
      severity: 'error',
      location: { file, line: 1, col: 1 },
      message: `not an acp-play plan file of format ${PLAN_FORMAT} (format: ${String(plan?.format)})`,
      fix: 'make the plan again with this acp-play: acp-play plan INVENTORY --out FILE',
    });
  return plan as RunPlan;
}

/**
 * Why a saved plan cannot be applied now, before anything is contacted: it is incomplete (interrupted, or hosts
 * failed to plan), it was made by another acp-play version, or an input file moved. Empty when it can.
 */
export function staleInputs(plan: RunPlan, now: { toolVersion: string; inputs: InputDigests }): string[] {
  const moved: string[] = [];
  if (plan.interrupted) moved.push('the plan was interrupted: it does not cover every host');
  for (const h of plan.hosts)
    if (h.status !== 'in-sync' && h.status !== 'changes')
      moved.push(`${h.host} was not planned (${h.status}${h.error ? `: ${h.error}` : ''})`);
  if (plan.toolVersion !== now.toolVersion)
    moved.push(`the plan was made by acp-play ${plan.toolVersion}; this is ${now.toolVersion}`);
  moved.push(...movedInputs(plan.inputs, now.inputs));
  return moved;
}

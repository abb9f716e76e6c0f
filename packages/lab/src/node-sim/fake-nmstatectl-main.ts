/**
 * Entry point of the node simulator's fake `nmstatectl` and `busctl` (see fake-nmstatectl.ts). The per-node wrapper
 * scripts run `node fake-nmstatectl-main.js [--as-busctl] ARGS...` with the node's state file in
 * ACP_NODE_SIM_STATE.
 */
import { STATE_ENV } from './fake-nmstatectl-env.js';
import { runFakeBusctl, runFakeNmstatectl } from './fake-nmstatectl.js';

const statePath = process.env[STATE_ENV];
if (!statePath) {
  process.stderr.write(
    `fake nmstatectl: ${STATE_ENV} is not set (this program runs inside the acp-play node simulator)\n`,
  );
  process.exit(1);
}
const args = process.argv.slice(2);
try {
  const run = args[0] === '--as-busctl' ? runFakeBusctl(args.slice(1), statePath) : runFakeNmstatectl(args, statePath);
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  process.exitCode = run.code;
} catch (error) {
  process.stderr.write(`fake nmstatectl: ${(error as Error).message}\n`);
  process.exitCode = 1;
}

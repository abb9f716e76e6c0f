import { CommandError } from '../../../src/core/errors.js';
import type { Transport } from '../../../src/core/transport.js';
import type { SwitchDriver } from '../../../src/platforms/switch-driver.js';
import { parseFakeOsConfig } from './fake-os-config.js';

/** The configuration saved by `begin`, restored by a rollback. */
export interface FakeOsTxn {
  readonly saved: string;
}

async function run(conn: Transport, command: string): Promise<string> {
  const r = await conn.exec(command);
  if (r.exitCode !== 0) throw new CommandError(conn.host, command, r.exitCode, r.stderr);
  return r.stdout;
}

/** fake_os over exec: `show config`; `save NAME`, the commands, `discard NAME`; or `restore NAME`. */
export const fakeOsDriver: SwitchDriver<FakeOsTxn> = {
  async gather(conn) {
    return { state: parseFakeOsConfig(await run(conn, 'show config')) };
  },
  async begin(conn, ctx) {
    const saved = `acp-play-${ctx.runId}-${ctx.session.nextSequence()}`;
    await run(conn, `save ${saved}`);
    return { saved };
  },
  async apply(conn, plan) {
    for (const change of plan.changes) for (const cmd of change.commands) await run(conn, cmd.text);
  },
  async commit(conn, _ctx, txn) {
    await run(conn, `discard ${txn.saved}`);
  },
  async rollback(conn, _ctx, txn) {
    await run(conn, `restore ${txn.saved}`);
    return `restore ${txn.saved}`;
  },
  async save(conn) {
    await run(conn, 'write startup');
  },
};

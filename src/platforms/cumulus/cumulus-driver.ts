import { CommandError } from '../../core/errors.js';
import type { CommandResult, ExecOptions, Transport } from '../../core/transport.js';
import { shellQuote } from '../../transport/shell-quote.js';
import type { DriverContext, SwitchDriver } from '../switch-driver.js';
import type { EniDocument } from './cumulus-eni.js';
import { cumulusHostSettings } from './cumulus-host.js';
import { cumulusState } from './cumulus-state.js';

/** The commands the driver runs, as data. */
export const CUMULUS_EXEC = {
  bridgeVlans: 'bridge -j vlan show',
  reload: 'ifreload -a',
} as const;

/** The backup `begin` took, and how to reach the file. */
export interface CumulusTxn {
  readonly file: string;
  readonly backup: string;
  readonly become: boolean;
  readonly keepBackup: boolean;
}

async function run(conn: Transport, command: string, opts: ExecOptions): Promise<CommandResult> {
  const result = await conn.exec(command, opts);
  if (result.exitCode !== 0)
    throw new CommandError(conn.host, command, result.exitCode, `${result.stderr}\n${result.stdout}`);
  return result;
}

/** ifreload's own words: its `error:` lines, else the tail of what it printed. */
export function ifreloadWords(result: Pick<CommandResult, 'stdout' | 'stderr'>): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const errors = lines.filter((l) => /^error:/i.test(l));
  return (errors.length ? errors : lines.slice(-5)).join('; ') || '(no output)';
}

async function reload(conn: Transport, ctx: DriverContext, become: boolean): Promise<void> {
  const result = await conn.exec(CUMULUS_EXEC.reload, { become, timeoutMs: ctx.timeouts.slowMs });
  if (result.exitCode !== 0) {
    throw new Error(
      `${CUMULUS_EXEC.reload} failed (${result.exitCode === null ? 'no exit code' : `exit ${result.exitCode}`}): ${ifreloadWords(result)}`,
    );
  }
}

/**
 * Cumulus Linux (ifupdown2), document-based: the desired state is a whole `/etc/network/interfaces` (the plan's
 * `document`, rendered by cumulus-render.ts).
 * begin copies the file to `<file>.acp-play-<runId>.bak`; apply uploads the new file next to it, moves it into place
 * and runs `ifreload -a` (a non-zero exit is the apply failure, in ifreload's words); the runner then re-gathers
 * (`bridge -j vlan show`: the kernel's truth) and needs an empty re-plan; commit removes the backup (kept with
 * `keep_interfaces_backup: true`); rollback copies the backup back and runs `ifreload -a` again. There is no
 * running/startup split: the file IS the startup configuration, so save does nothing.
 */
export const cumulusDriver: SwitchDriver<CumulusTxn, EniDocument> = {
  async gather(conn, ctx) {
    const { interfacesFile, become } = cumulusHostSettings(ctx.host);
    const opts = { become, timeoutMs: ctx.timeouts.commandMs };
    const file = await run(conn, `cat ${shellQuote(interfacesFile)}`, opts);
    const kernel = await run(conn, CUMULUS_EXEC.bridgeVlans, opts);
    const warnings: string[] = [];
    const current = cumulusState({ interfacesText: file.stdout, bridgeVlanJson: kernel.stdout }, warnings);
    for (const w of warnings) ctx.note(w);
    return current;
  },

  async begin(conn, ctx) {
    const { interfacesFile: file, become, keepBackup } = cumulusHostSettings(ctx.host);
    // Numbered by the host's sequence, so a second step of the same run does not overwrite the first one's backup.
    const n = ctx.session.nextSequence();
    const backup = `${file}.acp-play-${ctx.runId}${n > 1 ? `-${n}` : ''}.bak`;
    await run(conn, `cp -p ${shellQuote(file)} ${shellQuote(backup)}`, { become, timeoutMs: ctx.timeouts.commandMs });
    ctx.note(`backed up ${file} to ${backup}`);
    return { file, backup, become, keepBackup };
  },

  async apply(conn, { changes, document }, ctx, txn) {
    if (changes.length === 0) return;
    if (document === undefined)
      throw new Error('no interfaces file was planned for the changes (Cumulus needs the whole file)');
    const staged = `${txn.file}.acp-play-${ctx.runId}.new`;
    await conn.upload(staged, document, { mode: 0o644, become: txn.become });
    // Moved into place in one step, so ifupdown2 never reads a half-written file.
    await run(conn, `mv -f ${shellQuote(staged)} ${shellQuote(txn.file)}`, {
      become: txn.become,
      timeoutMs: ctx.timeouts.commandMs,
    });
    await reload(conn, ctx, txn.become);
  },

  async commit(conn, ctx, txn) {
    if (txn.keepBackup) {
      ctx.note(`kept the backup ${txn.backup} (keep_interfaces_backup)`);
      return;
    }
    await run(conn, `rm -f ${shellQuote(txn.backup)}`, { become: txn.become, timeoutMs: ctx.timeouts.commandMs });
  },

  async rollback(conn, ctx, txn) {
    await run(conn, `cp -p ${shellQuote(txn.backup)} ${shellQuote(txn.file)}`, {
      become: txn.become,
      timeoutMs: ctx.timeouts.commandMs,
    });
    await run(conn, `rm -f ${shellQuote(`${txn.file}.acp-play-${ctx.runId}.new`)}`, {
      become: txn.become,
      timeoutMs: ctx.timeouts.commandMs,
    });
    try {
      await reload(conn, ctx, txn.become);
    } catch (error) {
      throw new Error(`restored ${txn.file} from ${txn.backup}, but ${(error as Error).message}; the backup is kept`, {
        cause: error,
      });
    }
    if (!txn.keepBackup)
      await run(conn, `rm -f ${shellQuote(txn.backup)}`, { become: txn.become, timeoutMs: ctx.timeouts.commandMs });
    return `restored ${txn.file} from ${txn.backup} and ran ${CUMULUS_EXEC.reload}`;
  },

  async save(_conn, ctx) {
    ctx.note(
      `save: nothing to do on Cumulus; ${cumulusHostSettings(ctx.host).interfacesFile} is the startup configuration`,
    );
  },
};

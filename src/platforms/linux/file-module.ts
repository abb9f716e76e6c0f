import { createTwoFilesPatch } from 'diff';
import { CommandError } from '../../core/errors.js';
import type { TaskModule } from '../../core/module.js';
import { hostTemplateContext } from '../../template/host-context.js';
import { render, renderString } from '../../template/template-env.js';
import type { Transport } from '../../core/transport.js';
import { shellQuote } from '../../transport/shell-quote.js';
import type { Change } from '../../core/change.js';
import { moduleArgs } from '../../playbook/module-args.js';

interface FileDesired {
  readonly dest: string;
  readonly content: string;
  readonly owner?: string;
  readonly group?: string;
  /** Octal without a leading zero, as `stat -c %a` prints it: '644'. */
  readonly mode?: string;
  readonly backup: boolean;
  readonly become: boolean;
}

interface FileCurrent {
  readonly exists: boolean;
  readonly content: string;
  readonly owner: string;
  readonly group: string;
  readonly mode: string;
}

interface FileTxn {
  readonly dest: string;
  readonly become: boolean;
  readonly backup: boolean;
  /** A copy of the old file, restored on rollback; absent when the file did not exist. */
  readonly saved?: string;
}

const ABSENT = 'ACP_PLAY_ABSENT';

/**
 * `file`: a template (or literal content) rendered to a remote path. The plan is a unified diff plus owner/mode
 * changes; apply writes a temp file next to the destination and renames it into place; the old file is kept for
 * rollback, and as `PATH.<run id>~` when `backup: true`.
 */
export const fileModule: TaskModule<FileDesired, FileCurrent, FileTxn> = {
  name: 'file',
  target: (d) => d.dest,
  render(ctx) {
    const a = moduleArgs(ctx.task, 'file');
    const vars = hostTemplateContext(ctx.host);
    const label = `${ctx.task.location.file}:${ctx.task.location.line}: task "${ctx.task.name}"`;
    const content =
      a.template !== undefined
        ? render(renderString(a.template, vars, label), vars)
        : renderString(a.content ?? '', vars, label);
    return {
      dest: renderString(a.dest, vars, label),
      content,
      ...(a.owner ? { owner: a.owner } : {}),
      ...(a.group ? { group: a.group } : {}),
      ...(a.mode ? { mode: a.mode.replace(/^0(?=\d{3})/, '') } : {}),
      backup: a.backup ?? false,
      become: a.become ?? false,
    };
  },
  async gather(conn, d) {
    const p = shellQuote(d.dest);
    // One round trip: metadata line, then the content base64-encoded (binary-safe).
    const r = await conn.exec(
      `if [ -e ${p} ]; then stat -c '%U %G %a' ${p} && base64 < ${p}; else echo ${ABSENT}; fi`,
      { become: d.become },
    );
    if (r.exitCode !== 0) throw new CommandError(conn.host, `read ${d.dest}`, r.exitCode, r.stderr);
    const [meta = '', ...body] = r.stdout.split('\n');
    if (meta === ABSENT) return { exists: false, content: '', owner: '', group: '', mode: '' };
    const [owner = '', group = '', mode = ''] = meta.split(' ');
    return { exists: true, content: Buffer.from(body.join(''), 'base64').toString('utf8'), owner, group, mode };
  },
  plan(d, c) {
    const parts: string[] = [];
    if (!c.exists || c.content !== d.content) {
      parts.push(
        createTwoFilesPatch(c.exists ? d.dest : '/dev/null', d.dest, c.content, d.content, '', '', { context: 3 })
          .split('\n')
          .slice(1)
          .join('\n')
          .trimEnd(),
      );
    }
    if (d.owner && d.owner !== c.owner) parts.push(`owner: ${c.owner || '(none)'} -> ${d.owner}`);
    if (d.group && d.group !== c.group) parts.push(`group: ${c.group || '(none)'} -> ${d.group}`);
    if (d.mode && d.mode !== c.mode) parts.push(`mode: ${c.mode || '(none)'} -> ${d.mode}`);
    if (parts.length === 0) return { changes: [], inSync: [{ resource: d.dest, reason: `${d.dest} already matches` }] };
    const change: Change = {
      resource: d.dest,
      action: c.exists ? 'update' : 'create',
      diff: parts.join('\n'),
      commands: [],
    };
    return { changes: [change], inSync: [] };
  },
  async begin({ conn, ctx, desired: d }) {
    const saved = `${d.dest}.acp-play-${ctx.runId}.orig`;
    const r = await conn.exec(
      `if [ -e ${shellQuote(d.dest)} ]; then cp -p ${shellQuote(d.dest)} ${shellQuote(saved)} && echo saved; fi`,
      { become: d.become },
    );
    if (r.exitCode !== 0) throw new CommandError(conn.host, `save ${d.dest}`, r.exitCode, r.stderr);
    return { dest: d.dest, become: d.become, backup: d.backup, ...(r.stdout.trim() === 'saved' ? { saved } : {}) };
  },
  async apply({ conn, desired: d, ctx }) {
    const tmp = `${d.dest}.acp-play-${ctx.runId}.tmp`;
    await conn.upload(tmp, d.content, { mode: d.mode ? parseInt(d.mode, 8) : 0o644, become: d.become });
    const steps = [
      d.owner || d.group
        ? `chown ${shellQuote(`${d.owner ?? ''}${d.group ? `:${d.group}` : ''}`)} ${shellQuote(tmp)}`
        : undefined,
      d.mode ? `chmod ${shellQuote(d.mode)} ${shellQuote(tmp)}` : undefined,
      `mv -f ${shellQuote(tmp)} ${shellQuote(d.dest)}`,
    ].filter(Boolean);
    await run(conn, steps.join(' && '), d.become, `write ${d.dest}`);
  },
  async commit({ conn, ctx, txn }) {
    if (!txn.saved) return;
    const keep = txn.backup
      ? `mv -f ${shellQuote(txn.saved)} ${shellQuote(`${txn.dest}.${ctx.runId}~`)}`
      : `rm -f ${shellQuote(txn.saved)}`;
    await run(conn, keep, txn.become, `finish ${txn.dest}`);
  },
  async rollback({ conn, ctx, txn }) {
    if (txn.saved) {
      await run(conn, `mv -f ${shellQuote(txn.saved)} ${shellQuote(txn.dest)}`, txn.become, `restore ${txn.dest}`);
      return `restored the previous ${txn.dest}`;
    }
    await run(
      conn,
      `rm -f ${shellQuote(txn.dest)} ${shellQuote(`${txn.dest}.acp-play-${ctx.runId}.tmp`)}`,
      txn.become,
      `remove ${txn.dest}`,
    );
    return `removed the new ${txn.dest}`;
  },
  compareStates(before, after, d) {
    if (before.exists !== after.exists)
      return [
        `${d.dest} ${before.exists ? 'existed' : 'did not exist'} before the run and ${after.exists ? 'exists' : 'is gone'} now`,
      ];
    const fields = (['owner', 'group', 'mode'] as const).filter((f) => before[f] !== after[f]);
    return [
      ...(before.content !== after.content ? [`${d.dest} content differs from before the run`] : []),
      ...fields.map((f) => `${d.dest} ${f} (before the run: ${before[f]}, now: ${after[f]})`),
    ];
  },
};

async function run(conn: Transport, cmd: string, become: boolean, what: string): Promise<void> {
  const r = await conn.exec(cmd, { become });
  if (r.exitCode !== 0) throw new CommandError(conn.host, what, r.exitCode, r.stderr || r.stdout);
}

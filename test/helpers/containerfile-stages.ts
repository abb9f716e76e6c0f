import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One instruction of a Containerfile, its continuation lines joined. */
export interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** A build stage: its name (`AS name`, else its index) and its instructions after FROM. */
export interface Stage {
  readonly name: string;
  readonly instructions: readonly Instruction[];
}

/** Reads a Containerfile into stages (comments dropped, `\` continuations joined). */
export function readContainerfile(file: string): Stage[] {
  const lines = readFileSync(file, 'utf8').replace(/\\\n/g, ' ').split('\n');
  const stages: { name: string; instructions: Instruction[] }[] = [];
  for (const line of lines) {
    const m = /^\s*([A-Z]+)\s+(.*)$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    const [, keyword, args] = m as unknown as [string, string, string];
    if (keyword === 'FROM') {
      const as = /\sAS\s+(\S+)/i.exec(args);
      stages.push({ name: as?.[1] ?? String(stages.length), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword, args: args.trim() });
    }
  }
  return stages;
}

/**
 * Builds a stage into `root` (standing for the image's /) the way a container engine would for the instructions
 * that touch only the image's own files: WORKDIR, ENV, COPY (from the build context or an earlier stage's root) and,
 * when `runCommands` is set, RUN through /bin/sh in the working directory. Returns the RUN lines left out.
 */
export function buildStage(
  stage: Stage,
  root: string,
  context: string,
  stageRoots: Readonly<Record<string, string>>,
  runCommands: boolean,
): string[] {
  let workdir = '/';
  const env: Record<string, string> = {};
  const skipped: string[] = [];
  for (const { keyword, args } of stage.instructions) {
    if (keyword === 'WORKDIR') {
      workdir = args.startsWith('/') ? args : join(workdir, args);
      mkdirSync(join(root, workdir), { recursive: true });
    } else if (keyword === 'ENV') {
      for (const m of args.matchAll(/(\w+)=(\S+)/g)) env[m[1]!] = m[2]!;
    } else if (keyword === 'COPY') {
      const words = args.split(/\s+/);
      const from = words[0]!.startsWith('--from=') ? words.shift()!.slice('--from='.length) : undefined;
      const dest = words.pop()!;
      const sourceRoot = from === undefined ? context : stageRoots[from]!;
      const target = join(root, dest.startsWith('/') ? dest : join(workdir, dest));
      for (const source of words) {
        const into = dest.endsWith('/') ? join(target, basename(source)) : target;
        cpSync(join(sourceRoot, source), into, { recursive: true });
      }
    } else if (keyword === 'RUN') {
      if (!runCommands) skipped.push(args);
      else execFileSync('/bin/sh', ['-c', args], { cwd: join(root, workdir), env: { ...process.env, ...env } });
    }
  }
  return skipped;
}

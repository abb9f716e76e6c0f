import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, stringify } from 'yaml';
import { ConfigError, type Problem } from '../core/errors.js';
import type { OwnedVlan } from '../core/site.js';
import { YamlTimestamp } from '../core/yaml-timestamp.js';
import { readUserFile } from './user-file.js';
import { YamlFile } from './yaml-file.js';

/**
 * The ownership record: the switch VLAN definitions acp-play created, kept in the inventory folder next to
 * known_hosts, so it travels with the inventory (commit both). NX-OS, EOS and IOS VLANs have a name but nowhere to
 * put an owner, and Cumulus VLANs are bare ids, so the proof of ownership cannot live on the device; a run record on
 * one operator's machine would not reach the next operator. A VLAN missing from the record is only ever left alone,
 * so a lost or stale record fails safe. Hidden (a dot file) because Ansible skips hidden files in an inventory folder.
 */
export const OWNERSHIP_FILE = '.acp-play-owned.yaml';

const HEADER = `# Switch VLANs acp-play created, written by \`acp-play apply\` after each commit. Keep this file with the inventory
# (commit it, as known_hosts): acp-play removes a VLAN the inventory no longer has only when it is listed here and, on
# switches that name VLANs, still has the name it was created with. Everything else is left alone.
# Delete an entry to hand a VLAN back to whoever else manages the switch; add one to hand a VLAN to acp-play.
`;

/** One entry: a VLAN created on a switch, by which run and when. */
export interface OwnershipEntry extends OwnedVlan {
  readonly run?: string;
  readonly at?: string;
}

/** The record: switch name -> the VLANs acp-play created there, by id. */
export type OwnershipRecord = ReadonlyMap<string, readonly OwnershipEntry[]>;

/** The record's path for an inventory directory. */
export function ownershipFileOf(inventoryDir: string): string {
  return join(inventoryDir, OWNERSHIP_FILE);
}

/** Reads the record; an absent file is an empty record. A malformed one is a ConfigError naming file and line. */
export function readOwnershipRecord(file: string): OwnershipRecord {
  if (!existsSync(file)) return new Map();
  // Read through the guarded reader like every other inventory file (a FIFO or a huge file is a located error).
  const { text, invalidAt } = readUserFile(file, 'ownership record');
  const yaml = YamlFile.fromText(file, text, invalidAt);
  const problems: Problem[] = yaml.problems.filter((p) => p.severity === 'error');
  const record = new Map<string, OwnershipEntry[]>();
  const fix = 'each switch lists its VLANs as `- {id: 2003, name: virtual-machines-1}`; or delete the file';
  const contents = yaml.doc.contents;
  if (problems.length === 0 && contents !== null && !isMap(contents))
    problems.push({ severity: 'error', location: yaml.locate([]), message: 'the ownership record is not a map', fix });
  const data = problems.length === 0 ? ((yaml.toValue(contents, problems) ?? {}) as Record<string, unknown>) : {};
  for (const [name, list] of Object.entries(data)) {
    if (!Array.isArray(list) || !isSeq(yaml.find([name]).node)) {
      problems.push({ severity: 'error', location: yaml.locate([name]), message: `${name}: not a list`, fix });
      continue;
    }
    const entries: OwnershipEntry[] = [];
    list.forEach((item: unknown, i) => {
      const entry = toEntry(item);
      if (entry) entries.push(entry);
      else
        problems.push({
          severity: 'error',
          location: yaml.locate([name, i]),
          message: `${name}[${i}]: not a VLAN entry`,
          fix,
        });
    });
    record.set(name, entries);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return record;
}

/** The time of an entry as written (ISO 8601, UTC); the inventory's YAML reader gives timestamps as YamlTimestamp. */
function atText(at: unknown): string | undefined {
  if (typeof at === 'string') return at;
  if (at instanceof Date) return at.toISOString();
  if (at instanceof YamlTimestamp) return new Date(at.toJSON()).toISOString();
  return undefined;
}

function toEntry(item: unknown): OwnershipEntry | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { id, name, run, at } = item as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 4094) return undefined;
  if (name !== undefined && typeof name !== 'string') return undefined;
  return {
    id,
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof run === 'string' ? { run } : {}),
    ...(atText(at) !== undefined ? { at: atText(at) } : {}),
  };
}

/** What one committed change on one switch does to the record. */
export interface OwnershipUpdate {
  readonly switchName: string;
  /** VLANs this run created: now acp-play's. */
  readonly created: readonly OwnedVlan[];
  /** VLANs acp-play owns that this run renamed: the record follows the new name. */
  readonly renamed: readonly OwnedVlan[];
  /** VLANs this run removed, or that are gone from the switch: no longer acp-play's. */
  readonly released: readonly number[];
  readonly runId: string;
  readonly at: Date;
}

/**
 * Applies one update to the record file: read, change, write a temp file and rename it over the old one, all
 * synchronous, so two switches committing at once in one run cannot interleave their writes.
 */
export function updateOwnershipRecord(file: string, update: OwnershipUpdate): void {
  const record = new Map(readOwnershipRecord(file));
  const entries = new Map((record.get(update.switchName) ?? []).map((e) => [e.id, e]));
  for (const id of update.released) entries.delete(id);
  for (const v of update.renamed) {
    const before = entries.get(v.id);
    if (before) entries.set(v.id, { ...before, ...v });
  }
  for (const v of update.created) entries.set(v.id, { ...v, run: update.runId, at: update.at.toISOString() });
  if (entries.size > 0)
    record.set(
      update.switchName,
      [...entries.values()].sort((a, b) => a.id - b.id),
    );
  else record.delete(update.switchName);
  const body = [...record.keys()]
    .sort()
    .map(
      (name) =>
        `${name}:\n${record
          .get(name)!
          .map((e) => `  - ${flow(e)}\n`)
          .join('')}`,
    )
    .join('');
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, HEADER + body);
  renameSync(temp, file);
}

function flow(entry: OwnershipEntry): string {
  const fields = Object.entries({ id: entry.id, name: entry.name, run: entry.run, at: entry.at }).filter(
    ([, v]) => v !== undefined,
  );
  return `{${fields.map(([k, v]) => `${k}: ${stringify(v).trim()}`).join(', ')}}`;
}

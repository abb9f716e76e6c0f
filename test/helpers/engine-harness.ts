import type { Host, Inventory } from '../../src/core/inventory.js';
import type { Site } from '../../src/core/site.js';
import type { TaskModule } from '../../src/core/module.js';
import type { Playbook, Play, Task } from '../../src/core/playbook.js';
import type { Transport, CommandResult } from '../../src/core/transport.js';
import { ConnectError } from '../../src/core/errors.js';
import { command } from '../../src/core/change.js';

/** A host's "device": a key/value store the test module reads and writes through the fake transport. */
export type Devices = Map<string, Map<string, string>>;

/** A transport over an in-memory device: `dump`, `set KEY VALUE`, `del KEY`, `restore JSON` commands. */
export function fakeTransport(host: string, devices: Devices, log: string[]): Transport {
  const dev = devices.get(host)!;
  const result = (cmd: string, stdout: string, exitCode = 0): CommandResult => ({
    command: cmd,
    stdout,
    stderr: exitCode ? 'device said no' : '',
    exitCode,
    durationMs: 0,
  });
  return {
    host,
    async exec(cmd) {
      log.push(`${host}: ${cmd}`);
      const [verb, key = '', value = ''] = cmd.split(' ');
      if (verb === 'dump') return result(cmd, JSON.stringify(Object.fromEntries(dev)));
      if (verb === 'set') {
        if (value === 'POISON') return result(cmd, '', 1);
        dev.set(key, value);
        return result(cmd, '');
      }
      if (verb === 'del') {
        dev.delete(key);
        return result(cmd, '');
      }
      if (verb === 'restore') {
        dev.clear();
        for (const [k, v] of Object.entries(JSON.parse(cmd.slice('restore '.length)) as Record<string, string>))
          dev.set(k, v);
        return result(cmd, '');
      }
      return result(cmd, '', 127);
    },
    async shell() {
      throw new Error('no shell');
    },
    async upload() {},
    async close() {},
  };
}

/**
 * A module that makes the device's keys equal `task.args.want` (with a backup/restore safety net); a key wanted as
 * `null` is removed (a change with action delete).
 */
export const kvModule: TaskModule<Record<string, string | null>, Record<string, string>, string> = {
  name: 'command',
  render: (ctx) => (ctx.task.args as { want: Record<string, string | null> }).want,
  async gather(conn) {
    return JSON.parse((await conn.exec('dump')).stdout) as Record<string, string>;
  },
  plan(desired, current) {
    const changes = Object.entries(desired)
      .filter(([k, v]) => (v === null ? current[k] !== undefined : current[k] !== v))
      .map(([k, v]) =>
        v === null
          ? { resource: k, action: 'delete' as const, diff: `${current[k]} -> (none)`, commands: [command(`del ${k}`)] }
          : {
              resource: k,
              action: current[k] === undefined ? ('create' as const) : ('update' as const),
              diff: `${current[k] ?? '(none)'} -> ${v}`,
              commands: [command(`set ${k} ${v}`)],
            },
      );
    return { changes, inSync: changes.length ? [] : [{ resource: 'kv', reason: 'all keys match' }] };
  },
  async begin({ conn }) {
    return (await conn.exec('dump')).stdout;
  },
  async apply({ conn, plan }) {
    for (const c of plan.changes)
      for (const cmd of c.commands) {
        const r = await conn.exec(cmd.text);
        if (r.exitCode !== 0) throw new Error(`${cmd.text}: ${r.stderr}`);
      }
  },
  async rollback({ conn, txn: saved }) {
    await conn.exec(`restore ${saved}`);
    return 'restored the saved keys';
  },
};

export function host(name: string, groups: string[]): Host {
  return Object.freeze({ name, address: name, groups: ['all', ...groups], vars: {}, origins: {} });
}

export function inventoryOf(hosts: Host[]): Inventory {
  const groups = new Map<
    string,
    { name: string; parents: string[]; children: string[]; hosts: string[]; vars: object; priority: number }
  >();
  for (const h of hosts)
    for (const g of h.groups) {
      const group = groups.get(g) ?? { name: g, parents: [], children: [], hosts: [], vars: {}, priority: 1 };
      group.hosts.push(h.name);
      groups.set(g, group);
    }
  return {
    dir: 'test-inventory',
    hosts: new Map(hosts.map((h) => [h.name, h])),
    groups: groups as Inventory['groups'],
    files: [],
    locate: () => ({ file: 'x', line: 1, col: 1 }),
  };
}

export const emptySite: Site = { name: 't', vlans: [], nodes: [], switches: [], nads: [], others: [] };

export function play(name: string, hosts: string, tasks: Partial<Task>[], extra: Partial<Play> = {}): Play {
  return {
    name,
    hosts,
    maxFailPercentage: 100,
    tags: [],
    location: { file: 'pb.yaml', line: 1, col: 1 },
    tasks: tasks.map((t, i) => ({
      name: `task${i + 1}`,
      module: 'command',
      args: {},
      tags: [],
      location: { file: 'pb.yaml', line: 2, col: 1 },
      ...t,
    })),
    ...extra,
  };
}

export function playbook(...plays: Play[]): Playbook {
  return { file: 'pb.yaml', plays };
}

export function connector(devices: Devices, log: string[], unreachable: Set<string> = new Set()) {
  let connects = 0;
  return {
    connect: async (h: Host) => {
      connects++;
      if (unreachable.has(h.name)) throw new ConnectError(h.name, 'connection refused');
      return fakeTransport(h.name, devices, log);
    },
    count: () => connects,
  };
}

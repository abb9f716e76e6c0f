// Mutations of the inventory folder itself: missing, empty, special and linked files, folders where files were,
// other hosts files (INI, ranges), group loops.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/** The regular files of the inventory, relative to it. */
export function inventoryFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath ?? entry.path, entry.name)));
  }
  return out.sort();
}

const RANGES = [
  'node[0:2]',
  'node[00:02]',
  'x[1:100000]',
  'x[1:1000000000]',
  'x[a:c]',
  'x[3:1]',
  'x[01:5]',
  'x[1:4:0]',
  'x[1:9][1:9][1:9][1:9][1:9]',
  '[2001:db8::1]:22',
  'node0:99999',
  'node0:2222',
];

/** The text of hosts.yaml, or undefined when an earlier mutation removed or broke it. */
function hostsYaml(dir) {
  try {
    return readFileSync(join(dir, 'hosts.yaml'), 'utf8');
  } catch {
    return undefined;
  }
}

const OPERATIONS = {
  remove(dir, rnd) {
    const file = rnd.pick(inventoryFiles(dir));
    rmSync(join(dir, file));
    return `removed ${file}`;
  },
  empty(dir, rnd) {
    const file = rnd.pick(inventoryFiles(dir));
    writeFileSync(
      join(dir, file),
      rnd.pick(['', '\n', '---\n', '...\n', '# only a comment\n', 'null\n', '[]\n', '"a string"\n', '42\n']),
    );
    return `emptied ${file}`;
  },
  special(dir, rnd) {
    const file = rnd.pick(inventoryFiles(dir));
    const path = join(dir, file);
    rmSync(path);
    const kind = rnd.pick(['dangling', 'self', 'loop', 'devzero', 'devnull', 'fifo', 'folder', 'huge', 'outside']);
    if (kind === 'dangling') symlinkSync('/nonexistent/fuzz', path);
    else if (kind === 'self') symlinkSync(basename(path), path);
    else if (kind === 'loop') {
      symlinkSync(`${basename(path)}.other`, path);
      symlinkSync(basename(path), `${path}.other`);
    } else if (kind === 'devzero') symlinkSync('/dev/zero', path);
    else if (kind === 'devnull') symlinkSync('/dev/null', path);
    else if (kind === 'fifo') execFileSync('mkfifo', [path]);
    else if (kind === 'folder') mkdirSync(path);
    else if (kind === 'huge') writeFileSync(path, `# ${'x'.repeat(9 * 1024 * 1024)}\n`);
    else symlinkSync('/etc/hostname', path);
    return `${file} became ${kind}`;
  },
  varsFolder(dir, rnd) {
    const file = rnd.pick(inventoryFiles(dir).filter((f) => f.startsWith('group_vars/') || f.startsWith('host_vars/')));
    if (!file || file.split('/').length !== 2) return 'no vars file';
    const folder = join(dir, file.replace(/\.ya?ml$/, ''));
    const moved = join(dir, `${file}.moving`);
    renameSync(join(dir, file), moved);
    mkdirSync(folder, { recursive: true });
    renameSync(moved, join(folder, 'main.yaml'));
    const link = rnd.pick(['up', 'self', 'root', 'none', 'second']);
    if (link === 'up') symlinkSync('..', join(folder, 'up'));
    else if (link === 'self') symlinkSync('.', join(folder, 'again'));
    else if (link === 'root') symlinkSync('/', join(folder, 'root'));
    else if (link === 'second') writeFileSync(join(folder, 'zz.yaml'), 'extra: 1\n');
    return `${file} became a folder (${link})`;
  },
  strayFile(dir, rnd) {
    const where = rnd.pick(['group_vars', 'host_vars']);
    const name = rnd.pick([
      'nodez.yaml',
      'node0.yml',
      'all.json',
      'switch1',
      '.hidden.yaml',
      'backup.yaml~',
      'nodes.yaml.bak',
      'ünï.yaml',
    ]);
    mkdirSync(join(dir, where), { recursive: true });
    writeFileSync(join(dir, where, name), rnd.pick(['a: 1\n', '{"a": 1}\n', 'site: {name: other}\n', '- 1\n']));
    return `added ${where}/${name}`;
  },
  iniHosts(dir, rnd) {
    rmSync(join(dir, 'hosts.yaml'), { force: true });
    const extra = rnd.chance(0.5) ? `${rnd.pick(RANGES)} ansible_port=${rnd.pick(['22', 'x', '0', '"2222"'])}\n` : '';
    const text = `[nodes]\nnode0\nnode1\nnode2\n${extra}[switches]\nswitch1\n[nodes:vars]\n${rnd.pick(['a=1', 'b=[1, 2', 'c={x: 1}', 'd = "q', '=x'])}\n`;
    writeFileSync(join(dir, rnd.pick(['hosts', 'hosts.ini'])), text);
    return 'hosts file became INI';
  },
  hostRange(dir, rnd) {
    const text = hostsYaml(dir);
    if (text === undefined) return 'no hosts.yaml';
    writeFileSync(
      join(dir, 'hosts.yaml'),
      text.replace('        node2:\n', `        node2:\n        ${rnd.pick(RANGES)}:\n`),
    );
    return 'added a host range';
  },
  groupLoop(dir, rnd) {
    const text = hostsYaml(dir);
    if (text === undefined) return 'no hosts.yaml';
    const child = rnd.pick(['nodes', 'all', 'switches', 'ungrouped']);
    writeFileSync(join(dir, 'hosts.yaml'), `${text.trimEnd()}\n      children:\n        ${child}:\n`);
    return `switches got child ${child}`;
  },
};

/** Mutates the folder once. */
export function mutateFiles(dir, rnd) {
  const name = rnd.pick(Object.keys(OPERATIONS));
  return `files ${name}: ${OPERATIONS[name](dir, rnd)}`;
}

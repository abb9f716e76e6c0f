import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../../src/inventory/load-inventory.js';
import { iniValue, splitHostLine } from '../../../src/inventory/ini-value.js';
import { expandHostEntry } from '../../../src/inventory/host-range.js';
import { loadProblems, writeInventory } from './inventory-test-helpers.js';

const DIR = 'test/fixtures/inventories/ini-edge';

describe('INI inventories', () => {
  it('puts hosts before any section in ungrouped, and expands ranges', async () => {
    const inv = await loadInventory(DIR);
    expect([...inv.hosts.keys()]).toEqual([
      'ungrouped1',
      'web01.example.com',
      'web02.example.com',
      'web03.example.com',
      'node0',
      'node1',
      'switch1',
    ]);
    expect(inv.groups.get('ungrouped')?.hosts).toEqual([
      'ungrouped1',
      'web01.example.com',
      'web02.example.com',
      'web03.example.com',
    ]);
    expect(inv.hosts.get('web02.example.com')?.vars.http_port).toBe(8080);
  });

  it('drops a trailing # comment after host vars and ; comment lines', async () => {
    const inv = await loadInventory(DIR);
    expect(inv.hosts.get('ungrouped1')?.vars).toEqual({
      ansible_python_interpreter: '{{ ansible_playbook_python }}',
      ansible_host: '192.0.2.1',
    });
  });

  it('accepts [g:children] naming groups declared further down', async () => {
    const inv = await loadInventory(DIR);
    expect(inv.groups.get('parents')?.children).toEqual(['nodes', 'switches']);
    expect(inv.hosts.get('node0')?.groups).toEqual(['all', 'parents', 'nodes']);
  });

  it('reads values as Ansible does: quotes removed, then a Python literal or the text as it is', async () => {
    const vars = (await loadInventory(DIR)).hosts.get('node0')?.vars;
    expect(vars).toMatchObject({
      popular: true,
      ratio: 1.5,
      quoted: 'two words',
      numstr: 42,
      none: null,
      lst: [1, 2],
      flow: '[a,b]',
      name_with_hash: 'a',
      platform: 'nmstate',
      greeting: 'hello # not a comment',
      count: 3,
    });
    // shlex ends the line at a # even inside a word: what follows is a comment.
    expect(vars).not.toHaveProperty('rest');
  });

  it('takes host:port as the port and resolves aliases; group_vars beat [g:vars]', async () => {
    const inv = await loadInventory(DIR);
    expect(inv.hosts.get('node1')).toMatchObject({ address: 'node1', port: 2222, user: 'core' });
    expect(inv.hosts.get('switch1')).toMatchObject({ platform: 'cisco_nxos', become: false });
    expect(inv.hosts.get('switch1')?.vars.ansible_network_os).toBe('nxos');
  });

  it('reports bad sections, undeclared groups and stray words, all at once', async () => {
    const dir = writeInventory({
      hosts: [
        '[nodes]',
        'node0 oops',
        '[nodes:kids]',
        'x',
        '[p:children]',
        'nodez',
        '[ghost:vars]',
        'a=1',
        '[bad section]',
        '',
      ].join('\n'),
    });
    const problems = await loadProblems(dir);
    expect(problems.map((p) => [p.location?.line, p.message])).toEqual([
      [2, 'expected key=value after host `node0`, got `oops`'],
      [3, 'unknown section type `:kids`'],
      [9, 'invalid section header `[bad section]`'],
      [6, 'section [p:children] lists group `nodez`, which no section declares'],
      [7, 'section [ghost:vars] is for group `ghost`, which no section declares'],
    ]);
    expect(problems[3]?.fix).toBe('did you mean `nodes`?');
  });
});

describe('INI values and host ranges', () => {
  it("splits host lines as Python's shlex does", () => {
    const words = (line: string) => splitHostLine(line).map((w) => w.text);
    expect(words(`h a="x y" b='c d' # note`)).toEqual(['h', 'a=x y', 'b=c d']);
    expect(words('h a=b#c d=e')).toEqual(['h', 'a=b']);
    expect(words(String.raw`h a="\$x \"q\"" b='\n' c=\ d`)).toEqual([
      'h',
      String.raw`a=\$x "q"`,
      String.raw`b=\n`,
      'c= d',
    ]);
    expect(words(`h a='' b=""`)).toEqual(['h', 'a=', 'b=']);
    expect(() => splitHostLine('h a="x')).toThrow(/unterminated/);
  });

  it("reads values as Python's ast.literal_eval, else as text", () => {
    expect(iniValue('True')).toBe(true);
    expect(iniValue('yes')).toBe('yes');
    expect(iniValue('007')).toBe('007');
    expect(iniValue('0x1F')).toBe(31);
    expect(iniValue('0o17')).toBe(15);
    expect(iniValue('-3')).toBe(-3);
    expect(iniValue('1e3')).toBe(1000);
    expect(iniValue('1_000')).toBe(1000);
    expect(iniValue('10.0.0.1')).toBe('10.0.0.1');
    expect(iniValue("{'a': 1, 2: [True, None]}")).toEqual({ a: 1, '2': [true, null] });
    expect(iniValue("['/dev/sda']")).toEqual(['/dev/sda']);
    expect(iniValue('(1, 2)')).toEqual([1, 2]);
    expect(iniValue('1, 2')).toEqual([1, 2]);
    expect(iniValue('{a: 1}')).toBe('{a: 1}');
    expect(iniValue('[a, b]')).toBe('[a, b]');
    expect(iniValue('\'a\' "b"')).toBe('ab');
    expect(iniValue(String.raw`'\x41\101\u00e9\d'`)).toBe(String.raw`AAé\d`);
    expect(iniValue(String.raw`r'\d'`)).toBe(String.raw`\d`);
    expect(iniValue('5  # comment')).toBe(5);
    expect(iniValue('hello # comment')).toBe('hello # comment');
    expect(iniValue('...')).toBe('...');
    expect(iniValue('set()')).toEqual([]);
    expect(iniValue('012')).toBe('012');
    expect(iniValue("f'x'")).toBe("f'x'");
    expect(iniValue('1j')).toBe('1j');
  });

  it('expands numeric and letter ranges with steps and padding', () => {
    expect(expandHostEntry('n[1:3]').names).toEqual(['n1', 'n2', 'n3']);
    expect(expandHostEntry('n[08:10]').names).toEqual(['n08', 'n09', 'n10']);
    expect(expandHostEntry('n[0:6:3]x').names).toEqual(['n0x', 'n3x', 'n6x']);
    expect(expandHostEntry('leaf[a:b][1:2]').names).toEqual(['leafa1', 'leafa2', 'leafb1', 'leafb2']);
    expect(expandHostEntry('sw1:2222')).toEqual({ names: ['sw1'], port: 2222 });
    expect(expandHostEntry('[2001:db8::1]:2222')).toEqual({ names: ['2001:db8::1'], port: 2222 });
    expect(expandHostEntry('2001:db8::1')).toEqual({ names: ['2001:db8::1'] });
    expect(() => expandHostEntry('n[3:1]')).toThrow(/backwards/);
    expect(expandHostEntry('h[:2]').names).toEqual(['h0', 'h1', 'h2']);
    expect(expandHostEntry('x[y:B]').names).toEqual(['xy', 'xz', 'xA', 'xB']);
    expect(expandHostEntry('z[A:E:2]').names).toEqual(['zA', 'zC', 'zE']);
    expect(expandHostEntry('sw[1:2]:2222')).toEqual({ names: ['sw1', 'sw2'], port: 2222 });
    expect(() => expandHostEntry('x[B:a]')).toThrow(/backwards/);
    expect(() => expandHostEntry('x[1:]')).toThrow(/must give its end/);
    expect(() => expandHostEntry('x[01:100]')).toThrow(/same number of digits/);
    expect(() => expandHostEntry('a[b')).toThrow(/without its/);
  });
});

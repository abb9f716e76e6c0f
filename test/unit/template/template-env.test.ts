import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { render, resolveTemplate } from '../../../src/template/template-env.js';
import { renderSite } from '../../../src/template/render-site.js';
import { site1 } from './site1-model.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';

const temps: string[] = [];
const startDir = process.cwd();

/** A temporary working directory with the given files under it. */
function workDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'acp-play-templates-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

afterEach(() => {
  process.chdir(startDir);
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('template lookup', () => {
  it("a user's templates/ overrides one packaged file, the others stay packaged", () => {
    const dir = workDir({
      'templates/switch/cisco_nxos/running-config.njk':
        'custom {{ switch }}{% for p in ports %} {{ p.name }}{% endfor %}\n',
    });
    process.chdir(dir);
    const files = renderSite(site1(), { platforms: defaultPlatforms() });
    const nxos = files.find((f) => f.kind === 'switch');
    expect(nxos?.text).toMatch(/^custom switch1 Ethernet1\/48 /);
    const node0 = files.find((f) => f.path === 'nodes/node0.nmstate.yaml');
    expect(node0?.text).toContain('type: linux-bridge');
    expect(resolveTemplate('switch/cisco_nxos/running-config.njk').isOverride).toBe(true);
    expect(resolveTemplate('nmstate/node.yaml.njk').isOverride).toBe(false);
  });

  it('an override that renders broken YAML is a ConfigError naming the user file', () => {
    const dir = workDir({ 'templates/k8s/nad.yaml.njk': 'apiVersion: [unclosed\n' });
    const error = configError(() => renderSite(site1(), { platforms: defaultPlatforms(), cwd: dir }));
    expect(error.message).toContain(path.join(dir, 'templates/k8s/nad.yaml.njk'));
    expect(error.message).toMatch(/invalid YAML/);
  });

  it('an override missing a required top-level key is refused', () => {
    const dir = workDir({ 'templates/nmstate/node.yaml.njk': 'routes: {}\n' });
    expect(configError(() => renderSite(site1(), { platforms: defaultPlatforms(), cwd: dir })).message).toMatch(
      /missing top-level key interfaces/,
    );
  });

  it('an unknown template id is a ConfigError', () => {
    expect(configError(() => render('nope/missing.njk', {})).message).toMatch(/template "nope\/missing.njk" not found/);
  });
});

describe('template errors are ConfigErrors pointing at the template', () => {
  it('an undefined variable names the template file and line', () => {
    const dir = workDir({ 'templates/t/undefined.njk': 'line one\nvalue: {{ nothing_here }}\n' });
    const error = configError(() => render('t/undefined.njk', { something: 1 }, { cwd: dir }));
    const [problem] = error.problems;
    expect(problem?.location).toEqual({
      file: path.join(dir, 'templates/t/undefined.njk'),
      line: 2,
      col: expect.any(Number),
    });
    expect(problem?.message).toContain('t/undefined.njk');
    expect(problem?.message).toContain('nothing_here');
  });

  it('a loop over a missing list is an error, not an empty loop', () => {
    const dir = workDir({ 'templates/t/loop.njk': '{% for x in missing %}{{ x }}{% endfor %}\n' });
    const error = configError(() => render('t/loop.njk', { ports: [] }, { cwd: dir }));
    expect(error.message).toMatch(/"missing" is not in the render context/);
    expect(error.message).toContain(path.join(dir, 'templates/t/loop.njk'));
  });

  it('a misspelt field is an error, even inside an if', () => {
    const dir = workDir({
      'templates/t/field.njk': '{% for p in ports %}\n{% if p.nativ_vlan %}x{% endif %}\n{% endfor %}\n',
    });
    const error = configError(() => render('t/field.njk', { ports: [{ name: 'e1', nativeVlan: null }] }, { cwd: dir }));
    expect(error.message).toMatch(/"nativ_vlan" is not in ports\[0\]/);
    expect(error.problems[0]?.location?.line).toBe(2);
  });

  it('known values, loops, set and includes still work under the strict context', () => {
    const dir = workDir({
      'templates/t/ok.njk':
        '{% set sep = "," %}{% for p in ports %}{{ p.name }}{{ sep if not loop.last else "" }}{% endfor %}|{% include "t/inc.njk" %}',
      'templates/t/inc.njk': '{{ ports | length }}:{{ ports[0].vlans | vlan_compress }}',
    });
    const text = render(
      't/ok.njk',
      {
        ports: Object.freeze([
          { name: 'e1', vlans: [3, 1, 2] },
          { name: 'e2', vlans: [] },
        ]),
      },
      { cwd: dir },
    );
    expect(text).toBe('e1,e2|2:1-3');
  });

  it('a syntax error points at its line', () => {
    const dir = workDir({ 'templates/t/syntax.njk': 'ok\n{% if %}\n' });
    const error = configError(() => render('t/syntax.njk', {}, { cwd: dir }));
    expect(error.problems[0]?.location?.line).toBe(2);
  });
});

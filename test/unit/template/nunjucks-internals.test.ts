import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { GuardedFileSystemLoader } from '../../../src/template/guarded-loader.js';
import { strictContext, strictRootFrame } from '../../../src/template/strict-context.js';

/**
 * Strict templates lean on parts of nunjucks that are not its documented API: `runtime.Frame` and the parent frame
 * of `Template.render(context, frame)` (the root frame refuses unknown names), `Environment.globals`, the
 * FileSystemLoader's `searchPaths`/`pathsToNames`/`noCache`/`emit('load')` (GuardedFileSystemLoader), and the
 * "(file) [Line N, Column M]" head of its errors (the error's location). nunjucks is pinned; this test fails on an
 * upgrade until each of these is checked again against the new release.
 */

const PINNED = '3.2.4';
const require = createRequire(import.meta.url);

type Render = (context: object, frame: object) => string;

function renderStrict(text: string, context: object): string {
  const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });
  const strict = strictContext(context);
  const template = new nunjucks.Template(text, env, 'inline');
  const globals = (env as unknown as { globals: object }).globals;
  return (template.render as unknown as Render).call(template, strict, strictRootFrame(strict, globals));
}

describe('the nunjucks strict templates rely on', () => {
  it(`is ${PINNED}, pinned exactly`, () => {
    const manifest = JSON.parse(readFileSync(require.resolve('nunjucks/package.json'), 'utf8')) as { version: string };
    expect(manifest.version).toBe(PINNED);
    const own = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(own.dependencies.nunjucks).toBe(PINNED);
  });

  it('looks a name up in the frames before the context, ending at the root frame given to render', () => {
    expect(renderStrict('{% for v in vlans %}{{ v.id }},{% endfor %}', { vlans: [{ id: 1 }, { id: 2 }] })).toBe('1,2,');
    // throwOnUndefined alone lets a loop over a missing name render nothing; the root frame refuses it
    expect(() => renderStrict('{% for v in vlanz %}{{ v }}{% endfor %}', { vlans: [] })).toThrow(
      /"vlanz" is not in the render context \(it has: vlans\)/,
    );
    expect(() => renderStrict('{% if port.nativ_vlan %}x{% endif %}', { port: { native_vlan: 5 } })).toThrow(
      /"nativ_vlan" is not in port/,
    );
    // a global (range) is found past the root frame, a loop variable shadows the context
    expect(renderStrict('{% for i in range(2) %}{{ i }}{% endfor %}', {})).toBe('01');
    expect(renderStrict('{% for x in [7] %}{{ x }}{% endfor %}{{ x }}', { x: 1 })).toBe('71');
  });

  it('exposes runtime.Frame and Environment.globals as strict-context.ts uses them', () => {
    const Frame = (nunjucks as unknown as { runtime: { Frame: new () => { lookup: unknown; push: unknown } } }).runtime
      .Frame;
    const frame = new Frame();
    expect(typeof frame.lookup).toBe('function');
    expect(typeof frame.push).toBe('function');
    const globals = (new nunjucks.Environment() as unknown as { globals: Record<string, unknown> }).globals;
    expect(Object.keys(globals)).toEqual(expect.arrayContaining(['range', 'cycler', 'joiner']));
  });

  it("has the FileSystemLoader fields and 'load' event GuardedFileSystemLoader uses", () => {
    const dir = mkdtempSync(join(tmpdir(), 'acp-njk-'));
    writeFileSync(join(dir, 'a.njk'), 'A={{ a }}');
    const loader = new GuardedFileSystemLoader([dir], { noCache: true });
    const fields = loader as unknown as {
      searchPaths: string[];
      pathsToNames: Record<string, string>;
      noCache: boolean;
    };
    expect(fields.searchPaths).toEqual([dir]);
    expect(fields.noCache).toBe(true);
    const loaded: string[] = [];
    loader.on('load', (name: string) => loaded.push(name));
    const env = new nunjucks.Environment(loader, { autoescape: false });
    expect(env.render('a.njk', { a: 1 })).toBe('A=1');
    expect(loaded).toEqual(['a.njk']);
    expect(fields.pathsToNames[join(dir, 'a.njk')]).toBe('a.njk');
  });

  it('heads its errors with "(file) [Line N, Column M]", or "(file)" alone, which gives the error its place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'acp-njk-'));
    writeFileSync(join(dir, 'syntax.njk'), 'line one\n{% if a %}x{% endfi %}\n');
    writeFileSync(join(dir, 'filter.njk'), 'line one\n{{ a | nosuchfilter }}\n');
    const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(dir), { autoescape: false });
    const messageOf = (name: string) => {
      try {
        env.render(name, { a: 1 });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    };
    expect(messageOf('syntax.njk')).toMatch(
      /^\((.*)\/syntax\.njk\) \[Line 2, Column 15\]\n\s+unknown block tag: endfi$/,
    );
    expect(messageOf('filter.njk')).toMatch(/^\((.*)\/filter\.njk\)\n\s+Error: filter not found: nosuchfilter$/);
  });
});

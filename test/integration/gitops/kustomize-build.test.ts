import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from '../engine/cli-harness.js';

// The GitOps tree of `render --gitops` built by the real kustomize (v5.7.1 from the Go module proxy, made by
// scripts/kustomize.mjs; npm test's setup builds it, this builds it too when missing). Two sites rendered into one
// tree: site1 (inventories/site1) and a copy of it named edge7.
const run = promisify(execFile);
const cwd = mkdtempSync(join(tmpdir(), 'acp-gitops-'));
const tree = join(cwd, 'fleet');
const said = (r: CliRun): string => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
const REPO = 'https://git.example.com/acp/fleet.git';
let kustomize = '';

type Doc = { kind: string; metadata: { name: string; namespace?: string } };
const key = (d: Doc): string => `${d.kind}/${d.metadata.namespace ?? ''}/${d.metadata.name}`;
const byKey = (docs: Doc[]): Record<string, Doc> => Object.fromEntries(docs.map((d) => [key(d), d]));

async function build(siteDir: string): Promise<Doc[]> {
  const { stdout } = await run(kustomize, ['build', siteDir], { maxBuffer: 16 * 1024 * 1024 });
  return YAML.parseAllDocuments(stdout).map((d) => d.toJS() as Doc);
}

beforeAll(async () => {
  kustomize = (
    await run(process.execPath, [join(ROOT, 'scripts', 'kustomize.mjs')], { timeout: 900_000 })
  ).stdout.trim();
  cpSync(join(ROOT, 'inventories', 'site1'), join(cwd, 'inventories', 'site1'), { recursive: true });
  cpSync(join(ROOT, 'inventories', 'site1'), join(cwd, 'inventories', 'edge7'), { recursive: true });
  const all = join(cwd, 'inventories', 'edge7', 'group_vars', 'all.yaml');
  writeFileSync(all, readFileSync(all, 'utf8').replace(/^ {2}name: site1$/m, '  name: edge7'));
}, 900_000);

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('render --gitops: kustomize trees per site and one ApplicationSet', () => {
  it('writes the tree of each site into one folder', async () => {
    for (const site of ['site1', 'edge7']) {
      const r = await runCli(['render', `inventories/${site}`, '--gitops', 'fleet', '--gitops-repo', REPO], cwd);
      expect(r.code, said(r)).toBe(0);
      expect(r.stdout).toContain(join('fleet', 'sites', site, 'kustomization.yaml'));
    }
    expect(readdirSync(join(tree, 'sites')).sort()).toEqual(['edge7', 'site1']);
    const out = await runCli(['render', 'inventories/site1', '--out', 'out/site1', '--no-install'], cwd);
    expect(out.code, said(out)).toBe(0);
  });

  it('kustomize build accepts every site tree', async () => {
    for (const site of readdirSync(join(tree, 'sites'))) {
      const docs = await build(join(tree, 'sites', site));
      expect(docs.map((d) => d.kind).sort()).toEqual([
        ...Array<string>(3).fill('NetworkAttachmentDefinition'),
        ...Array<string>(3).fill('NodeNetworkConfigurationPolicy'),
      ]);
    }
  });

  it("kustomize build of site1's tree equals, as data, the NNCPs and NADs that render writes", async () => {
    const built = await build(join(tree, 'sites', 'site1'));
    const k8sDir = join(cwd, 'out', 'site1', 'k8s');
    const rendered = readdirSync(k8sDir).map((f) => YAML.parse(readFileSync(join(k8sDir, f), 'utf8')) as Doc);
    expect(rendered).toHaveLength(6);
    expect(byKey(built)).toEqual(byKey(rendered));
  });

  it('the ApplicationSet turns each site folder into an Application for the cluster of that name', () => {
    const appSet = YAML.parse(readFileSync(join(tree, 'applicationset.yaml'), 'utf8')) as {
      spec: {
        generators: { git: { repoURL: string; directories: { path: string }[] } }[];
        template: { metadata: { name: string }; spec: { source: { path: string }; destination: { name: string } } };
      };
    };
    const pattern = appSet.spec.generators[0]!.git.directories[0]!.path;
    expect(pattern).toBe('sites/*');
    expect(appSet.spec.generators[0]!.git.repoURL).toBe(REPO);
    // Argo CD's directory generator: every folder matching the pattern gives path.path and path.basename.
    const apps = readdirSync(join(tree, 'sites'))
      .sort()
      .map((basename) => {
        const fill = (s: string): string =>
          s.replaceAll('{{.path.basename}}', basename).replaceAll('{{.path.path}}', `sites/${basename}`);
        const t = appSet.spec.template;
        return { name: fill(t.metadata.name), path: fill(t.spec.source.path), cluster: fill(t.spec.destination.name) };
      });
    expect(apps).toEqual([
      { name: 'acp-play-edge7', path: 'sites/edge7', cluster: 'edge7' },
      { name: 'acp-play-site1', path: 'sites/site1', cluster: 'site1' },
    ]);
  });
});

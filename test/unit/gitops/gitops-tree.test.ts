import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { buildGitopsTree } from '../../../src/gitops/gitops-tree.js';
import { writeGitopsTree } from '../../../src/gitops/write-gitops-tree.js';
import type { RenderedFile } from '../../../src/template/render-site.js';
import { validateStrict } from '../../helpers/k8s-schema.js';

const source = { repoUrl: 'https://git.example.com/acp/fleet.git', revision: 'main', path: 'gitops' };
const k8s = (name: string): RenderedFile => ({
  path: `k8s/${name}.yaml`,
  kind: 'k8s',
  text: `# ${name}\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`,
  data: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } },
});
const node: RenderedFile = { host: 'node0', path: 'nodes/node0.nmstate.yaml', kind: 'node', text: 'interfaces: []\n' };
const work = mkdtempSync(join(tmpdir(), 'acp-gitops-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the GitOps tree of a site', () => {
  it('puts the k8s manifests, unchanged, and a kustomization listing them in sites/<site>/', () => {
    const tree = buildGitopsTree('site1', [node, k8s('nncp-node0'), k8s('nad-vlan2003')], source);
    expect(tree.siteDir).toBe('sites/site1');
    expect(tree.siteFiles.map((f) => f.path)).toEqual([
      'sites/site1/nncp-node0.yaml',
      'sites/site1/nad-vlan2003.yaml',
      'sites/site1/kustomization.yaml',
    ]);
    expect(tree.siteFiles[0]!.text).toBe(k8s('nncp-node0').text);
    expect(tree.siteFiles[2]!.data).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['nncp-node0.yaml', 'nad-vlan2003.yaml'],
    });
  });

  it("writes an ApplicationSet that passes Argo CD's CRD schema, one Application per site folder", () => {
    const { applicationSet } = buildGitopsTree('site1', [k8s('a')], source);
    expect(validateStrict(ApplicationSet, applicationSet.data)).toEqual([]);
    const spec = (applicationSet.data as { spec: unknown }).spec as {
      generators: { git: { directories: { path: string }[]; repoURL: string; revision: string } }[];
      template: { spec: { source: { path: string }; destination: { name: string } } };
    };
    expect(spec.generators[0]!.git).toEqual({
      repoURL: source.repoUrl,
      revision: 'main',
      directories: [{ path: 'gitops/sites/*' }],
    });
    expect(spec.template.spec.source.path).toBe('{{.path.path}}');
    expect(spec.template.spec.destination.name).toBe('{{.path.basename}}');
    const atRoot = buildGitopsTree('site1', [k8s('a')], { ...source, path: '.' }).applicationSet.data as never;
    expect(JSON.stringify(atRoot)).toContain('"path":"sites/*"');
  });

  it('refuses a site name that cannot name a folder and an Argo CD cluster (exit 3)', () => {
    expect(() => buildGitopsTree('Site_1', [k8s('a')], source)).toThrow(ConfigError);
    expect(() => buildGitopsTree('../x', [k8s('a')], source)).toThrow(/set site.name in group_vars\/all.yaml/);
  });

  it('replaces the site folder whole: a manifest no longer rendered is gone; other sites stay', async () => {
    mkdirSync(join(work, 'sites', 'site2'), { recursive: true });
    writeFileSync(join(work, 'sites', 'site2', 'kustomization.yaml'), 'resources: []\n');
    await writeGitopsTree(work, buildGitopsTree('site1', [k8s('nad-vlan2003'), k8s('nad-vlan2005')], source));
    await writeGitopsTree(work, buildGitopsTree('site1', [k8s('nad-vlan2003')], source));
    expect(readdirSync(join(work, 'sites', 'site1')).sort()).toEqual(['kustomization.yaml', 'nad-vlan2003.yaml']);
    expect(readdirSync(join(work, 'sites')).sort()).toEqual(['site1', 'site2']);
    const kustomization = YAML.parse(readFileSync(join(work, 'sites', 'site1', 'kustomization.yaml'), 'utf8')) as {
      resources: string[];
    };
    expect(kustomization.resources).toEqual(['nad-vlan2003.yaml']);
  });
});

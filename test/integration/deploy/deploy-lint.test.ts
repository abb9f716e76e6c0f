import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateStrict, type ModelClass } from '../../helpers/k8s-schema.js';
import { ROOT } from '../engine/cli-harness.js';

// What can be checked of deploy/ without a container engine or a cluster: hadolint on the Containerfile (it cannot
// be built here), and the real kustomize building deploy/k8s into objects that pass the Kubernetes schemas. Both
// tools are installed by scripts/ensure-setup.mjs --system, and by this suite when missing.
const run = promisify(execFile);
const MODELS: Record<string, ModelClass> = { Namespace, ConfigMap, Service, ServiceAccount, Deployment, CronJob };
let hadolint = '';
let kustomize = '';

beforeAll(async () => {
  const tool = async (script: string): Promise<string> =>
    (await run(process.execPath, [join(ROOT, 'scripts', script)], { timeout: 900_000 })).stdout.trim();
  [hadolint, kustomize] = await Promise.all([tool('hadolint.mjs'), tool('kustomize.mjs')]);
}, 900_000);

describe('deploy/', () => {
  it('the Containerfile passes hadolint with no finding at all', async () => {
    const r = await run(hadolint, [
      '--no-color',
      '--failure-threshold',
      'info',
      join(ROOT, 'deploy', 'Containerfile'),
    ]).then(
      (ok) => ({ code: 0, out: ok.stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, out: error.stdout }),
    );
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('hadolint does find what it should (the check itself)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acp-hadolint-'));
    writeFileSync(join(dir, 'Containerfile'), 'FROM node:latest\nRUN cd /tmp && npm install\n');
    const r = await run(hadolint, ['--no-color', join(dir, 'Containerfile')]).catch(
      (e: { code: number; stdout: string }) => e,
    );
    rmSync(dir, { recursive: true, force: true });
    expect('code' in r && r.code).toBe(1);
    expect(r.stdout).toMatch(/DL3007/); // FROM ...:latest
    expect(r.stdout).toMatch(/DL3003/); // cd in RUN
  });

  it('kustomize build deploy/k8s gives objects in the acp-play namespace that pass the schemas', async () => {
    const { stdout } = await run(kustomize, ['build', join(ROOT, 'deploy', 'k8s')]);
    const objects = YAML.parseAllDocuments(stdout).map(
      (d) => d.toJS() as { kind: string; metadata: { name: string; namespace?: string } },
    );
    expect(objects.map((o) => o.kind).sort()).toEqual([
      'ConfigMap',
      'CronJob',
      'Deployment',
      'Namespace',
      'Service',
      'ServiceAccount',
    ]);
    for (const o of objects) {
      expect(validateStrict(MODELS[o.kind]!, o), `${o.kind}/${o.metadata.name}`).toEqual([]);
      if (o.kind !== 'Namespace') expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe('acp-play');
    }
    expect(stdout).toContain('image: registry.example.com/acp-play:0.1.0');
    expect(stdout).not.toMatch(/image: acp-play\s/);
  });
});

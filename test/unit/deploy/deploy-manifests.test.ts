import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateStrict, type ModelClass } from '../../helpers/k8s-schema.js';

// deploy/k8s validated offline against the Kubernetes API schemas (kubernetes-models 4.5.1: Kubernetes 1.33),
// with unknown fields refused as the API server's strict field validation does.
const dir = join(import.meta.dirname, '..', '..', '..', 'deploy', 'k8s');
const MODELS: Record<string, ModelClass> = {
  ConfigMap,
  Namespace,
  Secret,
  Service,
  ServiceAccount,
  Deployment,
  CronJob,
  Job,
};

interface Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
}
type PodSpec = {
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean };
  initContainers?: Container[];
  containers: Container[];
  volumes?: { name: string; secret?: { defaultMode?: number } }[];
  restartPolicy?: string;
};
type Container = {
  name: string;
  args?: string[];
  command?: string[];
  env?: { name: string; value?: string }[];
  volumeMounts?: { name: string; readOnly?: boolean }[];
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
};

const objects: { file: string; obj: Obj }[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
  .flatMap((file) =>
    YAML.parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((d) => ({ file, obj: d.toJS() as Obj })),
  );
const find = (kind: string, name: string): Obj =>
  objects.find((o) => o.obj.kind === kind && o.obj.metadata.name === name)!.obj;
const podOf = (o: Obj): PodSpec => {
  const spec = o.spec as { template?: { spec: PodSpec }; jobTemplate?: { spec: { template: { spec: PodSpec } } } };
  return spec.jobTemplate ? spec.jobTemplate.spec.template.spec : spec.template!.spec;
};

describe('deploy/k8s manifests', () => {
  it('are all of a kind the test knows', () => {
    expect(objects.map((o) => o.obj.kind).sort()).toEqual([
      'ConfigMap',
      'CronJob',
      'Deployment',
      'Job',
      'Namespace',
      'Secret',
      'Secret',
      'Secret',
      'Service',
      'ServiceAccount',
    ]);
  });

  for (const { file, obj } of objects) {
    it(`${file}: ${obj.kind}/${obj.metadata.name} passes the Kubernetes schema, no unknown field`, () => {
      expect(validateStrict(MODELS[obj.kind]!, obj)).toEqual([]);
    });
  }

  it('the schema check catches a misspelt field and a wrong type (the check itself)', () => {
    const cron = structuredClone(find('CronJob', 'acp-play-drift-check')) as Obj & { spec: Record<string, unknown> };
    cron.spec.concurencyPolicy = 'Forbid';
    expect(validateStrict(CronJob, cron)).toEqual(['/spec/concurencyPolicy: unknown field']);
    cron.spec.schedule = 30;
    expect(validateStrict(CronJob, cron).join()).toMatch(/schedule must be string/);
  });

  it('the drift check runs a one-shot plan --detailed-exitcode, and drift (exit 2) fails the Job without retry', () => {
    const cron = find('CronJob', 'acp-play-drift-check');
    const pod = podOf(cron);
    expect(pod.containers[0]!.args!.slice(0, 3)).toEqual([
      'plan',
      '/git/checkout/$(INVENTORY_PATH)',
      '--detailed-exitcode',
    ]);
    const rules = (cron.spec as { jobTemplate: { spec: { podFailurePolicy: { rules: unknown[] } } } }).jobTemplate.spec
      .podFailurePolicy.rules;
    expect(rules[0]).toEqual({
      action: 'FailJob',
      onExitCodes: { containerName: 'plan', operator: 'In', values: [2, 3] },
    });
    expect(pod.restartPolicy).toBe('Never');
  });

  it('the apply Job is Indexed, never retried, and turns JOB_COMPLETION_INDEX into --shard i+1/N with N = completions', () => {
    const job = find('Job', 'acp-play-apply');
    const spec = job.spec as { completionMode: string; completions: number; backoffLimitPerIndex: number };
    expect(spec.completionMode).toBe('Indexed');
    expect(spec.backoffLimitPerIndex).toBe(0);
    const apply = podOf(job).containers[0]!;
    expect(apply.env).toContainEqual({ name: 'SHARDS', value: String(spec.completions) });
    expect(apply.args![0]).toMatch(
      /^exec acp-play apply \S+ --shard "\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)\/\$SHARDS" --yes /,
    );
  });

  it('every pod: inventories from a one-time Git checkout, secrets read-only and 0400, no API token, not root', () => {
    for (const o of objects.filter((x) => ['CronJob', 'Job', 'Deployment'].includes(x.obj.kind))) {
      const pod = podOf(o.obj);
      expect(pod.automountServiceAccountToken, o.file).toBe(false);
      expect(pod.securityContext?.runAsNonRoot, o.file).toBe(true);
      expect(pod.initContainers![0]!.args, o.file).toContain('--one-time');
      const secretVolumes = pod.volumes!.filter((v) => v.secret);
      expect(secretVolumes.map((v) => v.name).sort(), o.file).toEqual(['git-secret', 'ssh', 'vault']);
      for (const v of secretVolumes) expect(v.secret!.defaultMode, `${o.file} ${v.name}`).toBe(0o400);
      for (const c of [...pod.initContainers!, ...pod.containers]) {
        expect(c.securityContext, `${o.file} ${c.name}`).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
        });
        for (const m of c.volumeMounts ?? [])
          if (secretVolumes.some((v) => v.name === m.name))
            expect(m.readOnly, `${o.file} ${c.name} ${m.name}`).toBe(true);
      }
    }
  });
});

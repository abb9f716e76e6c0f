import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../../src/core/change.js';
import { ConfigError } from '../../../src/core/errors.js';
import type { InputDigests, RunPlan } from '../../../src/core/run.js';
import { restoreDesired, snapshotDesired } from '../../../src/engine/desired-snapshot.js';
import { ModuleRegistry } from '../../../src/engine/module-registry.js';
import { prerenderRun } from '../../../src/engine/prerender.js';
import { movedInputs } from '../../../src/engine/run-inputs.js';
import { readPlanFile, staleInputs } from '../../../src/engine/saved-plan.js';
import { fileModule } from '../../../src/platforms/linux/file-module.js';
import { secretMasker } from '../../../src/report/mask.js';
import { runJson } from '../../../src/report/run-json.js';
import { Secret } from '../../../src/transport/secret.js';
import { emptySite, host, inventoryOf, play, playbook } from '../../helpers/engine-harness.js';

const inputs = (over: Partial<InputDigests> = {}): InputDigests => ({
  inventory: { 'hosts.yaml': 'a1', 'group_vars/all.yaml': 'b1' },
  playbook: { 'playbooks/site.yaml': 'c1' },
  templates: { '(packaged)/nmstate/node.yaml.njk': 'd1' },
  ...over,
});

describe('addresses', () => {
  it('two tasks of one play writing one file on a host are an input error naming both (exit 3)', async () => {
    const pb = playbook(
      play('files', 'linux', [
        { name: 'motd', module: 'file', args: { content: 'a', dest: '/etc/motd' } },
        { name: 'motd again', module: 'file', args: { content: 'b', dest: '/etc/{{ "motd" }}' } },
      ]),
    );
    const error = await prerenderRun({
      inventory: inventoryOf([host('h0', ['linux'])]),
      site: emptySite,
      playbook: pb,
      modules: new ModuleRegistry().register(fileModule),
      runId: 'r1',
      forks: 1,
      signal: new AbortController().signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems[0]!.message).toBe(
      'play "files": tasks "motd" (line 2) and "motd again" both address h0/file//etc/motd on h0',
    );
  });
});

describe('the saved desired state', () => {
  it('keeps host objects as {$host: name} and gets the same objects back', () => {
    const sw = host('switch1', ['switches']);
    const inventory = inventoryOf([sw]);
    const desired = { model: { name: 'switch1', host: sw, ports: [{ name: 'Ethernet1/3' }] }, save: false };
    const snapshot = snapshotDesired(desired, inventory);
    expect(snapshot).toEqual({
      model: { name: 'switch1', host: { $host: 'switch1' }, ports: [{ name: 'Ethernet1/3' }] },
      save: false,
    });
    const back = restoreDesired(JSON.parse(JSON.stringify(snapshot)), inventory) as typeof desired;
    expect(back.model.host).toBe(sw);
    expect(back).toEqual(desired);
  });

  it('refuses to save a desired state that holds a secret', () => {
    expect(() => snapshotDesired({ password: new Secret('hunter2') }, inventoryOf([]))).toThrow(/holds a secret/);
  });
});

describe('plan JSON', () => {
  it('holds a secret command masked, by construction, and masks known secrets anywhere', () => {
    const doc = {
      changes: [{ commands: [command('username admin role network-admin'), command('enable secret s3cr3t', true)] }],
      error: 'login as admin/pw-42 failed',
    };
    const text = runJson(doc, secretMasker([new Secret('pw-42')]));
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('pw-42');
    expect(JSON.parse(text)).toEqual({
      changes: [{ commands: [{ text: 'username admin role network-admin' }, { text: '********', secret: true }] }],
      error: 'login as admin/******** failed',
    });
  });
});

describe('a stale saved plan', () => {
  const plan = (over: Partial<RunPlan> = {}): RunPlan =>
    ({ toolVersion: '0.1.0', inputs: inputs(), hosts: [], interrupted: false, ...over }) as RunPlan;

  it('names every file that moved, and the version', () => {
    const now = inputs({
      inventory: { 'hosts.yaml': 'a1', 'group_vars/all.yaml': 'b2', 'host_vars/node3.yaml': 'e1' },
      templates: {},
    });
    expect(movedInputs(inputs(), now)).toEqual([
      'inventory group_vars/all.yaml changed',
      'inventory host_vars/node3.yaml added',
      'templates (packaged)/nmstate/node.yaml.njk removed',
    ]);
    expect(staleInputs(plan(), { toolVersion: '0.2.0', inputs: inputs() })).toEqual([
      'the plan was made by acp-play 0.1.0; this is 0.2.0',
    ]);
    expect(staleInputs(plan(), { toolVersion: '0.1.0', inputs: inputs() })).toEqual([]);
  });

  it('is refused when it is incomplete: interrupted, or a host was not planned', () => {
    const incomplete = plan({
      interrupted: true,
      hosts: [{ host: 'node2', tasks: [], status: 'unreachable', error: 'node2: connect failed: refused' }],
    });
    expect(staleInputs(incomplete, { toolVersion: '0.1.0', inputs: inputs() })).toEqual([
      'the plan was interrupted: it does not cover every host',
      'node2 was not planned (unreachable: node2: connect failed: refused)',
    ]);
  });

  it('a file that is not a plan is bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'acp-planfile-'));
    writeFileSync(join(dir, 'old.plan'), JSON.stringify({ format: 'acp-play/plan@1', hosts: [], inventory: 'x' }));
    writeFileSync(join(dir, 'junk.plan'), 'hosts: [');
    expect(() => readPlanFile(join(dir, 'old.plan'))).toThrow(/not an acp-play plan file of format acp-play\/plan@2/);
    expect(() => readPlanFile(join(dir, 'junk.plan'))).toThrow(ConfigError);
  });
});

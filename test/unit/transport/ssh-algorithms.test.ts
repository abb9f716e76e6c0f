import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SSHConfig from 'ssh-config';
import { describe, expect, it } from 'vitest';
import { ConfigError, formatProblem } from '../../../src/core/errors.js';
import { DEFAULT_ALGORITHMS } from '../../../src/transport/ssh-algorithm-catalog.js';
import {
  hostAlgorithmsOrThrow,
  resolveHostAlgorithms,
  type AlgorithmSettings,
} from '../../../src/transport/ssh-algorithms.js';
import { loadSshConfig, resolveSshHost } from '../../../src/transport/ssh-config.js';

const dir = mkdtempSync(join(tmpdir(), 'acp-ssh-algorithms-'));

function configFile(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const SWITCHES = configFile('switches', [
  '# old switches',
  'Host sw-old*',
  '  KexAlgorithms +diffie-hellman-group14-sha1',
  '  hostkeyalgorithms=+ssh-rsa',
  'Match host sw-old2',
  '  Ciphers aes128-cbc,aes128-ctr',
  'Host sw-*',
  '  KexAlgorithms curve25519-sha256',
  '  MACs -hmac-sha2-512*',
]);

const inventoryKex: AlgorithmSettings = {
  KexAlgorithms: {
    value: 'diffie-hellman-group14-sha1',
    origin: 'inventory',
    variable: 'ansible_ssh_common_args',
    source: 'ansible_ssh_common_args (inv/hosts.yaml:4)',
    location: { file: 'inv/hosts.yaml', line: 4, col: 32 },
  },
};

describe('algorithm settings in an ssh config', () => {
  it('takes the first value for the host, with its file and line, like ssh', () => {
    const settings = resolveSshHost(loadSshConfig(SWITCHES), 'sw-old1').algorithms;
    expect(settings).toEqual({
      KexAlgorithms: {
        value: '+diffie-hellman-group14-sha1',
        origin: 'ssh-config',
        source: `${SWITCHES}:3`,
        location: { file: SWITCHES, line: 3, col: 1 },
      },
      HostKeyAlgorithms: {
        value: '+ssh-rsa',
        origin: 'ssh-config',
        source: `${SWITCHES}:4`,
        location: { file: SWITCHES, line: 4, col: 1 },
      },
      MACs: {
        value: '-hmac-sha2-512*',
        origin: 'ssh-config',
        source: `${SWITCHES}:9`,
        location: { file: SWITCHES, line: 9, col: 1 },
      },
    });
  });

  it('applies Match blocks and later Host blocks only where they match', () => {
    const config = loadSshConfig(SWITCHES);
    expect(resolveSshHost(config, 'sw-old2').algorithms.Ciphers?.location?.line).toBe(6);
    expect(resolveSshHost(config, 'sw-new').algorithms.KexAlgorithms?.location?.line).toBe(8);
    expect(resolveSshHost(config, 'node1').algorithms).toEqual({});
  });

  it('works on a config parsed from text (no file, no line)', () => {
    const settings = resolveSshHost(SSHConfig.parse('Host *\n  MACs +hmac-sha1\n'), 'x').algorithms;
    expect(settings.MACs).toEqual({ value: '+hmac-sha1', origin: 'ssh-config', source: 'the ssh config' });
  });
});

describe('the lists a host connects with', () => {
  it('are the defaults with no setting', () => {
    expect(resolveHostAlgorithms({})).toEqual({
      algorithms: { lists: DEFAULT_ALGORITHMS, settings: {} },
      problems: [],
    });
  });

  it('take each option whole from the inventory when it sets it, else from the ssh config', () => {
    const fromConfig = resolveSshHost(loadSshConfig(SWITCHES), 'sw-old1').algorithms;
    const { algorithms, problems } = resolveHostAlgorithms(fromConfig, inventoryKex);
    expect(problems).toEqual([]);
    expect(algorithms.lists.KexAlgorithms).toEqual(['diffie-hellman-group14-sha1']);
    expect(algorithms.settings.KexAlgorithms?.origin).toBe('inventory');
    expect(algorithms.lists.HostKeyAlgorithms).toEqual([...DEFAULT_ALGORITHMS.HostKeyAlgorithms, 'ssh-rsa']);
    expect(algorithms.lists.MACs).toEqual(DEFAULT_ALGORITHMS.MACs.filter((m) => !m.startsWith('hmac-sha2-512')));
    expect(algorithms.lists.Ciphers).toEqual(DEFAULT_ALGORITHMS.Ciphers);
  });

  it('refuse a bad setting with its file and line, and never fall back to a default', () => {
    const bad = configFile('bad', ['Host *', '  Ciphers +aes128-cbc,aes265-ctr']);
    const error = (() => {
      try {
        hostAlgorithmsOrThrow(resolveSshHost(loadSshConfig(bad), 'sw1').algorithms);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(formatProblem((error as ConfigError).problems[0]!)).toMatch(
      new RegExp(`^${bad}:2:1: Ciphers: unknown cipher "aes265-ctr" — did you mean aes256-ctr\\?`),
    );
    expect(
      resolveHostAlgorithms(resolveSshHost(loadSshConfig(bad), 'sw1').algorithms).algorithms.lists.Ciphers,
    ).toEqual([]);
  });
});

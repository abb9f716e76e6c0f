import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { collectAnswers, optionKey } from '../../../src/init/collect-answers.js';
import { initQuestions } from '../../../src/init/init-questions.js';
import type { Prompter } from '../../../src/init/line-prompter.js';

const flags = (pairs: Record<string, string>) =>
  Object.fromEntries(Object.entries(pairs).map(([flag, value]) => [optionKey(flag), value]));

async function answersFor(pairs: Record<string, string>) {
  return collectAnswers(initQuestions('sites/edge7'), flags(pairs));
}

async function errorFor(pairs: Record<string, string>): Promise<string> {
  try {
    await answersFor(pairs);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('no ConfigError');
}

/** A user at a terminal: answers in order, and records what was asked. */
function scripted(lines: string[]): Prompter & { asked: string[]; said: string[] } {
  const asked: string[] = [];
  const said: string[] = [];
  return {
    asked,
    said,
    ask: async (prompt) => (asked.push(prompt), lines.shift() ?? ''),
    say: (text) => void said.push(text),
    close: () => {},
  };
}

describe('init answers', () => {
  it("defaults to site1's layout, named after the directory", async () => {
    const { answers, given } = await answersFor({});
    expect(answers).toMatchObject({
      site: 'edge7',
      nodes: ['node0', 'node1', 'node2'],
      switchName: 'switch1',
      switchPlatform: 'cisco_nxos',
      oobVlan: 2000,
      clusterVlan: 2002,
      storageVlan: 2001,
      trunkNic: 'enp4s0f0',
      clusterNic: 'eno1',
      switchAddress: '172.16.0.2',
      nodeAddresses: ['172.16.0.10', '172.16.0.11', '172.16.0.12'],
      clusterName: 'edge7',
      clusterAddresses: ['172.16.2.2', '172.16.2.3', '172.16.2.4'],
      rendezvousIp: '172.16.2.2',
      apiVip: null,
      dns: ['8.8.8.8', '8.8.4.4'],
      macs: [null, null, null],
      rootDevices: [null, null, null],
      pullSecret: { kind: 'env', value: 'ACP_PLAY_PULL_SECRET' },
      uplinkPort: 'Ethernet1/48',
    });
    expect(answers.vlans.map((v) => `${v.id}:${v.name}:${v.subnet}:${v.vm}`)).toEqual([
      '2000:out-of-band:172.16.0.0/24:false',
      '2001:Storage:172.16.1.0/24:false',
      '2002:cluster:172.16.2.0/23:false',
      '2003:virtual-machines-1:172.16.4.0/24:true',
      '2004:virtual-machines-2:172.16.5.0/24:true',
      '2005:virtual-machines-3:172.16.6.0/24:true',
    ]);
    expect(given.size).toBe(0);
  });

  it('takes every answer from its flag, and derives the defaults from earlier answers', async () => {
    const { answers, given } = await answersFor({
      nodes: 'a1,a2,a3,a4',
      'switch-platform': 'arista.eos.eos',
      vlans: '10:mgmt:10.0.10.0/24,20:cluster:10.0.20.0/24,30:vms:10.0.30.0/24:vm',
      'api-vip': '10.0.20.100',
      'ingress-vip': '10.0.20.101',
      macs: 'B8:CA:3A:6E:69:40,,24:6e:96:69:56:90,b8:ca:3a:6e:17:d8',
      'root-device': '/dev/sda',
      'pull-secret': 'file:~/.config/pull-secret.json',
    });
    expect(answers).toMatchObject({
      nodes: ['a1', 'a2', 'a3', 'a4'],
      switchPlatform: 'arista_eos',
      oobVlan: 10,
      clusterVlan: 20,
      storageVlan: null,
      switchAddress: '10.0.10.2',
      clusterAddresses: ['10.0.20.2', '10.0.20.3', '10.0.20.4', '10.0.20.5'],
      apiVip: '10.0.20.100',
      macs: ['b8:ca:3a:6e:69:40', null, '24:6e:96:69:56:90', 'b8:ca:3a:6e:17:d8'],
      rootDevices: ['/dev/sda', '/dev/sda', '/dev/sda', '/dev/sda'],
      pullSecret: { kind: 'file', value: '~/.config/pull-secret.json' },
      uplinkPort: 'Ethernet48',
    });
    expect(answers.vlans.find((v) => v.id === 20)!.gateway).toBe('10.0.20.1');
    expect([...given].sort()).toEqual(
      ['apiVip', 'ingressVip', 'macs', 'nodes', 'pullSecret', 'rootDevices', 'switchPlatform', 'vlans'].sort(),
    );
  });

  it.each([
    [{ nodes: '2' }, '--nodes "2": an OpenShift cluster has 1 node, or 3 to 5'],
    [{ 'switch-platform': 'junos' }, '--switch-platform "junos": use cisco_nxos'],
    [{ 'cluster-addresses': '172.16.2.2,172.16.2.3' }, '--cluster-addresses "172.16.2.2,172.16.2.3": give 3 addresses'],
    [{ 'cluster-addresses': '172.16.2.2,172.16.9.3,172.16.2.4' }, '172.16.9.3 (node1) is outside 172.16.2.0/23'],
    [{ 'rendezvous-ip': '172.16.2.9' }, '--rendezvous-ip "172.16.2.9": use one node\'s cluster address'],
    [{ 'api-vip': '172.16.2.10' }, '--ingress-vip is needed'],
    [{ macs: '01:00:5e:00:00:01,,' }, 'is a multicast address'],
    [{ 'trunk-nic': 'enp4s0f0np0123' }, '--trunk-nic "enp4s0f0np0123"'],
    [{ vlans: '10:mgmt:10.0.10.0/24,30:vms:10.0.30.0/24:vm' }, '--cluster-vlan is needed: there is no default'],
    [{ 'pull-secret': '{"auths":{}}' }, 'write env:VARIABLE or file:PATH'],
  ])('refuses %j, naming the flag', async (pairs, message) => {
    expect(await errorFor(pairs)).toContain(message);
  });

  it('on a terminal asks what no flag answers, per node where it is per node, and asks again after a bad answer', async () => {
    const user = scripted([
      'edge9',
      '',
      'cumulus',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'edge9',
      'example.net',
      'x',
      '',
      '',
    ]);
    const { answers, given } = await collectAnswers(initQuestions('sites/x'), flags({ dns: '172.16.2.1' }), user);
    expect(user.asked[0]).toBe('Site name [x]: ');
    expect(user.asked).toContain('Cluster address of node0 (eno1, VLAN 2002) [172.16.2.2]: ');
    expect(user.asked).toContain("MAC of node2's eno1 (empty: fill in later): ");
    expect(user.asked.some((p) => p.startsWith('DNS servers'))).toBe(false);
    expect(user.said).toEqual(['  ! "x" (node0) is not an IPv4 address']);
    expect(answers).toMatchObject({
      site: 'edge9',
      switchPlatform: 'cumulus',
      uplinkPort: 'swp48',
      dns: ['172.16.2.1'],
    });
    expect(answers.clusterAddresses).toEqual(['172.16.2.2', '172.16.2.3', '172.16.2.4']);
    expect(given.has('site') && given.has('dns') && !given.has('trunkNic')).toBe(true);
  });
});

import { homedir } from 'node:os';
import SSHConfig from 'ssh-config';
import { describe, expect, it } from 'vitest';
import { expandTokens, parseProxyJump, resolveSshHost } from '../../../src/transport/ssh-config.js';

const config = SSHConfig.parse(`
Host node1
  HostName 10.0.0.11
  Port 2222
  IdentityFile ~/.ssh/acp_%r
  ProxyJump admin@bastion:2200
Host sw*
  User netops
  ProxyCommand socat STDIO TCP:%h:%p
Host *
  User default
  IdentityFile ~/.ssh/id_site
`);

describe('resolveSshHost', () => {
  it('applies HostName, Port, User, IdentityFile (all of them, expanded) and ProxyJump', () => {
    const r = resolveSshHost(config, 'node1');
    expect(r).toMatchObject({
      alias: 'node1',
      hostName: '10.0.0.11',
      port: 2222,
      user: 'default',
      proxyJump: 'admin@bastion:2200',
    });
    expect(r.identityFiles).toEqual([`${homedir()}/.ssh/acp_default`, `${homedir()}/.ssh/id_site`]);
  });

  it('lets explicit port and user win, like ssh -p and -l', () => {
    expect(resolveSshHost(config, 'node1', { port: 22, user: 'core' })).toMatchObject({ port: 22, user: 'core' });
  });

  it('substitutes %h %p in ProxyCommand and keeps the alias as the host name when none is set', () => {
    const r = resolveSshHost(config, 'sw1');
    expect(r).toMatchObject({ hostName: 'sw1', port: 22, user: 'netops', proxyCommand: 'socat STDIO TCP:sw1:22' });
  });
});

describe('parseProxyJump', () => {
  it('splits hops with optional user, port, ssh:// and bracketed IPv6', () => {
    expect(parseProxyJump('a, bob@b:2200,ssh://c@[fd00::1]:22,[fd00::2]')).toEqual([
      { host: 'a' },
      { host: 'b', port: 2200, user: 'bob' },
      { host: 'fd00::1', port: 22, user: 'c' },
      { host: 'fd00::2' },
    ]);
  });
});

describe('expandTokens', () => {
  it('replaces known tokens, %% with %, and leaves unknown ones', () => {
    expect(expandTokens('%r@%h:%p %n 100%% %z', { h: 'h', p: '22', r: 'u', n: 'alias' })).toBe('u@h:22 alias 100% %z');
  });
});

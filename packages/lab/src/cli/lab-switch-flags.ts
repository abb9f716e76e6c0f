import type { Command } from 'commander';
import { ConfigError } from 'acp-play/core/errors.js';
import { parseMiswire, type LabSwitchSettings } from '../site/lab-switch.js';
import type { LldpNeighbor, SimPlatformId } from '../sim/sim-types.js';

/** The switch simulator's fault and fidelity flags, shared by `lab sim` and `lab up`. */
export interface SwitchFlags {
  readonly sshLegacy?: boolean;
  readonly ignoreRollback?: boolean;
  readonly privilege?: string;
  readonly enableSecretEnv?: string;
  readonly islCapable?: boolean;
  readonly miswire?: readonly string[];
  readonly rejectCommand?: readonly string[];
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Adds the flags to a command; `miswire` only where the lab knows the wiring (`lab up`). */
export function addSwitchFlags(cmd: Command, opts: { miswire: boolean }): Command {
  cmd
    .option(
      '--ssh-legacy',
      'the switch offers only diffie-hellman-group14-sha1 and an ssh-rsa host key, like an old switch',
    )
    .option('--ignore-rollback', 'the switch accepts its rollback commands and does nothing (fault tests)')
    .option('--privilege <level>', 'login privilege: 15 lands at switch1# (default), 1 at switch1> (then enable)')
    .option('--enable-secret-env <var>', 'environment variable holding the enable secret `enable` asks for')
    .option('--isl-capable', 'IOS: ISL-capable ports (trunk mode needs switchport trunk encapsulation dot1q first)')
    .option(
      '--reject-command <regex>',
      'fault injection: commands matching REGEX (config lines, or exec commands) are refused with the platform error; repeatable',
      collect,
    );
  if (opts.miswire)
    cmd.option(
      '--miswire <spec>',
      'cabling fault reported by LLDP, SWITCH:PORT=NODE:NIC (e.g. switch1:Ethernet1/7=node2:enp4s0f0); repeatable',
      collect,
    );
  else
    cmd.option(
      '--lldp <spec>',
      'an LLDP neighbour, PORT=SYSTEM:PORTID (e.g. Ethernet1/3=node0:enp4s0f0); repeatable',
      collect,
    );
  return cmd;
}

function bad(message: string, fix?: string): never {
  throw new ConfigError({ severity: 'error', message, ...(fix !== undefined ? { fix } : {}) });
}

/** Validated settings (exit 3 with the flag named when a value is wrong). */
export function switchSettings(
  flags: SwitchFlags,
  platform: SimPlatformId,
  ports?: readonly string[],
): LabSwitchSettings {
  const privilege = flags.privilege === undefined ? undefined : Number(flags.privilege);
  if (privilege !== undefined && privilege !== 1 && privilege !== 15)
    bad(`--privilege ${flags.privilege} is not simulated`, 'use 15 (privileged EXEC) or 1 (user EXEC, then enable)');
  let enableSecret: string | undefined;
  if (flags.enableSecretEnv !== undefined) {
    enableSecret = process.env[flags.enableSecretEnv];
    if (enableSecret === undefined)
      bad(
        `--enable-secret-env ${flags.enableSecretEnv}: the variable is not set`,
        `export ${flags.enableSecretEnv}=...`,
      );
  }
  if (flags.islCapable && platform !== 'cisco_ios')
    bad('--isl-capable is an IOS setting', 'use it with --platform cisco_ios');
  const miswire: Record<string, LldpNeighbor> = {};
  for (const spec of flags.miswire ?? []) {
    const parsed = parseMiswire(spec);
    if ('error' in parsed) bad(parsed.error);
    if (ports && !ports.includes(parsed.port))
      bad(`--miswire ${spec}: ${parsed.port} is not a port of the lab switch`, `use a port name such as ${ports[6]}`);
    miswire[parsed.port] = parsed.neighbor;
  }
  const rejectCommands = (flags.rejectCommand ?? []).map((re) => {
    try {
      return new RegExp(re).source;
    } catch (error) {
      return bad(`--reject-command ${re}: ${(error as Error).message}`);
    }
  });
  return {
    ...(rejectCommands.length > 0 ? { rejectCommands } : {}),
    ...(flags.sshLegacy ? { sshLegacy: true } : {}),
    ...(flags.ignoreRollback ? { ignoreRollback: true } : {}),
    ...(privilege !== undefined ? { privilege: privilege as 1 | 15 } : {}),
    ...(enableSecret !== undefined ? { enableSecret, enableSecretEnv: flags.enableSecretEnv! } : {}),
    ...(flags.islCapable ? { islCapable: true } : {}),
    ...(Object.keys(miswire).length > 0 ? { miswire } : {}),
  };
}

/** `--lldp PORT=SYSTEM:PORTID` of `lab sim`. */
export function lldpFlags(specs: readonly string[] = []): Record<string, LldpNeighbor> {
  const out: Record<string, LldpNeighbor> = {};
  for (const spec of specs) {
    const m = /^([^=\s]+)=([^:\s]+):(\S+)$/.exec(spec.trim());
    if (!m) bad(`--lldp ${spec}: expected PORT=SYSTEM:PORTID`, 'e.g. --lldp Ethernet1/3=node0:enp4s0f0');
    out[m[1]!] = { systemName: m[2]!, portId: m[3]! };
  }
  return out;
}

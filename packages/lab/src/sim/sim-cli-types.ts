import type { PortRules } from './model/port-rules.js';
import type { SimPlatformId, SimSwitchState } from './model/switch-model.js';
import type { CommandSpec, MatchedArgs } from './sim-grammar.js';
import type { SimDevice } from './sim-device.js';

/** CLI modes of the simulated devices. `user` is EOS/IOS `switch1>`; `exec` is privileged `switch1#`. */
export type ModeKind = 'user' | 'exec' | 'config' | 'config-if' | 'config-vlan' | 'config-archive';

/** The current mode and what it edits. */
export interface CliMode {
  readonly kind: ModeKind;
  readonly ifaces?: readonly string[];
  readonly vlans?: readonly number[];
}

/** What a command handler can see and change of its connection. */
export interface CliHandle {
  mode: CliMode;
  /** EOS: the configuration session this connection is in. */
  session: string | undefined;
  termLength: number;
  termWidth: number;
  readonly username: string;
  /** Replaying a startup-config: informational messages are not printed. */
  readonly loading: boolean;
  /** The config being edited: the EOS session's copy, else the running config (a copy to change). */
  readState(): SimSwitchState;
  writeState(next: SimSwitchState): void;
  /** Prints `question` (no newline) and hands the next typed line to `onAnswer` instead of the parser. */
  ask(question: string, onAnswer: (answer: string) => string, opts?: { secret?: boolean }): string;
  /** Ends the session (`exit` from EXEC). */
  close(): void;
}

/** Everything a handler gets. `expanded` is the line with every keyword spelled out (`switchport mode trunk`). */
export interface CommandContext {
  readonly device: SimDevice;
  readonly platform: SimPlatform;
  readonly cli: CliHandle;
  readonly args: MatchedArgs;
  readonly line: string;
  readonly expanded: string;
  /** Length of the prompt the line was typed after (for `^` markers); 0 on exec channels. */
  readonly promptLength: number;
  /** `| json` (or `| json-pretty`) was asked for: return a JsonOutput, or text if the command has no JSON form. */
  readonly json: boolean;
}

/** A command's structured output for `| json`. */
export interface JsonOutput {
  readonly json: unknown;
}

/** Returns the command's output (LF line ends; '' or undefined for none). Throws SimCommandError for an error. */
export type CommandHandler = (ctx: CommandContext) => string | JsonOutput | void;

/** A command's error output, printed as is (the platform's own wording). */
export class SimCommandError extends Error {
  constructor(readonly output: string) {
    super(output);
  }
}

/** One platform's CLI as data: prompts, error wording, command tables and running-config rendering. */
export interface SimPlatform {
  readonly id: SimPlatformId;
  readonly rules: PortRules;
  /** Privilege a user gets when the user entry does not say. */
  readonly defaultPrivilege: number;
  /** `show` commands also work in configuration modes without `do` (NX-OS, EOS). */
  readonly showInConfig: boolean;
  /** NX-OS runs `cmd1 ; cmd2` as two commands. */
  readonly semicolonSeparates: boolean;
  /** Output modifiers after `|` beyond include/exclude/begin/section (`json`, `no-more`, ...). */
  readonly pipes: readonly string[];
  /** Text for `| json` on a command that has no JSON form. */
  readonly noJson: string;
  /** The front-panel ports of a freshly booted switch (canonical names). */
  readonly bootPorts: readonly string[];
  banner(device: SimDevice): string;
  prompt(hostname: string, mode: CliMode, session: string | undefined): string;
  /** Error for an unknown or out-of-range token starting at `col` (token index `token`) of `line`. */
  invalid(line: string, col: number, token: number, promptLength: number): string;
  incomplete(line: string, promptLength: number): string;
  ambiguous(line: string, col: number, promptLength: number): string;
  readonly commands: Readonly<Record<ModeKind, readonly CommandSpec<CommandHandler>[]>>;
  renderRunning(device: SimDevice, state: SimSwitchState): string;
}

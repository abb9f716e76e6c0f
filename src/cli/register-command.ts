import type { Command } from 'commander';

/** Registers one command on the program; `setExit` records the exit code the command wants. */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/**
 * A command registers itself on the program and reports its exit code through `setExit`.
 * Each command lives in its own file; add it to `commands` below.
 */
export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

export const commands: RegisterCommand[] = [];

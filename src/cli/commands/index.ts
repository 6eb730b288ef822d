import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/**
 * A command registers itself on the program and reports its exit code through `setExit`.
 * Each command lives in its own file; add it to `commands` below.
 */
export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

/**
 * Commands by name, loaded on demand: a pre-commit run of `lint` must not pay for loading
 * the drift, validate or lookup code (about half the start-up time when all are loaded).
 */
export const commands: ReadonlyMap<string, () => Promise<RegisterCommand>> = new Map([
  ['check', async () => (await import('./check.js')).registerCheck],
  ['lint', async () => (await import('./lint.js')).registerLint],
  ['validate', async () => (await import('./validate.js')).registerValidate],
  ['dump', async () => (await import('./dump.js')).registerDump],
  ['lookup', async () => (await import('./lookup.js')).registerLookup],
  ['resolve', async () => (await import('./resolve.js')).registerResolve],
  ['drift', async () => (await import('./drift.js')).registerDrift],
]);

import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/**
 * A command registers itself on the program and reports its exit code through `setExit`.
 * Each command lives in its own file; add it to `commands` below.
 */
export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

export const commands: RegisterCommand[] = [];
import { registerValidate } from './validate.js'; commands.push(registerValidate);
import { registerDrift } from './drift.js'; commands.push(registerDrift);
import { registerDump } from './dump.js'; commands.push(registerDump);
import { registerCheck } from './check.js'; commands.push(registerCheck);
import { registerLookup } from './lookup.js'; commands.push(registerLookup);
import { registerResolve } from './resolve.js'; commands.push(registerResolve);
import { registerLint } from './lint.js'; commands.push(registerLint);

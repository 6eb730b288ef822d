import { Command, CommanderError } from 'commander';
import { packageVersion } from '../package-files.js';
import { HieradriftError } from '../source/errors.js';
import { commands } from './commands/index.js';
import { ExitCode, type CliIo } from './io.js';

/** Parses argv, runs one command and returns its exit code. Never throws, never exits. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exit: number = ExitCode.ok;
  const program = new Command('hieradrift')
    .description('Lint Hiera data, validate OpenStack config, and report drift, as Puppet and oslo.config read them')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError();
  try {
    // Only the named command's code is loaded; help and unknown commands load them all.
    const named = commands.get(argv.find((a) => !a.startsWith('-')) ?? '');
    const loaders = named ? [named] : [...commands.values()];
    for (const register of await Promise.all(loaders.map((load) => load()))) {
      register(program, io, (code) => (exit = code));
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (err instanceof HieradriftError) {
      const d = err.diagnostic;
      io.stderr(d ? `${d.file}:${d.line}:${d.column}: ${err.message}\n` : `hieradrift: ${err.message}\n`);
      return err.code === 'input' ? ExitCode.findings : ExitCode.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`hieradrift: internal error: ${message}\n`);
    return ExitCode.usage;
  }
}

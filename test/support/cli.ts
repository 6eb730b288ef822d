import { run } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with a fake io and returns its exit code and output. */
export async function runCli(argv: string[], cwd: string, isTTY = false): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, env: {}, isTTY };
  const code = await run(argv, io);
  return { code, out, err };
}

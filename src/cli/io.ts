/** What a command may touch of the outside world; tests pass fakes. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

/** Exit codes, the same for every command. */
export const ExitCode = {
  ok: 0,
  /** Findings at error level, drift, not found, or input Puppet refuses. */
  findings: 1,
  /** Usage, configuration or internal error. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

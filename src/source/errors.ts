import type { Diagnostic } from './diagnostic.js';

export type ErrorCode = 'usage' | 'config' | 'io' | 'input';

/**
 * Thrown only for misuse, environment faults, or input a command cannot go on without.
 * The CLI turns it into a message (with the diagnostic's position when it carries one) and exit code.
 */
export class HieradriftError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly diagnostic?: Diagnostic,
  ) {
    super(message);
    this.name = 'HieradriftError';
  }
}

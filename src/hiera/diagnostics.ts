import type { Diagnostic } from '../source/index.js';
import type { LookupError } from './errors.js';

/**
 * A failed lookup as a Diagnostic, positioned at the data value it came from when known.
 * Errors `puppet lookup` swallows (exit 1, no text) say so, since hieradrift prints them.
 */
export function positioned(err: LookupError): Diagnostic {
  const w = err.where;
  const line = w?.line ?? 1;
  const column = w?.column ?? 1;
  return {
    ruleId: err.silent ? 'hiera/lookup-error-silent' : 'hiera/lookup-error',
    severity: 'error',
    message: err.message,
    file: w?.file ?? '<lookup>',
    line,
    column,
    endLine: w?.endLine ?? line,
    endColumn: w?.endColumn ?? column,
  };
}

export { type Diagnostic, type Severity, type Span, formatDiagnosticLine } from './diagnostic.js';
export { LineCounter } from './line-counter.js';
export { HieradriftError, type ErrorCode } from './errors.js';

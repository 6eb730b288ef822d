/** Where in the data an error comes from (1-based, end exclusive). */
export interface Where {
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/**
 * A failed lookup, as Puppet's LookupError. Internal control flow only: `lookup()` catches it and
 * returns a Diagnostic. `silent` marks the issue-coded errors `puppet lookup` swallows (exit 1, no text),
 * which hieradrift prints anyway.
 */
export class LookupError extends Error {
  constructor(
    message: string,
    readonly silent = false,
    public where?: Where,
  ) {
    super(message);
    this.name = 'LookupError';
  }
}

/** Puppet's name stack guard (Invocation#check): refuses a name already being looked up. */
export function checkRecursion<T>(stack: string[], name: string, fn: () => T): T {
  if (stack.includes(name)) throw new LookupError(`Recursive lookup detected in [${stack.join(', ')}]`);
  stack.push(name);
  try {
    return fn();
  } finally {
    stack.pop();
  }
}

/**
 * A Ruby regexp (lookup_options key pattern, knockout prefix) that Ruby accepts but hieradrift cannot
 * translate to an exactly equivalent JS RegExp (`\G`, `\K`, the absence operator, conditionals, ...):
 * hieradrift cannot tell what Puppet's lookup does with it, which is not a Puppet failure.
 */
export class UnsupportedRegexpError extends LookupError {
  constructor(
    readonly construct: string,
    readonly source: string,
  ) {
    super(`hieradrift cannot translate this Ruby regexp construct: ${construct}: /${source}/`);
    this.name = 'UnsupportedRegexpError';
  }
}

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

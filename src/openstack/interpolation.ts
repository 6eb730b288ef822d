// oslo.config substitutes values with string.Template (idpattern [_a-z][._a-z0-9]*, case-insensitive)
// after turning "\$" into "$$". These helpers find the references without resolving them.

export interface Reference {
  /** As written: `state_path`, `database.connection`. */
  name: string;
  /** Offset of the `$` in the value. */
  index: number;
  length: number;
}

const TEMPLATE = /\$(?:(\$)|([_a-z][._a-z0-9]*)|\{([_a-z][._a-z0-9]*)\})/gi;

export function findReferences(value: string): Reference[] {
  const v = value.replace(/\\\$/g, '$$$$');
  const shift = value.length - v.length; // only for values with "\$"; positions are then approximate
  const refs: Reference[] = [];
  for (const m of v.matchAll(TEMPLATE)) {
    if (m[1]) continue;
    refs.push({ name: (m[2] ?? m[3])!, index: Math.max(0, m.index + shift), length: m[0].length });
  }
  return refs;
}

/** The value after `$$`/`\$` escapes, for type checks of values without references. */
export function unescapeDollars(value: string): string {
  return value.replace(/\\\$/g, '$$$$').replace(/\$\$/g, '$');
}

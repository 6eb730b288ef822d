import type { HValue } from '../value/index.js';

/** A number as Ruby prints it (`1.1`, `45000`, `1.0e+20`), for messages about what Puppet read. */
export function rubyNumber(v: HValue): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
  const s = String(v);
  return s.includes('e') ? s.replace(/e([+-])(\d)$/, 'e$10$2').replace(/^(-?\d+)e/, '$1.0e') : s;
}

// Small ports of the Python behaviours oslo.config relies on: str.strip's whitespace set, repr(), int(), float(), %g.

const PY_SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const LEAD = new RegExp(`^${PY_SPACE.source}+`);
const TRAIL = new RegExp(`${PY_SPACE.source}+$`);

export function pyStrip(s: string): string {
  return s.replace(LEAD, '').replace(TRAIL, '');
}

/** Python's repr() of a str. */
export function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += '\\' + q;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (/[\p{Z}\p{C}]/u.test(ch) && ch !== ' ') {
      out += c > 0xffff ? '\\U' + c.toString(16).padStart(8, '0') : '\\u' + c.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + q;
}

/** Decimal digits of any script, as Python's int()/float() read them. */
function asciiDigits(s: string): string {
  return s.replace(/\p{Nd}/gu, (d) => {
    // Nd characters come in contiguous runs of whole decades, each starting at its zero.
    const c = d.codePointAt(0)!;
    let z = c;
    while (/\p{Nd}/u.test(String.fromCodePoint(z - 1))) z--;
    return String((c - z) % 10);
  });
}

/** Python int(s) for base 10; undefined where Python raises ValueError. */
export function pyInt(s: string): bigint | undefined {
  const t = asciiDigits(pyStrip(s));
  if (!/^[+-]?\d+(_\d+)*$/.test(t)) return undefined;
  return BigInt(t.replace(/_/g, ''));
}

/** Python float(s); undefined where Python raises ValueError. */
export function pyFloat(s: string): number | undefined {
  const t = asciiDigits(pyStrip(s));
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(t)) return NaN;
  const digits = String.raw`\d+(?:_\d+)*`;
  const re = new RegExp(`^[+-]?(?:${digits}(?:\\.(?:${digits})?)?|\\.${digits})(?:[eE][+-]?${digits})?$`);
  if (!re.test(t)) return undefined;
  return Number(t.replace(/_/g, ''));
}

/** Python's '%g' % n. */
export function pyG(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(n.toPrecision(6)))));
  if (exp < -4 || exp >= 6) {
    const [m, e] = n.toExponential(5).split('e') as [string, string];
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const ev = Number(e);
    return `${mant}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  const fixed = n.toFixed(Math.max(0, 5 - exp));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

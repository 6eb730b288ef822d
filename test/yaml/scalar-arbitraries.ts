import fc from 'fast-check';

/** Random case, as Psych's boolean/null/inf rules are case-insensitive. */
const randomCase = (s: string): fc.Arbitrary<string> =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((up) => [...s].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''));

const digits = (min: number, max: number, alphabet = '0123456789'): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** Inserts `_` or `,` at random positions, the separators Psych tolerates (or not). */
const sprinkle = (s: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(s, fc.array(fc.tuple(fc.nat(), fc.constantFrom('_', ',', '__')), { maxLength: 2 })).map(([str, ins]) => {
    let out = str;
    for (const [at, sep] of ins) {
      const p = at % (out.length + 1);
      out = out.slice(0, p) + sep + out.slice(p);
    }
    return out;
  });

const sign = fc.constantFrom('', '', '-', '+');

/** YAML 1.1 scalar forms (and near misses) as they appear in Hiera data. */
export const yaml11Scalar: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(sign, sprinkle(digits(1, 8))).map(([s, d]) => s + d),
  fc.tuple(sign, sprinkle(digits(1, 5, '01234567'))).map(([s, d]) => `${s}0${d}`),
  fc.tuple(sign, fc.constantFrom('0x', '0X'), sprinkle(digits(0, 5, '0123456789abcdefABCDEF'))).map(([s, p, d]) => s + p + d),
  fc.tuple(sign, fc.constantFrom('0b', '0B'), sprinkle(digits(0, 6, '01'))).map(([s, p, d]) => s + p + d),
  fc.tuple(sign, digits(1, 3), fc.array(digits(1, 2), { minLength: 1, maxLength: 3 }), fc.option(digits(0, 3))).map(
    ([s, h, rest, frac]) => `${s}${h}:${rest.join(':')}${frac === null ? '' : '.' + frac}`,
  ),
  fc.tuple(sign, sprinkle(digits(0, 4)), fc.constantFrom('.', ''), digits(0, 4), fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 3)))).map(
    ([s, i, dot, f, e]) => `${s}${i}${dot}${f}${e ? e.join('') : ''}`,
  ),
  fc.constantFrom('yes', 'no', 'on', 'off', 'true', 'false', 'null', 'y', 'n', '~', 'nil', 'none', 'yess', 'nul').chain(randomCase),
  fc.tuple(fc.constantFrom('', '+', '-'), fc.constantFrom('.inf', '.nan', 'inf', '.infinity', '.na')).chain(([s, w]) => randomCase(w).map((x) => s + x)),
  fc.tuple(digits(4, 4), digits(1, 2), digits(1, 2), fc.option(fc.tuple(fc.constantFrom('T', 't', ' '), digits(1, 2), digits(2, 2), digits(2, 2), fc.constantFrom('', 'Z', ' +02:00', '.5', '-5')))).map(
    ([y, m, d, t]) => `${y}-${m}-${d}${t ? `${t[0]}${t[1]}:${t[2]}:${t[3]}${t[4]}` : ''}`,
  ),
  fc.tuple(fc.constantFrom(':', '::'), fc.constantFrom('foo', 'a b', '"q"', "'s'", '1', 'x:y')).map(([c, w]) => c + w),
  fc.array(fc.constantFrom(...'0123456789.,_:-+eExob abcyn~'), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
);

export type Presentation = 'plain' | 'single' | 'double' | 'literal' | 'folded' | 'key' | 'flow';

/** Places a scalar in a document the way a Hiera file would hold it. */
export function present(s: string, how: Presentation): string {
  switch (how) {
    case 'plain':
      return `k: ${s}\n`;
    case 'single':
      return `k: '${s.replace(/'/g, "''")}'\n`;
    case 'double':
      return `k: "${s.replace(/[\\"]/g, (c) => '\\' + c)}"\n`;
    case 'literal':
      return `k: |\n  ${s}\n`;
    case 'folded':
      return `k: >-\n  ${s}\n`;
    case 'key':
      return `${s}: v\n`;
    case 'flow':
      return `k: [${s}, {${s}: 1}]\n`;
  }
}

export const presentation: fc.Arbitrary<Presentation> = fc.constantFrom('plain', 'plain', 'plain', 'single', 'double', 'literal', 'folded', 'key', 'flow');

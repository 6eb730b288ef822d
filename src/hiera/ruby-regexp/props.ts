/**
 * Onigmo character property and POSIX bracket names (`\p{Alpha}`, `[[:alpha:]]`) as JS v-mode set
 * expressions. Onigmo ignores case, spaces, `_` and `-` in property names; Unicode definitions are Onigmo's
 * (e.g. `[[:punct:]]` includes the nine ASCII symbols `$+<=>^`|~` since Onigmo 6).
 */

import { RUBY_NONPRINT } from '../../value/ruby-nonprint.js';

const WORD = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';

/** POSIX bracket names, which are also property names. */
export const POSIX: Record<string, string> = {
  alpha: '\\p{Alphabetic}',
  alnum: '[\\p{Alphabetic}\\p{Nd}]',
  ascii: '[\\x00-\\x7f]',
  blank: '[\\p{Zs}\\t]',
  cntrl: '[\\p{Cc}]',
  digit: '\\p{Nd}',
  lower: '\\p{Lowercase}',
  punct: '[\\p{P}\\u{24}\\u{2b}\\u{3c}\\u{3d}\\u{3e}\\u{5e}\\u{60}\\u{7c}\\u{7e}]',
  space: '\\p{White_Space}',
  upper: '\\p{Uppercase}',
  xdigit: '[0-9a-fA-F]',
  word: WORD,
};

/**
 * `[[:print:]]` and `[[:graph:]]` from Ruby's own table (src/value/ruby-nonprint.ts, what String#inspect escapes):
 * print is every character but those and U+0085, graph is print without White_Space. Exact for Ruby's Unicode
 * version, where JS's \p{Cn} would follow Node's newer one. Built on first use: the class is long.
 */
let printClass: string | undefined;
function exactPrint(): string {
  if (!printClass) {
    let ranges = '';
    for (let i = 0; i < RUBY_NONPRINT.length; i += 2) ranges += `\\u{${RUBY_NONPRINT[i]!.toString(16)}}-\\u{${RUBY_NONPRINT[i + 1]!.toString(16)}}`;
    printClass = `[^${ranges}\\u{85}\\p{Cs}]`;
  }
  return printClass;
}
Object.defineProperty(POSIX, 'print', { get: exactPrint, enumerable: true });
Object.defineProperty(POSIX, 'graph', { get: () => `[${exactPrint()}--\\p{White_Space}]`, enumerable: true });

const GENERAL_CATEGORIES: Record<string, string> = {
  l: 'L', letter: 'L', lu: 'Lu', uppercaseletter: 'Lu', ll: 'Ll', lowercaseletter: 'Ll', lt: 'Lt', titlecaseletter: 'Lt',
  lc: 'LC', casedletter: 'LC', lm: 'Lm', modifierletter: 'Lm', lo: 'Lo', otherletter: 'Lo',
  m: 'M', mark: 'M', combiningmark: 'M', mn: 'Mn', nonspacingmark: 'Mn', mc: 'Mc', spacingmark: 'Mc', me: 'Me', enclosingmark: 'Me',
  n: 'N', number: 'N', nd: 'Nd', decimalnumber: 'Nd', nl: 'Nl', letternumber: 'Nl', no: 'No', othernumber: 'No',
  p: 'P', punctuation: 'P', pc: 'Pc', connectorpunctuation: 'Pc', pd: 'Pd', dashpunctuation: 'Pd', ps: 'Ps', openpunctuation: 'Ps',
  pe: 'Pe', closepunctuation: 'Pe', pi: 'Pi', initialpunctuation: 'Pi', pf: 'Pf', finalpunctuation: 'Pf', po: 'Po', otherpunctuation: 'Po',
  s: 'S', symbol: 'S', sm: 'Sm', mathsymbol: 'Sm', sc: 'Sc', currencysymbol: 'Sc', sk: 'Sk', modifiersymbol: 'Sk', so: 'So', othersymbol: 'So',
  z: 'Z', separator: 'Z', zs: 'Zs', spaceseparator: 'Zs', zl: 'Zl', lineseparator: 'Zl', zp: 'Zp', paragraphseparator: 'Zp',
  c: 'C', other: 'C', cc: 'Cc', control: 'Cc', cf: 'Cf', format: 'Cf', cs: 'Cs', surrogate: 'Cs', co: 'Co', privateuse: 'Co', cn: 'Cn', unassigned: 'Cn',
};

const BINARY: Record<string, string> = {
  any: '\\p{Any}', assigned: '\\p{Assigned}', alphabetic: '\\p{Alphabetic}', lowercase: '\\p{Lowercase}', uppercase: '\\p{Uppercase}',
  whitespace: '\\p{White_Space}', cased: '\\p{Cased}', caseignorable: '\\p{Case_Ignorable}', ideographic: '\\p{Ideographic}',
  math: '\\p{Math}', dash: '\\p{Dash}', hexdigit: '\\p{Hex_Digit}', asciihexdigit: '\\p{ASCII_Hex_Digit}', diacritic: '\\p{Diacritic}',
  extender: '\\p{Extender}', joincontrol: '\\p{Join_Control}', noncharactercodepoint: '\\p{Noncharacter_Code_Point}',
  defaultignorablecodepoint: '\\p{Default_Ignorable_Code_Point}',
};

/** Onigmo normalizes names this way before looking them up. */
export function normalizePropName(name: string): string {
  return name.replace(/[\s_-]/g, '').toLowerCase();
}

export type PropLookup = { js: string } | { unsupported: true } | undefined;

/** The JS set for an Onigmo property name; unsupported for names Onigmo knows that are not mapped (blocks, ages, ...). */
export function propertySet(name: string): PropLookup {
  const n = normalizePropName(name);
  const js = POSIX[n] ?? BINARY[n] ?? (GENERAL_CATEGORIES[n] ? `\\p{${GENERAL_CATEGORIES[n]}}` : undefined);
  if (js) return { js };
  // Onigmo also knows scripts (JS's Script= values, same names), blocks (In_...), Age=, emoji and other
  // binary properties: scripts are tried as JS knows them, the rest is beyond this table.
  const script = scriptName(name);
  if (script) return { js: `\\p{Script=${script}}` };
  if (/^in/.test(n) || /^age=/.test(n) || /=/.test(n) || /^emoji|^grapheme|^idstart|^idcontinue|^xid|^pattern|^regional|^bidi|^radical|^sentence|^softdotted|^terminal|^unifiedideograph|^variation|^quotation|^logicalorder|^deprecated|^changes/.test(n)) {
    return { unsupported: true };
  }
  return undefined;
}

function scriptName(name: string): string | undefined {
  const words = name.replace(/\s/g, '').split(/[_-]/).filter(Boolean);
  if (!words.length) return undefined;
  const candidate = words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('_');
  try {
    new RegExp(`\\p{Script=${candidate}}`, 'v');
    return candidate;
  } catch {
    return undefined;
  }
}

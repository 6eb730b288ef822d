import fc from 'fast-check';
import { parseIni } from '../../src/ini/index.js';
import { requireOracle } from '../support/oracle.js';
import { osloParseTexts } from '../support/oslo-oracle.js';
import { assertAgrees } from './agree.js';

// Characters that matter to the grammar, plus Python-only spaces and non-spaces JS would trim.
const CHARS = [
  'a', 'b', 'K', 'z', '1', '_', '-', '.', '/', '$', '\\', ' ', ' ', '\t', '=', ':', '[', ']', '#', ';', '"', "'",
  '\x0b', '\x0c', '\x1c', '\x1f', '\x85', '\xa0', '\u2000', '\u2028', '\u3000', '\u200b', '\ufeff', 'é', 'Σ', '𝒜',
];
const ch = fc.constantFrom(...CHARS);
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'K', '_', '-', '1', 'é'), minLength: 1, maxLength: 6 });
const junk = fc.string({ unit: ch, maxLength: 12 });
const ws = fc.string({ unit: fc.constantFrom(' ', '\t', '\x0c', '\xa0', '\x1c', '\u3000'), maxLength: 3 });
const quote = fc.constantFrom('', '', '"', "'");

const header = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom('DEFAULT', 'default', 'Database', 'database', ''), word, ws)
      .map(([n, w, t]) => `[${n || w}]${t}`) },
  { weight: 1, arbitrary: junk.map((j) => `[${j}`) },
  { weight: 1, arbitrary: junk.map((j) => `[${j}]`) },
);
const assignment = fc
  .tuple(word, ws, fc.constantFrom('=', '=', ':', ' = ', ': '), ws, quote, junk, quote, ws)
  .map(([k, w1, sep, w2, q1, v, q2, t]) => `${k}${w1}${sep}${w2}${q1}${v}${q2}${t}`);
const continuation = fc.tuple(fc.constantFrom(' ', '\t', '  '), junk).map(([i, j]) => i + j);
const comment = fc.tuple(fc.constantFrom('#', ';'), junk).map(([c, j]) => c + j);
const blank = ws;
const line = fc.oneof(
  { weight: 3, arbitrary: header },
  { weight: 8, arbitrary: assignment },
  { weight: 4, arbitrary: continuation },
  { weight: 2, arbitrary: comment },
  { weight: 3, arbitrary: blank },
  { weight: 1, arbitrary: junk },
);
const file = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, fc.constantFrom('\n', '\n', '\n', '\r\n', '\r')), { maxLength: 14 }), fc.boolean())
  .map(([withHeader, lines, finalBreak]) => {
    let text = (withHeader ? '[DEFAULT]\n' : '') + lines.map(([l, nl]) => l + nl).join('');
    if (!finalBreak) text = text.replace(/(\r\n|\r|\n)$/, '');
    return text;
  });

const SEED = Number(process.env.HIERADRIFT_FC_SEED ?? 20240611);
const RUNS = 2000;

describe('ini: generated files agree with oslo.config (differential, fast-check)', function () {
  it(`${RUNS} random files (seed ${SEED})`, function () {
    requireOracle(this, 'oslo');
    const texts = fc.sample(file, { seed: SEED, numRuns: RUNS });
    const { results, paths } = osloParseTexts(texts);
    let refused = 0;
    texts.forEach((text, i) => {
      if (!results[i]!.ok) refused++;
      assertAgrees(parseIni(text, paths[i]!), results[i]!, paths[i]!, `generated #${i} ${JSON.stringify(text)}`);
    });
    // Both outcomes must be well represented, or the generator tests little.
    if (refused < RUNS * 0.1 || refused > RUNS * 0.9) throw new Error(`unbalanced corpus: ${refused}/${RUNS} refused`);
  });
});

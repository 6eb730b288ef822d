import fc from 'fast-check';
import { yaml11Scalar } from './scalar-arbitraries.js';

/** Small whole documents mixing the structural forms Hiera files use (and some they should not). */
const word = fc.constantFrom('a', 'b', 'key', 'nova::debug', 'x y', 'a:b', '- x', '#c', 'k#v', '<<', '~', 'on', '1.5', '0755', '%x', '@x', '|x', '"q"', "'s'", 'x.y', '-1');

const scalarText: fc.Arbitrary<string> = fc.oneof(
  yaml11Scalar,
  word,
  word.map((w) => `'${w.replace(/'/g, "''")}'`),
  word.map((w) => `"${w.replace(/[\\"]/g, (c) => '\\' + c)}"`),
  fc.constantFrom('"\\t\\x41\\u00e9\\/"', '"\\e\\N\\_\\L\\P"', '"a\\\n  b"', '!!str 1', '!!int 012', '!foo bar', '&a 1', '*a', ':sym', 'a # c', "''", '""'),
);

function indent(text: string, n: number): string {
  return text
    .split('\n')
    .map((l) => (l ? ' '.repeat(n) + l : l))
    .join('\n');
}

const { node } = fc.letrec<{ node: string; map: string; seq: string; flow: string; block: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarText, tie('flow'), tie('block')),
  flow: fc.oneof(
    fc.array(fc.oneof(scalarText, tie('flow')), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    fc.array(fc.tuple(word, fc.oneof(scalarText, tie('flow'))), { maxLength: 3 }).map((ps) => `{${ps.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
  ),
  block: fc.constantFrom('|', '>', '|-', '>+', '|2', '>-').chain((h) =>
    fc.array(fc.constantFrom('line', '  more', '', 'x: y', '# not comment', '  - z'), { minLength: 1, maxLength: 3 }).map((ls) => `${h}\n${indent(ls.join('\n'), 2)}`),
  ),
  map: fc
    .array(fc.tuple(word, fc.oneof(scalarText, tie('flow'), tie('block'), tie('seq'), tie('map')), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 4 })
    .map((ps) =>
      ps
        .map(([k, v, n]) => (v.includes('\n') && !v.startsWith('|') && !v.startsWith('>') ? `${k}:\n${indent(v, n)}` : `${k}: ${v}`))
        .join('\n'),
    ),
  seq: fc
    .array(fc.oneof(scalarText, tie('flow'), tie('map')), { minLength: 1, maxLength: 3 })
    .map((xs) => xs.map((x) => `- ${x.replace(/\n/g, '\n  ')}`).join('\n')),
}));

/** A document: a block mapping of arbitrary nodes, sometimes with comments, markers, anchors and merges. */
export const yamlDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(word, node, fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 5 }),
    fc.constantFrom('', '---\n', '# header\n', '%YAML 1.1\n---\n'),
    fc.constantFrom('', '\n', '\n...\n', '\n---\nx: 1\n', '\n# end\n'),
    fc.boolean(),
  )
  .map(([pairs, head, tail, anchors]) => {
    const body = pairs
      .map(([k, v, n], i) => {
        const value = anchors && i === 0 ? `&a ${v}` : anchors && i === pairs.length - 1 ? '*a' : v;
        return value.includes('\n') && !/^(&a )?[|>]/.test(value) ? `${k}:\n${indent(value, n)}` : `${k}: ${value}`;
      })
      .join('\n');
    return head + body + tail;
  });

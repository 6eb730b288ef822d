import fc from 'fast-check';
import { yaml11Scalar } from './scalar-arbitraries.js';

/**
 * Hiera-like documents for the fast-path differential test: nested block mappings and sequences,
 * every one-line scalar style, flow collections as values, comments, blank lines, trailing spaces,
 * CRLF, BOM, `---`, and random edits on top that push the text into shapes (and errors) the fast
 * scanner must leave to js-yaml.
 */

type Tree = { kind: 'scalar'; text: string } | { kind: 'block'; header: string; lines: [number, string][] } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };

const oddWord = fc.constantFrom(
  'profile::nova::debug', 'ntp::servers', 'a', 'key', 'x y', 'a:b', 'a::b', 'a#b', 'a #b', 'k:', 'lookup_options', '__proto__',
  'k-1', '-k', '?k', ':sym', 'über', '日本語', '😀', '1', 'yes', '~', '<<', 'a: b', '---', '...', '%x', '@x', '`x', '!x', '&x', '*x',
  '|x', '>x', '[x]', '{x}', 'x,y', "it's", 'q"q', 'a\\b', '- x', '-', '?', ':', '#', '', 'key ', ' key',
);

const hieraKey = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}(?:::[a-z_][a-z0-9_]{0,8}){0,3}$/);
const plainWord = fc.oneof({ weight: 40, arbitrary: hieraKey }, { weight: 1, arbitrary: oddWord }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_:.-]{0,12}$/) });

const escapes = fc.constantFrom('\\"', '\\\\', '\\n', '\\t', '\\x41', '\\u00e9', '\\U0001F600', '\\/', '\\0', '\\e', '\\ ', '\\N', '\\_', '\\L', '\\P');
const badEscapes = fc.constantFrom('\\q', '\\x4', '\\u00', '\\', '\\\t', '\\\n  ');

const doubleQuoted = fc
  .array(fc.oneof({ weight: 30, arbitrary: plainWord.map((w) => w.replace(/["\\]/g, '\\$&')) }, { weight: 10, arbitrary: escapes }, { weight: 1, arbitrary: badEscapes }, { weight: 1, arbitrary: plainWord }, { weight: 2, arbitrary: fc.constantFrom('%{facts.os.family}', "%{lookup('a::b')}", ' ', '#', ': ', "'", ' # ', '\u00e9t\u00e9') }), { maxLength: 4 })
  .map((parts) => `"${parts.join('')}"`);

const singleQuoted = fc
  .array(fc.oneof({ weight: 30, arbitrary: plainWord.map((w) => w.replace(/'/g, "''")) }, { weight: 6, arbitrary: fc.constantFrom("''", '"', ' # ', ': ', '\\') }, { weight: 1, arbitrary: fc.constant("'") }), { maxLength: 4 })
  .map((parts) => `'${parts.join('')}'`);

const plainValue = fc.oneof(
  { weight: 30, arbitrary: plainWord },
  { weight: 8, arbitrary: yaml11Scalar },
  { weight: 8, arbitrary: fc.constantFrom('value with some text %{facts.os.family}', 'http://user:pw@host:8080/x', 'a b #c', 'a#b', 'true', '0755', '1:30', 'ENC[PKCS7,MIIB]', 'über café', '😀 x', '-x', '?x', ':x', 'x:y', 'a - b', "it's", 'say "hi"') },
  { weight: 1, arbitrary: fc.constantFrom('a: b', 'x:', '- x', '#x', '[x]', '&x', '*x', '!x', '|', '>', '%x', '@x', '? x') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

const key = fc.oneof({ weight: 8, arbitrary: plainWord }, { weight: 1, arbitrary: fc.constant('<<') }, { weight: 1, arbitrary: singleQuoted }, { weight: 1, arbitrary: doubleQuoted });
const scalar = fc.oneof({ weight: 1, arbitrary: fc.constantFrom('*a', '*b', '*a:', '*', '*a]', '&a x', '&b "y"') }, { weight: 6, arbitrary: plainValue }, { weight: 3, arbitrary: doubleQuoted }, { weight: 1, arbitrary: singleQuoted }, { weight: 1, arbitrary: fc.constant('') });

/** Plain scalars as flow items: mostly facts-like values, some with ':' / '#' / '-' / '?' where flow rules differ. */
const flowPlain = fc.oneof(
  { weight: 20, arbitrary: hieraKey },
  { weight: 6, arbitrary: fc.constantFrom('Debian', '11', '1.5', '8000', 'true', '~', '10.0.0.1', 'node1.example.com', 'x86_64', 'Intel Xeon', 'a b', 'http://x:80/y', 'a:b', 'a#b', '-x', '?x', ':x', '.inf', 'x"y', "x'y") },
  { weight: 3, arbitrary: yaml11Scalar },
  // Near misses: a comment, pair or property inside, indicators that cannot start a plain scalar.
  { weight: 1, arbitrary: fc.constantFrom('a #b', 'a: b', 'a:', ':', '- x', '-', '? x', '?', '&a x', '*a', '!t x', '#x', '%x', '@x', '`x', '|', '>', '', ' ') },
);

/** A one-line flow collection (sometimes broken over lines, or otherwise near a form js-yaml reads differently). */
const { flowNode: flowCollection } = fc.letrec<{ flowNode: string; flowItem: string; flowKey: string }>((tie) => ({
  // A flow collection as a key is outside the subset: rare.
  flowKey: fc.oneof({ weight: 20, arbitrary: flowPlain }, { weight: 3, arbitrary: doubleQuoted }, { weight: 3, arbitrary: singleQuoted }, { weight: 1, arbitrary: tie('flowNode') }),
  flowItem: fc.oneof(
    { depthSize: 'small' },
    { weight: 6, arbitrary: flowPlain },
    { weight: 2, arbitrary: doubleQuoted },
    { weight: 2, arbitrary: singleQuoted },
    { weight: 2, arbitrary: tie('flowNode') },
  ),
  flowNode: fc
    .tuple(
      fc.boolean(),
      fc.array(fc.tuple(tie('flowKey'), fc.oneof({ weight: 8, arbitrary: tie('flowItem') }, { weight: 1, arbitrary: fc.constant('') }), fc.nat(99)), { maxLength: 4 }),
      fc.nat(),
    )
    .map(([isMap, items, seed]) => {
      const rnd = prng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
      const sep = (): string => (rnd() < 0.03 ? pick([',,', ', #c\n ', ',\n  ', ' ', ';']) : pick([', ', ', ', ',', ' , ', ',  ']));
      const pad = (): string => (rnd() < 0.3 ? pick([' ', '  ']) : '');
      const entry = ([k, v, form]: [string, string, number]): string => {
        // In a sequence, `k: v` is a single-pair mapping (a near miss).
        if (!isMap) return form < 3 ? `${k}: ${v}` : v || k;
        if (form < 8) return k;
        if (form < 14) return `${k}:${v}`;
        if (form < 18) return `${k} : ${v}`;
        if (form < 20) return `${k}: `;
        return `${k}: ${v}`;
      };
      const body = items.map(entry);
      let text = '';
      body.forEach((e, i) => (text += (i ? sep() : '') + e));
      if (body.length && rnd() < 0.05) text += pick([',', ', ']);
      return (isMap ? '{' : '[') + pad() + text + pad() + (isMap ? '}' : ']') + (rnd() < 0.04 ? pick(['x', ':', ': x', ',', ']', '#c']) : '');
    }),
}));

/** A block scalar: header, then lines as (indentation change from the usual, text). */
const block: fc.Arbitrary<Tree> = fc
  .tuple(
    fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '| # c', '|  ', '|2', '>-1', '|x', '|#'),
    fc.array(fc.tuple(fc.constantFrom(0, 0, 0, 0, 1, 2, -1, -2), fc.oneof(plainValue, fc.constantFrom('', '', '# not a comment', '  more', '---', '...', 'x: y', '- z'))), { maxLength: 4 }),
  )
  .map(([header, lines]) => ({ kind: 'block' as const, header, lines }));

const { tree, map } = fc.letrec<{ tree: Tree; map: Tree; seq: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: scalar.map((text) => ({ kind: 'scalar' as const, text })) },
    { weight: 1, arbitrary: fc.constantFrom('[]', '{}', '[ ]', '[]x', '{} # c', '[a]').map((text) => ({ kind: 'scalar' as const, text })) },
    { weight: 2, arbitrary: flowCollection.map((text) => ({ kind: 'scalar' as const, text })) },
    { weight: 1, arbitrary: block },
    { weight: 2, arbitrary: tie('map') },
    { weight: 2, arbitrary: tie('seq') },
  ),
  map: fc.array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4 }).map((entries) => ({ kind: 'map' as const, entries })),
  seq: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
}));

/** A small deterministic PRNG, so one integer drives every layout choice. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMENTS = ['# comment', '#', '# key: value', '#- x', '# "quoted'];

function render(root: Tree, seed: number): string {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number): boolean => rnd() < p;
  const lines: string[] = [];
  const trail = (): string => (chance(0.1) ? pick([' ', '  ', ' # trailing', '   #x', ' #', chance(0.1) ? '#x' : ' ']) : '');
  const extra = (indent: number): void => {
    if (chance(0.1)) lines.push(chance(0.5) ? '' : ' '.repeat(Math.floor(rnd() * 4)));
    if (chance(0.08)) lines.push(' '.repeat(chance(0.5) ? indent : Math.floor(rnd() * 6)) + pick(COMMENTS));
  };
  const step = (): number => pick([2, 2, 2, 4, 1, 3]);
  // Sometimes an anchor before a node (`k: &a ...`, `- &a ...`).
  const anchor = (): string => (chance(0.08) ? pick(['&a', '&b', '&x1', '&a,b', '&', '&a&b']) + pick([' ', ' ', '  # c ']) : '');
  // `prefix` is what stands before the node on its first line ('' when the node starts a line).
  const body = (t: { lines: [number, string][] }, indent: number): void => {
    const step = pick([1, 2, 2, 4]);
    for (const [delta, text] of t.lines) lines.push(text === '' ? ' '.repeat(pick([0, 0, indent + step, indent + step + 2])) : ' '.repeat(Math.max(0, indent + step + delta)) + text);
  };
  const node = (t: Tree, indent: number, prefix: string, sameLineOk: boolean): void => {
    if (t.kind === 'block') {
      lines.push(prefix + (prefix ? (prefix.endsWith(' ') ? '' : ' ') : ' '.repeat(indent)) + t.header);
      body(t, indent);
      return;
    }
    if (t.kind === 'scalar') {
      lines.push(prefix + (prefix ? (prefix.endsWith(' ') ? '' : ' ') : ' '.repeat(indent)) + t.text + trail());
      return;
    }
    if (t.kind === 'map') {
      t.entries.forEach(([k, v], i) => {
        const head = i === 0 && sameLineOk && prefix ? prefix : ' '.repeat(indent);
        if (i === 0 && prefix && !sameLineOk) lines.push(prefix + trail());
        const sep = chance(0.03) ? ':' : pick([': ', ': ', ': ', ':  ', ' : ']);
        if (v.kind === 'scalar') {
          lines.push(head + k + sep + anchor() + v.text + trail());
        } else if (v.kind === 'block') {
          lines.push(head + k + ': ' + v.header);
          body(v, indent);
        } else {
          lines.push(head + k + ':' + (chance(0.1) ? ' ' + anchor().trimEnd() : '') + trail());
          extra(indent);
          const inner = v.kind === 'seq' && chance(0.4) ? indent : indent + step();
          node(v, inner, '', false);
        }
        extra(indent);
      });
      return;
    }
    t.items.forEach((item, i) => {
      const head = i === 0 && sameLineOk && prefix ? prefix : ' '.repeat(indent);
      if (i === 0 && prefix && !sameLineOk) lines.push(prefix + trail());
      const dash = head + pick(['- ', '- ', '-  ', '-']);
      if (item.kind === 'scalar') {
        lines.push(dash + (dash.endsWith(' ') || item.text === '' ? '' : ' ') + anchor() + item.text + trail());
      } else if (item.kind === 'block') {
        lines.push(dash + (dash.endsWith(' ') ? '' : ' ') + item.header);
        body(item, indent);
      } else if (chance(0.6)) {
        // compact: `- k: v` / `- - x`
        const inner = dash.length + (dash.endsWith(' ') ? 0 : 1);
        node(item, inner, dash.endsWith(' ') ? dash : dash + ' ', true);
      } else {
        lines.push(dash.trimEnd() + (chance(0.1) ? ' ' + anchor().trimEnd() : '') + trail());
        node(item, indent + pick([step(), step(), 0]), '', false);
      }
      extra(indent);
    });
  };
  if (chance(0.15)) lines.push(pick(COMMENTS));
  if (chance(0.4)) lines.push(pick(['---', '---', '--- # header', '---  ']));
  node(root, chance(0.05) ? 2 : 0, '', false);
  let text = lines.join(chance(0.15) ? '\r\n' : '\n');
  if (chance(0.8)) text += chance(0.1) ? '\r\n' : '\n';
  if (chance(0.03)) text = '\uFEFF' + text;
  return text;
}

const EDIT_CHARS = [' ', ':', '#', '-', "'", '"', '\t', '\r', '\n', '\\', '?', '&', '*', '[', '{', '|', '>', '!', '%', '\u0085', '\u0000', '\uD800', '.'];

function mutate(text: string, seed: number, edits: number): string {
  const rnd = prng(seed ^ 0x5bd1e995);
  let out = text;
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const r = rnd();
    if (r < 0.4) out = out.slice(0, at) + EDIT_CHARS[Math.floor(rnd() * EDIT_CHARS.length)] + out.slice(at);
    else if (r < 0.7) out = out.slice(0, at) + out.slice(at + 1);
    else if (r < 0.85) {
      const ls = out.lastIndexOf('\n', at - 1) + 1;
      out = out.slice(0, ls) + ' ' + out.slice(ls);
    } else {
      const ls = out.lastIndexOf('\n', at - 1) + 1;
      out = out.slice(0, ls) + (out[ls] === ' ' ? out.slice(ls + 1) : out.slice(ls));
    }
  }
  return out;
}

/** A Hiera-like document, as written (mutated = false) or with up to three random edits. */
export const hieraDocument: fc.Arbitrary<{ text: string; mutated: boolean }> = fc
  .tuple(fc.oneof({ weight: 1, arbitrary: tree }, { weight: 6, arbitrary: map }), fc.integer(), fc.integer({ min: 0, max: 3 }))
  .map(([t, seed, edits]) => {
    const text = render(t, seed);
    return { text: edits ? mutate(text, seed, edits) : text, mutated: edits > 0 };
  });

import { LineCounter } from '../source/index.js';
import type { HHash, HValue } from '../value/types.js';
import { REFUSED } from './messages.js';
import { LoadFailure, type YMap, type YNode, type YScalar, type YSeq, type YamlLoadResult } from './types.js';

/** Ruby's JSON parser default `max_nesting`. */
const MAX_NESTING = 100;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const SKIP = /(?:[ \t\r\n]+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/y;

/** A recursive-descent parser with Ruby json 2.6 rules: comments allowed; NaN, trailing commas, raw control characters refused. */
class JsonParser {
  private p = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    SKIP.lastIndex = this.p;
    SKIP.exec(this.s);
    this.p = SKIP.lastIndex;
  }

  private fail(what = 'unexpected token'): never {
    // Ruby's message quotes the next 20 characters of the file: that can be half a password, so only the
    // position (which every diagnostic carries) says where.
    throw new LoadFailure(`JSON syntax error: ${what}`, this.p, this.p + 1);
  }

  document(): YNode {
    this.ws();
    if (this.p >= this.s.length) this.fail();
    const node = this.value(0);
    this.ws();
    if (this.p < this.s.length) this.fail();
    return node;
  }

  private value(depth: number): YNode {
    const c = this.s[this.p];
    if (c === '{') return this.object(depth + 1);
    if (c === '[') return this.array(depth + 1);
    if (c === '"') return this.string();
    const start = this.p;
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.p)) {
        this.p += word.length;
        return this.scalar(start, v);
      }
    }
    NUMBER.lastIndex = this.p;
    const m = NUMBER.exec(this.s);
    if (!m) this.fail();
    this.p = NUMBER.lastIndex;
    if (/[\w.]/.test(this.s[this.p] ?? '')) this.fail();
    return this.scalar(start, m[1] || m[2] ? Number(m[0]) : BigInt(m[0]));
  }

  private scalar(start: number, value: HValue, style: YScalar['style'] = 'plain'): YScalar {
    return { kind: 'scalar', span: { start, end: this.p }, value, style, source: this.s.slice(start, this.p) };
  }

  private string(): YScalar {
    const start = this.p++;
    let out = '';
    for (;;) {
      const c = this.s[this.p];
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') break;
      if (c < ' ') this.fail('control character in string');
      if (c === '\\') {
        const e = this.s[this.p + 1] ?? '';
        const named: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const hex = this.s.slice(this.p + 2, this.p + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.p += 6;
          continue;
        }
        out += named[e] ?? e;
        this.p += 2;
        continue;
      }
      out += c;
      this.p++;
    }
    this.p++;
    return this.scalar(start, out, 'double');
  }

  private nest(depth: number): void {
    if (depth > MAX_NESTING) this.fail(`nesting of ${depth} is too deep`);
  }

  private array(depth: number): YSeq {
    this.nest(depth);
    const start = this.p++;
    const items: YNode[] = [];
    this.ws();
    if (this.s[this.p] !== ']') {
      for (;;) {
        this.ws();
        items.push(this.value(depth));
        this.ws();
        if (this.s[this.p] === ',') this.p++;
        else if (this.s[this.p] === ']') break;
        else this.fail();
      }
    }
    this.p++;
    return { kind: 'seq', span: { start, end: this.p }, value: items.map((i) => i.value), items };
  }

  private object(depth: number): YMap {
    this.nest(depth);
    const start = this.p++;
    const pairs: { key: YNode; value: YNode }[] = [];
    const hash: HHash = new Map();
    this.ws();
    if (this.s[this.p] !== '}') {
      for (;;) {
        this.ws();
        if (this.s[this.p] !== '"') this.fail();
        const key = this.string();
        this.ws();
        if (this.s[this.p] !== ':') this.fail();
        this.p++;
        this.ws();
        const value = this.value(depth);
        pairs.push({ key, value });
        hash.set(key.value as string, value.value);
        this.ws();
        if (this.s[this.p] === ',') this.p++;
        else if (this.s[this.p] === '}') break;
        else this.fail();
      }
    }
    this.p++;
    return { kind: 'map', span: { start, end: this.p }, value: hash, pairs };
  }
}

/** Ruby JSON (Puppet::Util::Json.load) semantics for json_data files. Never throws on user input. */
export function loadJson(text: string, file: string): YamlLoadResult {
  const lineCounter = new LineCounter(text);
  const result: YamlLoadResult = { file, text, lineCounter, value: undefined, root: null, diagnostics: [] };
  const refuse = (message: string, start: number, end: number): YamlLoadResult => {
    const a = lineCounter.position(start);
    const b = lineCounter.position(end);
    result.error = { ruleId: 'yaml/refused', severity: 'error', message: `${REFUSED}: ${message}`, file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    return result;
  };
  let root: YNode;
  try {
    root = new JsonParser(text).document();
  } catch (err) {
    if (err instanceof LoadFailure) return refuse(err.message, err.start, err.end);
    throw err;
  }
  result.root = root;
  if (root.kind !== 'map') {
    const got = root.kind === 'seq' ? 'Tuple' : root.value === null ? 'Undef' : typeof root.value === 'string' ? 'String' : typeof root.value === 'boolean' ? 'Boolean' : typeof root.value === 'bigint' ? 'Integer' : 'Float';
    return refuse(`json_data expects a Hash value at the top level, got ${got}`, root.span.start, root.span.end);
  }
  const seen = new Map<HValue, YNode>();
  for (const { key } of root.pairs) {
    const first = seen.get(key.value);
    if (first) {
      const a = lineCounter.position(key.span.start);
      const b = lineCounter.position(key.span.end);
      const line = lineCounter.position(first.span.start).line;
      result.diagnostics.push({ ruleId: 'yaml/duplicate-key', severity: 'warning', message: `duplicate key '${String(key.value)}': Puppet silently keeps the last value (first at line ${line})`, file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
    } else seen.set(key.value, key);
  }
  result.value = root.value;
  return result;
}

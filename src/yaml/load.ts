import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { EVENT_ID, parseEvents, YAMLException, type DocumentEvent, type Event } from 'js-yaml';
import { HieradriftError, LineCounter, type Diagnostic, type Severity } from '../source/index.js';
import { RubySymbol, isHash, type HValue } from '../value/types.js';
import { Composer } from './compose.js';
import { firstDocument } from './document.js';
import { fastParseEvents } from './fast-events.js';
import { loadJson } from './json.js';
import { REFUSED } from './messages.js';
import { LoadFailure, type YNode, type YamlLoadOptions, type YamlLoadResult } from './types.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_ALIAS_EXPANSION = 1_000_000;
const DEFAULT_MAX_DEPTH = 1000;
/** js-yaml's parser recurses per nesting level; beyond this it could overflow the stack. */
const HARD_MAX_DEPTH = 2000;

/** Builds Diagnostics from offsets into one text. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    readonly file: string,
    readonly lineCounter: LineCounter,
  ) {}

  make(ruleId: string, severity: Severity, message: string, start: number, end: number): Diagnostic {
    const a = this.lineCounter.position(start);
    const b = this.lineCounter.position(Math.max(end, start));
    return { ruleId, severity, message, file: this.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  add(ruleId: string, severity: Severity, message: string, start: number, end: number): void {
    this.diagnostics.push(this.make(ruleId, severity, message, start, end));
  }
}

function refused(message: string): string {
  return message.startsWith(REFUSED) ? message : `${REFUSED}: ${message}`;
}

/**
 * Loads Hiera YAML exactly as Puppet 7 does (`Puppet::Util::Yaml.safe_load(content, [Symbol], path)`
 * followed by yaml_data's symkeys_to_string). Never throws on user input.
 */
export function loadYaml(text: string, file: string, options: YamlLoadOptions = {}): YamlLoadResult {
  const lineCounter = new LineCounter(text);
  const sink = new DiagnosticSink(file, lineCounter);
  const result: YamlLoadResult = { file, text, lineCounter, value: undefined, root: null, diagnostics: sink.diagnostics };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = Math.min(options.maxDepth ?? DEFAULT_MAX_DEPTH, HARD_MAX_DEPTH);
  const fail = (message: string, start: number, end: number): YamlLoadResult => {
    result.error = sink.make('yaml/refused', 'error', refused(message), start, end);
    return result;
  };
  const size = Buffer.byteLength(text, 'utf8');
  // hieradrift's own limit, not Puppet's: said as such (no "Puppet refuses").
  if (size > maxBytes) return tooLarge(file, size, maxBytes);
  // libyaml's reader refuses the whole stream at its first non-printable character, comments included.
  const control = firstControlCharacter(text);
  if (control >= 0) {
    result.readerProblem = CONTROL;
    return fail(`it holds a control character (Psych: ${CONTROL})`, control, control + 1);
  }

  // libyaml skips a BOM but counts it as a column, so the first line is indented by one.
  const bom = text.startsWith('\uFEFF') && !options.stripBom;
  // With stripBom the BOM stays in the text (offsets unchanged): js-yaml and firstDocument skip it.
  const work = bom ? ' ' + text.slice(1) : text;
  if (bom && /^ ---(?:[ \t]|\r?\n|$)/.test(work)) {
    // libyaml sees the BOM as column 1, so '---' is no document marker but a scalar, and the next line breaks.
    return fail(`the file starts with a UTF-8 BOM before '---', which makes Psych fail to parse it (mapping values are not allowed in this context)`, 0, 1);
  }
  const doc = firstDocument(work);
  if (doc.error) return fail(`YAML syntax error: ${doc.error.message}`, doc.error.at, doc.error.at + 1);
  if (doc.cut) {
    const at = lineCounter.position(doc.cut.at).line;
    if (doc.cut.reason === 'multi-document') {
      sink.add('yaml/multi-document', 'warning', `only the first YAML document is used: Puppet ignores everything from line ${at}`, doc.cut.at, doc.cut.at + 3);
    } else if (bom) {
      sink.add('yaml/bom-truncation', 'error', `the file starts with a UTF-8 BOM, so Puppet (Psych) reads only the first top-level entry and silently drops everything from line ${at}`, 0, 1);
    } else {
      sink.add('yaml/indented-root', 'error', `the first line is indented, so Puppet (Psych) silently drops every line from line ${at} on`, doc.cut.at, doc.cut.at);
    }
  }

  let events: Event[];
  try {
    const parsed = parseFirstDocument(work, doc.end, file, maxDepth, sink);
    if (doc.directiveAt !== undefined && !parsed.cut) {
      return fail(`YAML syntax error: a line starting with '%' is read as a directive, which is not allowed inside a document; quote the key`, doc.directiveAt, doc.directiveAt + 1);
    }
    events = parsed.events;
  } catch (err) {
    if (err instanceof YAMLException) {
      const pos = Math.min(err.mark?.position ?? 0, text.length);
      if (/maxDepth/.test(err.reason)) return fail(`data nests deeper than ${maxDepth} levels; hieradrift refuses the file`, pos, pos + 1);
      return fail(`YAML syntax error: ${err.reason}`, pos, pos + 1);
    }
    if (err instanceof RangeError) return fail(`data nests too deeply to parse`, 0, 0);
    throw err;
  }

  const docEvent = events[0] as DocumentEvent | undefined;
  if (!docEvent || docEvent.type !== EVENT_ID.DOCUMENT || events[1]?.type === EVENT_ID.POP) {
    result.value = false;
    notAHash(sink, false, 0, 0);
    return result;
  }
  const handles = new Map(docEvent.directives.flatMap((d) => (d.kind === 'tag' ? [[d.handle, d.prefix] as const] : [])));
  const composer = new Composer(work, events, 1, handles, {
    maxAliasExpansion: options.maxAliasExpansion ?? DEFAULT_MAX_ALIAS_EXPANSION,
    maxDepth,
    permitSymbols: options.permitSymbols ?? true,
  });
  let root: YNode;
  try {
    root = composer.composeNode(0).node;
  } catch (err) {
    if (err instanceof LoadFailure) return fail(err.message, err.start, err.end);
    throw err;
  }
  for (const f of composer.findings) {
    const message = f.firstStart === undefined ? f.message : `${f.message} (first at line ${lineCounter.position(f.firstStart).line})`;
    sink.add(f.ruleId, f.severity, message, f.start, f.end);
  }
  const emptyDocument = root.kind === 'scalar' && root.value === null && root.source === '';
  result.root = emptyDocument ? null : root;
  if (isHash(root.value)) {
    if (composer.keys.sawSymbol) symkeysToString(root);
    result.value = root.value;
  } else {
    result.value = root.value === null ? false : root.value;
    notAHash(sink, result.value, root.span.start, root.span.end);
  }
  return result;
}

/**
 * Psych returns as soon as the root node is complete: text after a complete top-level flow
 * collection or scalar (e.g. `{a: 1}` followed by more lines) is never parsed, where js-yaml raises an error.
 */
function parseFirstDocument(work: string, end: number, file: string, maxDepth: number, sink: DiagnosticSink): { events: Event[]; cut: boolean } {
  const input = end < work.length ? work.slice(0, end) : work;
  // The common subset (block style, one-line flow values) takes a hand-written scanner that yields the very same events.
  const fast = fastParseEvents(input, maxDepth);
  if (fast) return { events: fast, cut: false };
  try {
    return { events: parseEvents(input, { filename: file, maxDepth }), cut: false };
  } catch (err) {
    const at = err instanceof YAMLException ? err.mark?.position : undefined;
    if (at === undefined || !/end of the stream or a document separator is expected/.test((err as YAMLException).reason)) throw err;
    // libyaml still scans the next token, so a character that cannot start one is an error there too.
    if ('@`%|>'.includes(work[at] ?? '')) throw err;
    let events: Event[];
    try {
      events = parseEvents(work.slice(0, at), { filename: file, maxDepth });
    } catch {
      throw err;
    }
    const root = events[1];
    if (!root || root.type === EVENT_ID.POP) throw err;
    // A block collection at the root is still open at that line, so Psych reports the error too.
    if (root && (root.type === EVENT_ID.MAPPING || root.type === EVENT_ID.SEQUENCE) && root.style === 1) throw err;
    // A plain scalar at the root continues on column-0 lines in libyaml (until a comment), so the error stands too.
    if (root && root.type === EVENT_ID.SCALAR && root.style === 1 && !work.slice(root.valueEnd, at).includes('#')) throw err;
    const line = sink.lineCounter.position(at).line;
    sink.add('yaml/ignored-content', 'error', `Puppet (Psych) stops reading after the top-level value: everything from line ${line} is silently ignored`, at, at + 1);
    return { events, cut: true };
  }
}

function notAHash(sink: DiagnosticSink, value: HValue, start: number, end: number): void {
  const what = value === false ? 'the file is empty' : 'the top level is not a mapping';
  sink.add('yaml/not-a-hash', 'warning', `file does not contain a valid yaml hash (${what}): Hiera warns and uses {}`, start, end);
}

/** Hiera's `symkeys_to_string`: Symbol keys become Strings at every depth (Symbol values stay). */
function symkeysToString(root: YNode): void {
  const memo = new Map<object, HValue>();
  const convert = (v: HValue): HValue => {
    if (!isHash(v) && !Array.isArray(v)) return v;
    const done = memo.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: HValue[] = [];
      memo.set(v, out);
      for (const x of v) out.push(convert(x));
      return out;
    }
    const out = new Map();
    memo.set(v, out);
    for (const [k, x] of v) out.set(k instanceof RubySymbol ? k.name : k, convert(x));
    return out;
  };
  const walk = (n: YNode): void => {
    n.value = convert(n.value);
    if (n.kind === 'map') for (const p of n.pairs) (walk(p.key), walk(p.value));
    else if (n.kind === 'seq') n.items.forEach(walk);
  };
  walk(root);
}

/** Reads a Hiera data file (.yaml/.yml/.eyaml with Psych rules, .json with Ruby JSON rules). */
export async function loadDataFile(path: string, options: YamlLoadOptions = {}): Promise<YamlLoadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.size > maxBytes) return tooLarge(path, info.size, maxBytes);
    bytes = await readFile(path);
  } catch (err) {
    throw new HieradriftError('io', `cannot read ${path}: ${(err as Error).message}`);
  }
  const json = extname(path).toLowerCase() === '.json';
  const text = decodeDataBytes(bytes, path, json);
  if (typeof text !== 'string') return text;
  return json ? loadJson(text, path) : loadYaml(text, path, options);
}

/**
 * A data file over hieradrift's size limit: not read. Puppet would read it, so the message says whose limit it is;
 * the load fails like a refused file so no rule reads an empty file as clean.
 */
export function tooLarge(path: string, size: number, maxBytes: number): YamlLoadResult {
  return failedLoad(path, `hieradrift does not read data files larger than ${maxBytes} bytes (this one has ${size}): not linted, not looked up`);
}

/** A load that read nothing and failed for `message`, at the start of the file (rule yaml/refused). */
export function failedLoad(path: string, message: string): YamlLoadResult {
  const result = loadYaml('', path);
  result.value = undefined;
  result.diagnostics.length = 0;
  result.error = { ruleId: 'yaml/refused', severity: 'error', message, file: path, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return result;
}

/**
 * A data file's text read synchronously, or Psych's refusal when it is not valid UTF-8. Node's own UTF-8 read is
 * the fast path; only a text holding U+FFFD (what invalid bytes decode to, or a real U+FFFD) is read again as
 * bytes and checked strictly.
 */
export function readDataTextSync(abs: string, path: string, json = false): string | YamlLoadResult {
  const text = readFileSync(abs, 'utf8');
  return json || !text.includes('\uFFFD') ? text : decodeDataBytes(readFileSync(abs), path, json);
}

/**
 * The text of a data file's bytes, or Psych's refusal when they are not valid UTF-8. Ruby's JSON parser takes
 * such bytes inside strings (Puppet's json_data returns them), so JSON is decoded as best it can be.
 */
export function decodeDataBytes(bytes: Uint8Array, path: string, json = false): string | YamlLoadResult {
  if (json) return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return invalidUtf8(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
}

/**
 * libyaml's reader (reader.c, yaml_parser_update_buffer) on bytes TextDecoder refused: the first bad sequence and
 * libyaml's name for it.
 */
export function utf8Problem(bytes: Uint8Array): { offset: number; problem: string } | undefined {
  for (let i = 0; i < bytes.length; ) {
    const octet = bytes[i]!;
    const width = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
    if (width === 0) return { offset: i, problem: 'invalid leading UTF-8 octet' };
    if (i + width > bytes.length) return { offset: i, problem: 'incomplete UTF-8 octet sequence' };
    let value = width === 1 ? octet & 0x7f : width === 2 ? octet & 0x1f : width === 3 ? octet & 0x0f : octet & 0x07;
    for (let k = 1; k < width; k++) {
      const trailing = bytes[i + k]!;
      // Positioned at the character the bad byte breaks (the é of a Latin-1 file), not at the byte after it.
      if ((trailing & 0xc0) !== 0x80) return { offset: i, problem: 'invalid trailing UTF-8 octet' };
      value = (value << 6) + (trailing & 0x3f);
    }
    if (!(width === 1 || (width === 2 && value >= 0x80) || (width === 3 && value >= 0x800) || (width === 4 && value >= 0x10000))) {
      return { offset: i, problem: 'invalid length of a UTF-8 sequence' };
    }
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) return { offset: i, problem: 'invalid Unicode character' };
    // The reader checks each character as it decodes it: a control character before the bad bytes stops it first.
    if (!isYamlPrintable(value)) return { offset: i, problem: CONTROL };
    i += width;
  }
  return undefined;
}

const CONTROL = 'control characters are not allowed';

/** Not in libyaml's printable set; astral characters are surrogate pairs here, so the surrogate range passes. */
const NON_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\ud800-\udfff]/;

/** Where libyaml's reader stops on a decoded text: the offset of its first non-printable character, or -1. */
function firstControlCharacter(text: string): number {
  const m = NON_PRINTABLE.exec(text);
  return m ? m.index : -1;
}

/** libyaml's printable set (YAML 1.1 c-printable): what its reader lets through. */
function isYamlPrintable(c: number): boolean {
  return c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0x7e) || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** Psych refuses bytes that are not UTF-8, with libyaml's reason; positioned at the first bad byte. */
function invalidUtf8(path: string, bytes: Buffer): YamlLoadResult {
  const found = utf8Problem(bytes) ?? { offset: 0, problem: 'invalid leading UTF-8 octet' };
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  // The offset in UTF-16 units of the decoded text: what came before the bad byte, decoded.
  const at = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, found.offset)).length;
  const result = loadYaml('', path);
  const lineCounter = new LineCounter(text);
  const sink = new DiagnosticSink(path, lineCounter);
  return {
    ...result,
    text,
    lineCounter,
    value: undefined,
    error: sink.make('yaml/refused', 'error', `${REFUSED}: ${found.problem === CONTROL ? 'it holds a control character' : 'it is not valid UTF-8'} (Psych: ${found.problem})`, at, at + 1),
    readerProblem: found.problem,
    diagnostics: [],
  };
}

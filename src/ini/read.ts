import { readFile, stat } from 'node:fs/promises';
import { HieradriftError, LineCounter, type Diagnostic } from '../source/index.js';
import { parseIni } from './parse.js';
import type { IniDocument } from './types.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Decodes a config file as services do (open() with the UTF-8 locale, strict). A BOM is kept, so the
 * parser then refuses it as oslo does. Invalid UTF-8 is a UnicodeDecodeError in oslo: nothing is parsed.
 */
export function decodeIniBytes(bytes: Uint8Array, file: string): { text: string } | { error: Diagnostic } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const { offset, reason } = firstInvalid(bytes);
    const before = lenient.decode(bytes.subarray(0, offset));
    const pos = new LineCounter(before).position(before.length);
    const byte = bytes[offset]!.toString(16).padStart(2, '0');
    return {
      error: {
        ruleId: 'ini/encoding',
        severity: 'error',
        message: `'utf-8' codec can't decode byte 0x${byte} in position ${offset}: ${reason}`,
        file,
        line: pos.line,
        column: pos.column,
        endLine: pos.line,
        endColumn: pos.column + 1,
      },
    };
  }
}

/** The first byte Python's strict UTF-8 decoder rejects, with its reason text. */
function firstInvalid(b: Uint8Array): { offset: number; reason: string } {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f; // surrogates are invalid
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return { offset: i, reason: 'invalid start byte' };
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return { offset: i, reason: 'unexpected end of data' };
      const d = b[i + k]!;
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return { offset: i, reason: 'invalid continuation byte' };
    }
    i += n + 1;
  }
  return { offset: 0, reason: 'invalid start byte' };
}

const MAX_BYTES = 64 * 1024 * 1024;

/** Reads and parses a config file; a missing or unreadable file is an IO fault, bad content is data. */
export async function readIniFile(path: string, options: { maxBytes?: number } = {}): Promise<IniDocument> {
  const max = options.maxBytes ?? MAX_BYTES;
  let bytes: Uint8Array;
  try {
    if ((await stat(path)).size > max) throw new HieradriftError('input', `${path}: larger than ${max} bytes`);
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof HieradriftError) throw err;
    throw new HieradriftError('io', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const decoded = decodeIniBytes(bytes, path);
  if ('text' in decoded) return parseIni(decoded.text, path);
  const text = lenient.decode(bytes);
  return { file: path, text, lineCounter: new LineCounter(text), sections: [], error: decoded.error, diagnostics: [] };
}

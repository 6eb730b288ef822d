import type { Severity } from '../source/index.js';
import { rubyInspect } from '../value/render.js';
import { Binary, RubySymbol, isHash, type HHash, type HKey, type HValue } from '../value/types.js';
import type { YNode } from './types.js';

const STR_TAG = 'tag:yaml.org,2002:str';
/** Decodes bytes already known to be ASCII (latin1 maps 0x00-0x7f to the same code points). */
const ASCII = new TextDecoder('latin1');

export type Report = (ruleId: string, severity: Severity, message: string, at: YNode, first?: YNode) => void;

function describeKey(k: HKey): string {
  return k instanceof RubySymbol ? `:${k.name}` : typeof k === 'string' ? `'${k}'` : String(k);
}

/** Writes pairs into hashes the way the value model can hold them, and reports odd keys. */
export class KeySink {
  sawSymbol = false;
  constructor(readonly report: Report) {}

  /** Sets a pair, turning keys the value model cannot hold (arrays, hashes, binary) into their Ruby inspect text. */
  set(hash: HHash, keyNode: YNode, value: HValue): HKey {
    const raw = keyNode.value;
    let key: HKey;
    if (raw instanceof RubySymbol) {
      this.sawSymbol = true;
      key = raw;
    } else if (raw instanceof Binary && raw.bytes.every((b) => b < 0x80)) {
      // Psych gives an ASCII-8BIT String. Ruby hashes and compares an ASCII-only one as the UTF-8 String with the
      // same characters, so `puppet lookup` finds it by name (measured with Puppet 7).
      key = ASCII.decode(raw.bytes);
    } else if (Array.isArray(raw) || isHash(raw) || raw instanceof Binary || (typeof raw === 'object' && raw !== null)) {
      key = rubyInspect(raw);
      const what = Array.isArray(raw) ? 'a sequence' : isHash(raw) ? 'a mapping' : raw instanceof Binary ? 'binary data with non-ASCII bytes' : 'a non-string value';
      const why = raw instanceof Binary ? 'no String a lookup names equals it' : 'Puppet cannot look it up (RichDataKey)';
      this.report('yaml/complex-key', 'warning', `${what} used as a key: ${why}; hieradrift keeps it as the string ${JSON.stringify(key)}`, keyNode);
    } else {
      key = raw;
    }
    hash.set(key, value);
    return key;
  }
}

/** Psych `revive_hash`: pairs in document order; `<<` merges with Hash#merge! (later wins, even over earlier keys). */
export function reviveHash(pairs: readonly { key: YNode; value: YNode }[], keys: KeySink): HHash {
  const hash: HHash = new Map();
  const written = new Map<HKey, YNode>();
  for (const { key, value } of pairs) {
    const keyTag = key.kind === 'alias' ? undefined : key.tag;
    if (key.value === '<<' && keyTag !== STR_TAG) {
      const v = value.value;
      let merged: HHash | undefined;
      if ((value.kind === 'alias' || value.kind === 'map') && isHash(v)) merged = v;
      else if (value.kind === 'seq' && Array.isArray(v) && v.every(isHash)) {
        merged = new Map();
        for (const h of [...v].reverse()) for (const [k, x] of h as HHash) merged.set(k, x);
      }
      if (merged) {
        for (const [k, x] of merged) {
          const earlier = written.get(k);
          if (earlier && hash.get(k) !== x) {
            keys.report('yaml/merge-overrides-key', 'warning', `key ${describeKey(k)} is replaced by the '<<' merge that follows it: Psych applies merge keys in order, so the merged value wins (most other YAML tools keep this one)`, earlier);
          }
          hash.set(k, x);
        }
        continue;
      }
    }
    const k = keys.set(hash, key, value.value);
    const first = written.get(k);
    if (first) {
      keys.report('yaml/duplicate-key', 'warning', `duplicate key ${describeKey(k)}: Puppet silently keeps the last value`, key, first);
    }
    written.set(k, key);
  }
  return hash;
}

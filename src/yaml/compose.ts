import { EVENT_ID, getScalarValue, type AliasEvent, type Event, type MappingEvent, type ScalarEvent, type SequenceEvent } from 'js-yaml';
import type { Severity } from '../source/index.js';
import { RubySymbol, isHash, type HHash, type HValue } from '../value/types.js';
import { DisallowedClass, ScalarConversionError, type SymbolTable } from './scalar-scanner.js';
import { mappingKind, resolveTag, scalarValue, sequenceKind } from './tags.js';
import { LoadFailure, type ScalarStyle, type YMap, type YNode, type YSeq } from './types.js';
import { describeDisallowed } from './messages.js';
import { KeySink, reviveHash } from './revive-hash.js';

/** A non-fatal observation with offsets; load.ts turns it into a Diagnostic. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Offset of the earlier occurrence, for 'first at line N'. */
  firstStart?: number;
}

interface Meta {
  /** Nodes in the subtree with aliases expanded. */
  weight: number;
  /** Collection nesting below this node with aliases expanded. */
  height: number;
}
interface Built {
  node: YNode;
  meta: Meta;
}
interface AnchorEntry {
  built: Built | null;
}

const STYLES: readonly ScalarStyle[] = ['plain', 'plain', 'single', 'double', 'literal', 'folded'];
/** Every scalar has the same expansion weight and height; one shared (never mutated) record. */
const SCALAR_META: Meta = Object.freeze({ weight: 1, height: 0 });

export interface ComposeLimits {
  maxAliasExpansion: number;
  maxDepth: number;
  permitSymbols: boolean;
}

/**
 * Builds the positioned tree and the Ruby values of one document from js-yaml's event stream,
 * reproducing Psych's ToRuby visitor (tags, merge keys, anchors, duplicate keys).
 * Throws LoadFailure where Psych (or a bound) refuses the file.
 */
export class Composer {
  readonly findings: Finding[] = [];
  readonly symbols: SymbolTable = new Map();
  /** Key handling shared with revive-hash.ts; `keys.sawSymbol` drives symkeys_to_string. */
  readonly keys: KeySink = new KeySink((ruleId, severity, message, at, first) => this.note(ruleId, severity, message, at, first));
  private i: number;
  private lastEnd = 0;
  private aliasExpansion = 0;
  private flowDepth = 0;
  private readonly anchors = new Map<string, AnchorEntry>();

  constructor(
    private readonly text: string,
    private readonly events: readonly Event[],
    start: number,
    private readonly handles: ReadonlyMap<string, string>,
    private readonly limits: ComposeLimits,
  ) {
    this.i = start;
  }

  composeNode(depth: number): Built {
    const ev = this.events[this.i++]!;
    switch (ev.type) {
      case EVENT_ID.SCALAR:
        return this.scalar(ev);
      case EVENT_ID.SEQUENCE:
        return this.sequence(ev, depth);
      case EVENT_ID.MAPPING:
        return this.mapping(ev, depth);
      case EVENT_ID.ALIAS:
        return this.alias(ev, depth);
      default:
        throw new LoadFailure('unexpected YAML event', this.lastEnd, this.lastEnd);
    }
  }

  private tagOf(ev: ScalarEvent | SequenceEvent | MappingEvent): string | undefined {
    return ev.tagStart >= 0 ? resolveTag(this.text.slice(ev.tagStart, ev.tagEnd), this.handles) : undefined;
  }

  private convert<T>(start: number, end: number, f: () => T): T {
    try {
      return f();
    } catch (err) {
      throw this.failure(err, start, end);
    }
  }

  /** The LoadFailure for a scalar-conversion error (anything else is rethrown as is). */
  private failure(err: unknown, start: number, end: number): unknown {
    if (err instanceof DisallowedClass) return new LoadFailure(describeDisallowed(err.className), start, end);
    if (err instanceof ScalarConversionError) return new LoadFailure(`Psych cannot convert this value: ${err.message}`, start, end);
    return err;
  }

  private scalar(ev: ScalarEvent): Built {
    const style = STYLES[ev.style] ?? 'plain';
    const tag = this.tagOf(ev);
    const empty = ev.valueStart < 0;
    let text = empty ? '' : getScalarValue(this.text, ev);
    if ((style === 'literal' || style === 'folded') && !empty && text.endsWith('\n') && !/[\r\n]$/.test(this.text.slice(ev.valueStart, ev.valueEnd))) {
      // libyaml keeps a block scalar's final line break only if the file has one; js-yaml always adds it.
      text = text.slice(0, -1);
    }
    const span = empty ? { start: this.lastEnd, end: this.lastEnd } : this.scalarSpan(ev, style);
    if (style === 'plain' && this.flowDepth > 0 && !empty && this.text[ev.valueEnd] === ':' && ',?[]{}'.includes(this.text[ev.valueEnd + 1] ?? '')) {
      // libyaml 0.2.5 refuses "x:" directly followed by a flow indicator; YAML 1.2 reads a key.
      throw new LoadFailure("YAML syntax error: found unexpected ':' while scanning a plain scalar (inside [ ] or { }, put a space after ':')", ev.valueEnd, ev.valueEnd + 1);
    }
    if (style === 'plain' && this.flowDepth > 0 && text.startsWith(':')) {
      // libyaml (YAML 1.1) reads any ':' inside [ ] or { } as a value indicator, so such a scalar cannot start with it.
      throw new LoadFailure('YAML syntax error: did not find expected node content (inside [ ] or { }, Psych cannot read a value starting with \':\'; quote it)', span.start, span.start + 1);
    }
    let value: HValue;
    try {
      value = scalarValue(text, tag, style === 'plain', this.symbols);
    } catch (err) {
      throw this.failure(err, span.start, span.end);
    }
    if (value instanceof RubySymbol && !this.limits.permitSymbols) throw new LoadFailure(describeDisallowed('Symbol'), span.start, span.end);
    this.lastEnd = span.end;
    // A one-line plain scalar's text is its source already.
    const source = style === 'plain' && ev.fast && !empty ? text : this.text.slice(span.start, span.end);
    const node: YNode = { kind: 'scalar', span, value, style, source };
    if (tag !== undefined) node.tag = tag;
    const built = { node, meta: SCALAR_META };
    if (ev.anchorStart >= 0) this.anchors.set(this.anchorName(ev.anchorStart, ev.anchorEnd), { built });
    return built;
  }

  private scalarSpan(ev: ScalarEvent, style: ScalarStyle): { start: number; end: number } {
    if (style === 'single' || style === 'double') return { start: ev.valueStart - 1, end: ev.valueEnd + 1 };
    if (style === 'plain') return { start: ev.valueStart, end: ev.valueEnd };
    // Block scalar: the span runs from the `|`/`>` indicator to the last content character.
    const headerEnd = this.text.lastIndexOf('\n', ev.valueStart - 1);
    const headerStart = this.text.lastIndexOf('\n', headerEnd - 1) + 1;
    const header = this.text.slice(headerStart, headerEnd >= 0 ? headerEnd : ev.valueStart);
    const m = /[|>](?=[0-9+-]*[ \t]*(?:#.*)?\r?$)/.exec(header);
    let end = ev.valueEnd;
    while (end > ev.valueStart && /\s/.test(this.text[end - 1]!)) end--;
    return { start: m ? headerStart + m.index : ev.valueStart, end: Math.max(end, ev.valueStart) };
  }

  private beginCollection(ev: SequenceEvent | MappingEvent): AnchorEntry | undefined {
    if (ev.anchorStart < 0) return undefined;
    // Psych registers a collection before its children: an alias inside it is recursive.
    const entry: AnchorEntry = { built: null };
    this.anchors.set(this.anchorName(ev.anchorStart, ev.anchorEnd), entry);
    return entry;
  }

  private collectionEnd(ev: SequenceEvent | MappingEvent, children: readonly Built[]): number {
    const last = children.length ? children[children.length - 1]!.node.span.end : ev.start + 1;
    if (ev.style !== 2) return Math.max(last, ev.start);
    const re = /[\s,]|#[^\n]*/y;
    let p = last;
    for (re.lastIndex = p; re.test(this.text); ) p = re.lastIndex;
    return this.text[p] === ']' || this.text[p] === '}' ? p + 1 : last;
  }

  private children(depth: number, flow: boolean): Built[] {
    const out: Built[] = [];
    if (flow) this.flowDepth++;
    while (this.events[this.i]?.type !== EVENT_ID.POP) out.push(this.composeNode(depth + 1));
    if (flow) this.flowDepth--;
    this.i++;
    return out;
  }

  private sequence(ev: SequenceEvent, depth: number): Built {
    const tag = this.tagOf(ev);
    const kind = tag === undefined ? 'array' : this.convert(ev.start, ev.start + 1, () => sequenceKind(tag));
    const entry = this.beginCollection(ev);
    const items = this.children(depth, ev.style === 2);
    const span = { start: ev.start, end: this.collectionEnd(ev, items) };
    let value: HValue;
    if (kind === 'omap') {
      const hash: HHash = new Map();
      for (const item of items) {
        const inner = item.node;
        const nodes = inner.kind === 'map' ? inner.pairs.flatMap((p) => [p.key, p.value]) : inner.kind === 'seq' ? inner.items : [];
        if (nodes.length === 0) throw new LoadFailure('Psych cannot load this !!omap entry: each entry must be a mapping', inner.span.start, inner.span.end);
        this.keys.set(hash, nodes[0]!, nodes[nodes.length - 1]!.value);
      }
      value = hash;
    } else {
      value = items.map((b) => b.node.value);
    }
    const node: YSeq = { kind: 'seq', span, value, items: items.map((b) => b.node) };
    if (tag !== undefined) node.tag = tag;
    this.lastEnd = span.end;
    return this.finish(node, items, entry);
  }

  private mapping(ev: MappingEvent, depth: number): Built {
    const tag = this.tagOf(ev);
    const kind = tag === undefined ? 'hash' : this.convert(ev.start, ev.start + 1, () => mappingKind(tag));
    const entry = this.beginCollection(ev);
    const kids = this.children(depth, ev.style === 2);
    const pairs = [];
    for (let k = 0; k + 1 < kids.length; k += 2) pairs.push({ key: kids[k]!.node, value: kids[k + 1]!.node });
    const span = { start: ev.start, end: this.collectionEnd(ev, kids) };
    let value: HValue;
    if (kind === 'string') {
      const str = pairs.filter((p) => p.key.value === 'str').pop();
      value = str ? str.value.value : null;
      if (value === null && pairs.length) throw new LoadFailure('Psych cannot load this !ruby/string mapping', span.start, span.end);
    } else if (kind === 'hash-with-ivars') {
      const elements = pairs.filter((p) => p.key.kind === 'scalar' && p.key.value === 'elements').pop();
      value = elements && isHash(elements.value.value) ? new Map(elements.value.value) : new Map();
    } else {
      value = reviveHash(pairs, this.keys);
    }
    const node: YMap = { kind: 'map', span, value, pairs };
    if (tag !== undefined) node.tag = tag;
    this.lastEnd = span.end;
    return this.finish(node, kids, entry);
  }

  private finish(node: YNode, kids: readonly Built[], entry: AnchorEntry | undefined): Built {
    let weight = 1;
    let height = 0;
    for (const k of kids) {
      weight += k.meta.weight;
      height = Math.max(height, k.meta.height);
    }
    const built = { node, meta: { weight, height: height + 1 } };
    if (entry && entry.built === null) entry.built = built;
    return built;
  }

  private note(ruleId: string, severity: Severity, message: string, at: YNode, first?: YNode): void {
    this.findings.push({ ruleId, severity, message, start: at.span.start, end: at.span.end, ...(first ? { firstStart: first.span.start } : {}) });
  }

  /** libyaml (YAML 1.1) anchor names are letters, digits, '-' and '_'; YAML 1.2 parsers accept more. */
  private anchorName(start: number, end: number): string {
    const name = this.text.slice(start, end);
    const bad = /[^A-Za-z0-9_-]/.exec(name);
    if (bad) {
      const why = '?:,]}%@`'.includes(bad[0])
        ? `Psych ends the anchor name at '${bad[0]}' and reads the rest differently; hieradrift refuses it`
        : 'did not find expected alphabetic or numeric character (Psych)';
      throw new LoadFailure(`YAML syntax error: anchor or alias name '${name}' has a character libyaml does not allow: ${why}`, start - 1, end);
    }
    return name;
  }

  private alias(ev: AliasEvent, depth: number): Built {
    const name = this.anchorName(ev.anchorStart, ev.anchorEnd);
    const start = ev.anchorStart - 1;
    const end = ev.anchorEnd;
    const entry = this.anchors.get(name);
    if (!entry) throw new LoadFailure(`Unknown alias: ${name}`, start, end);
    if (!entry.built) {
      throw new LoadFailure(`alias *${name} refers to the collection that contains it: recursive data, which Puppet cannot load (stack level too deep)`, start, end);
    }
    const { node: target, meta } = entry.built;
    this.aliasExpansion += meta.weight;
    if (this.aliasExpansion > this.limits.maxAliasExpansion) {
      throw new LoadFailure(`aliases expand to more than ${this.limits.maxAliasExpansion} nodes (an alias bomb?); hieradrift refuses the file`, start, end);
    }
    if (depth + meta.height > this.limits.maxDepth) {
      throw new LoadFailure(`alias *${name} nests data deeper than ${this.limits.maxDepth} levels; hieradrift refuses the file`, start, end);
    }
    this.lastEnd = end;
    return { node: { kind: 'alias', span: { start, end }, value: target.value, name, target }, meta };
  }
}


import type { Diagnostic, Span } from '../source/index.js';
import type { IniDocumentView, IniEntryView, IniSectionView } from './ini-view.js';
import { findReferences, type Reference, unescapeDollars } from './interpolation.js';
import type { OptionDef, ServiceSchema } from './model.js';
import { convert } from './oslo-types.js';
import { openstackRules, type OpenstackRuleId } from './rules.js';
import { type DocFacts, isDeprecatedGroup, type Scope, scopeFor } from './scopes.js';
import { maskText } from '../security/index.js';
import { isSecretOption } from './secrets.js';
import { didYouMean } from './suggest.js';
import { valueErrors } from './value-schema.js';

interface Group {
  name: string;
  headers: IniSectionView[];
  byKey: Map<string, IniEntryView[]>;
}

/** One value to type-check, batched per scope so each scope's compiled validator runs once. */
interface Batch {
  scope: Scope;
  instance: Record<string, string | string[]>;
  /** dest -> the entries behind instance[dest] (in order) and what to call them in messages */
  sources: Map<string, { entries: IniEntryView[]; section: string; key: string; def: OptionDef }>;
}

const INLINE_COMMENT = /\s[#;]/;

class Reporter {
  readonly out: Diagnostic[] = [];
  constructor(private readonly doc: IniDocumentView) {}

  report(ruleId: OpenstackRuleId, span: Span, message: string, extra?: { severity?: 'error' | 'warning'; suggestion?: string; path?: string[] }): void {
    const s = this.doc.lineCounter.position(span.start);
    const e = this.doc.lineCounter.position(Math.max(span.start, span.end));
    const d: Diagnostic = {
      ruleId,
      severity: extra?.severity ?? openstackRules[ruleId].severity,
      message: maskText(message),
      file: this.doc.file,
      line: s.line,
      column: s.column,
      endLine: e.line,
      endColumn: e.column,
    };
    if (extra?.suggestion) d.suggestion = extra.suggestion;
    if (extra?.path) d.path = extra.path;
    this.out.push(d);
  }
}

function groupSections(doc: IniDocumentView): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const sec of doc.sections) {
    let g = groups.get(sec.normalized);
    if (!g) groups.set(sec.normalized, (g = { name: sec.normalized, headers: [], byKey: new Map() }));
    g.headers.push(sec);
    for (const e of sec.entries) {
      const list = g.byKey.get(e.key);
      if (list) list.push(e);
      else g.byKey.set(e.key, [e]);
    }
  }
  return groups;
}

function factsOf(groups: Map<string, Group>): DocFacts {
  const values = new Map<string, Map<string, string>>();
  for (const [name, g] of groups) {
    const m = new Map<string, string>();
    for (const [k, es] of g.byKey) m.set(k, es[es.length - 1]!.value);
    values.set(name, m);
  }
  return { values };
}

function lookup(scope: Scope, key: string): OptionDef | undefined {
  for (const defs of scope.defs) {
    const d = defs.get(key);
    if (d) return d;
  }
  return undefined;
}

function* candidates(scope: Scope): Generator<string> {
  for (const defs of scope.defs) yield* defs.keys();
}

/** Span of `needle` inside the raw text of an entry's value, else the whole value. */
function spanIn(doc: IniDocumentView, e: IniEntryView, needle: string, from = 0): Span {
  const raw = doc.text.slice(e.valueSpan.start, e.valueSpan.end);
  const i = raw.indexOf(needle, from);
  return i < 0 ? e.valueSpan : { start: e.valueSpan.start + i, end: e.valueSpan.start + i + needle.length };
}

/**
 * Checks a parsed oslo.config file against a service schema: sections, options, renames, deprecations,
 * duplicates, values (oslo's own type semantics), inline comments and $references. Never prints a secret value.
 */
export function validateConfig(doc: IniDocumentView, schema: ServiceSchema): Diagnostic[] {
  const r = new Reporter(doc);
  const groups = groupSections(doc);
  const facts = factsOf(groups);
  const batches = new Map<string, Batch>();

  const addValue = (scope: Scope, def: OptionDef, section: string, key: string, entries: IniEntryView[]): void => {
    const checked: IniEntryView[] = [];
    const raws: string[] = [];
    for (const e of def.multi ? entries : entries.slice(-1)) {
      const refs = findReferences(e.value);
      for (const ref of refs) checkReference(r, doc, schema, facts, section, e, ref, isSecretOption(schema, section, key));
      if (refs.length) continue; // the value depends on other options: checked where those are set
      checked.push(e);
      raws.push(unescapeDollars(e.value));
    }
    if (!checked.length) return;
    let b = batches.get(scope.key);
    if (!b) batches.set(scope.key, (b = { scope, instance: Object.create(null) as Record<string, string | string[]>, sources: new Map() }));
    if (b.sources.has(def.dest)) return; // current name and alias both set: the alias is ignored (reported)
    b.instance[def.dest] = def.multi ? raws : raws[0]!;
    b.sources.set(def.dest, { entries: checked, section, key, def });
  };

  for (const g of groups.values()) {
    if (g.name === 'default') {
      for (const h of g.headers) {
        r.report('openstack/lowercase-default', h.span, `[${h.name}] is not [DEFAULT]: oslo lower-cases it to a group no option reads, so its ${g.byKey.size} key(s) have no effect`, { suggestion: '[DEFAULT]', path: [g.name] });
      }
      continue;
    }
    const scope: Scope | undefined =
      scopeFor(schema, g.name, facts) ??
      (isDeprecatedGroup(schema, g.name) ? { group: g.name, defs: [], key: `deprecated:${g.name}`, dynamic: false } : undefined);
    if (!scope) {
      const hint = didYouMean(g.name, schema.groups.keys());
      for (const h of g.headers) {
        r.report('openstack/unknown-section', h.span, `Unknown section [${h.name}] for ${schema.service}${hint ? `; did you mean [${hint}]?` : ''}`, { suggestion: hint, path: [g.name] });
      }
      continue;
    }
    for (const [key, entries] of g.byKey) {
      const last = entries[entries.length - 1]!;
      const path = [g.name, key];
      let def = lookup(scope, key);
      if (!def) {
        const targets = schema.deprecated.get(`${g.name}\0${key}`) ?? schema.deprecated.get(`${scope.group}\0${key}`);
        if (targets?.length) {
          const shadowed = targets.some((t) => facts.values.get(t.group)?.has(t.def.dest) === true);
          const names = targets.map((t) => `[${t.group}] ${t.def.dest}`).join(' or ');
          for (const e of entries) {
            r.report('openstack/renamed-option', e.keySpan, `[${g.name}] ${key} is deprecated: use ${names}${shadowed ? ' (set too, so this value is ignored)' : ''}`, { suggestion: targets[0]!.def.dest, path });
          }
          const first = targets[0]!;
          const target = shadowed ? undefined : scopeFor(schema, first.group, facts);
          if (target) addValue(target, first.def, g.name, key, entries);
          continue;
        }
        const undashed = key.replace(/-/g, '_');
        if (undashed !== key && lookup(scope, undashed)) {
          for (const e of entries) r.report('openstack/dashed-option-name', e.keySpan, `${key} is never read: oslo looks options up by dest, write ${undashed}`, { suggestion: undashed, path });
          continue;
        }
        const hint = didYouMean(key, candidates(scope));
        for (const e of entries) {
          r.report('openstack/unknown-option', e.keySpan, `Unknown option ${key} in [${g.name}]${hint ? `; did you mean ${hint}?` : ''}`, { suggestion: hint, path });
        }
        continue;
      }
      if (!def.multi && entries.length > 1) {
        for (const e of entries.slice(0, -1)) {
          r.report('openstack/duplicate-option', e.keySpan, `${key} is set again on line ${last.line}; oslo uses only the last value`, { path });
        }
      }
      if (def.deprecatedForRemoval) {
        const why = def.deprecatedForRemoval.reason ? `: ${def.deprecatedForRemoval.reason}` : '';
        r.report('openstack/deprecated-for-removal', last.keySpan, `[${g.name}] ${key} is deprecated for removal${why}`, { path });
      }
      addValue(scope, def, g.name, key, entries);
    }
  }

  for (const b of batches.values()) {
    const defs = new Map([...b.sources].map(([dest, src]) => [dest, src.def]));
    for (const err of valueErrors(defs, b.instance)) {
      const src = b.sources.get(err.dest);
      const e = src?.entries[err.index];
      if (!src || !e) continue;
      reportValue(r, doc, schema, src.section, src.key, src.def, e, err.message);
    }
    // Valid values that still carry comment text.
    for (const src of b.sources.values()) {
      for (const e of src.entries) {
        const m = INLINE_COMMENT.exec(e.value.split('\n')[0]!);
        if (!m || !convert(unescapeDollars(e.value), src.def.osloType).ok) continue;
        const comment = e.value.slice(m.index + 1).split('\n')[0]!;
        r.report('openstack/inline-comment', spanIn(doc, e, comment), `The value of ${src.key} includes "${isSecretOption(schema, src.section, src.key) ? '…' : comment}": oslo has no inline comments, the text is part of the value`, { path: [src.section, src.key] });
      }
    }
  }
  if (doc.error) r.out.unshift(doc.error);
  return r.out.sort((a, b) => a.line - b.line || a.column - b.column);
}

function reportValue(r: Reporter, doc: IniDocumentView, schema: ServiceSchema, section: string, key: string, def: OptionDef, e: IniEntryView, message: string): void {
  const secret = def.secret || isSecretOption(schema, section, key);
  const path = [section, key];
  const m = INLINE_COMMENT.exec(e.value.split('\n')[0]!);
  if (m) {
    const stripped = e.value.slice(0, m.index).replace(/\s+$/, '');
    if (convert(unescapeDollars(stripped), def.osloType).ok) {
      const comment = e.value.slice(m.index + 1).split('\n')[0]!;
      r.report('openstack/inline-comment', spanIn(doc, e, comment), `The value of ${key} is broken by inline comment text${secret ? '' : ` "${comment}"`}: oslo reads everything after "=" as the value; move the comment to its own line`, { severity: 'error', path });
      return;
    }
  }
  const detail = secret ? 'the value is not valid for its type (secret value not shown)' : message;
  // An indented line after a value is a continuation in oslo, however much it looks like `key = value`.
  const joined = e.value.includes('\n') ? `; the indented line ${e.line + 1} is part of this value` : '';
  r.report('openstack/invalid-value', e.valueSpan, `Invalid value for [${section}] ${key} (${def.type}): ${detail}${joined}`, { path });
}

function checkReference(r: Reporter, doc: IniDocumentView, schema: ServiceSchema, facts: DocFacts, section: string, e: IniEntryView, ref: Reference, secret: boolean): void {
  const name = ref.name;
  // StrSubWrapper: `a.b` is option b of group a; a bare name is looked up in the same group, then in DEFAULT.
  const dot = name.indexOf('.');
  const known = (group: string, opt: string): boolean => {
    const scope = scopeFor(schema, group, facts);
    return scope !== undefined && lookup(scope, opt) !== undefined;
  };
  const found = dot >= 0 ? known(name.slice(0, dot), name.slice(dot + 1)) : known(section, name) || known('DEFAULT', name);
  if (found) return;
  const span = secret ? e.valueSpan : spanIn(doc, e, e.value.slice(ref.index, ref.index + ref.length));
  r.report('openstack/unknown-reference', span, secret ? `The value of ${e.key} references an option that does not exist (secret value not shown)` : `$${name} in ${e.key} names no option: oslo raises NoSuchOptError when the service reads it`, { path: [section, e.key] });
}

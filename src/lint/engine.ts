import type { Diagnostic, Severity, Span } from '../source/index.js';
import type { YNode } from '../yaml/index.js';
import { applyBaseline, type Baseline } from './baseline.js';
import type { ResolvedConfig } from './config.js';
import { isSuppressed, parseDirectives } from './disables.js';
import { maskText, SECRET_MASK } from '../security/index.js';
import type { LoadedRepo } from './repo/load-repo.js';
import type { DataFile, KeyPath, LintResult, ReportDescriptor, Rule, SourceRef, Visitor } from './types.js';
import { keySegment } from './yaml-nodes.js';

export const UNUSED_SUPPRESSION = 'lint/unused-suppression';
const MAX_DEPTH = 256;

export interface LintOptions {
  rules: ReadonlyMap<string, Rule>;
  config: ResolvedConfig;
  /** Repo-relative files to report on; all data files and hiera.yaml files when absent. */
  targets?: readonly string[];
  baseline?: Baseline;
  /** Rule ids a suppression may name (default: the ids of `rules`); others are reported as unknown. */
  knownRuleIds?: ReadonlySet<string>;
}

export interface LintRun {
  results: LintResult[];
  /** Every file linted, including clean ones. */
  files: string[];
}

/** Lints the targets with the whole repo as context; returns results, never prints. */
export function lintRepo(repo: LoadedRepo, opts: LintOptions): LintRun {
  const { config } = opts;
  const hieraFiles = new Set(repo.hiera.map((h) => h.file.file));
  const targets = (opts.targets ?? [...repo.hiera.map((h) => h.file.file), ...repo.dataFilePaths]).filter((f) => !config.isIgnored(f));
  const targetSet = new Set(targets);
  const found = new Map<string, Diagnostic[]>(targets.map((f) => [f, []]));
  const visitors: Visitor[] = [];
  for (const [id, rule] of opts.rules) {
    if (id === UNUSED_SUPPRESSION || !config.enabledAnywhere(id)) continue;
    // Overrides may give some paths other options: one instance of the rule per distinct options, each
    // reporting only on its own targets (nearly always a single instance).
    const groups = new Map<string, { options: Record<string, unknown>; files: Set<string> }>();
    for (const f of config.hasPathOptions(id) ? targets : []) {
      const options = config.options(id, f);
      const key = JSON.stringify(options);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { options, files: new Set() }));
      g.files.add(f);
    }
    if (groups.size === 0) groups.set('', { options: config.options(id), files: targetSet });
    for (const { options, files } of groups.values()) {
      visitors.push(
        rule.create({
          id,
          options,
          repo,
          isTarget: (f) => files.has(f),
          report: (desc) => {
            if (!files.has(desc.source.file)) return;
            const severity = config.severity(id, desc.source.file);
            if (severity === 'off') return;
            found.get(desc.source.file)!.push(toDiagnostic(id, severity, rule.meta.messages, desc));
          },
        }),
      );
    }
  }
  const hooks = collectHooks(visitors);
  for (const rel of targets) {
    const file = repo.getFile(rel);
    if (!file) continue;
    if (hieraFiles.has(rel)) {
      for (const v of hooks.hieraConfig) v.hieraConfig!(file);
      continue;
    }
    for (const v of hooks.file) v.file!(file);
    if (file.load.root && (hooks.map.length || hooks.pair.length || hooks.scalar.length)) walk(file.load.root, [], file, hooks, 0);
    repo.releaseTree?.(rel);
  }
  for (const v of hooks.end) v.end!();

  const results: LintResult[] = [];
  for (const rel of targets) results.push(finish(rel, found.get(rel)!, repo.getFile(rel), opts));
  return { results: results.filter((r) => r.diagnostics.length > 0 || r.suppressedCount > 0), files: targets };
}

interface Hooks {
  file: Visitor[];
  map: Visitor[];
  pair: Visitor[];
  scalar: Visitor[];
  hieraConfig: Visitor[];
  end: Visitor[];
}

function collectHooks(visitors: Visitor[]): Hooks {
  return {
    file: visitors.filter((v) => v.file),
    map: visitors.filter((v) => v.map),
    pair: visitors.filter((v) => v.pair),
    scalar: visitors.filter((v) => v.scalar),
    hieraConfig: visitors.filter((v) => v.hieraConfig),
    end: visitors.filter((v) => v.end),
  };
}

/**
 * One pass over a file's tree for every rule; aliases are not followed (their anchors are walked).
 * Indexed loops and no spreads: this runs cold, once per node of every file, in a short-lived process.
 */
function walk(node: YNode, path: KeyPath, file: DataFile, hooks: Hooks, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (node.kind === 'map') {
    for (let h = 0; h < hooks.map.length; h++) hooks.map[h]!.map!(node, path, file);
    const { pairs } = node;
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i]!;
      const p = extend(path, keySegment(pair.key));
      for (let h = 0; h < hooks.pair.length; h++) hooks.pair[h]!.pair!(pair, p, file);
      walk(pair.value, p, file, hooks, depth + 1);
    }
  } else if (node.kind === 'seq') {
    const { items } = node;
    for (let i = 0; i < items.length; i++) walk(items[i]!, extend(path, i), file, hooks, depth + 1);
  } else if (node.kind === 'scalar') {
    for (let h = 0; h < hooks.scalar.length; h++) hooks.scalar[h]!.scalar!(node, path, file);
  }
}

function extend(path: KeyPath, segment: string | number): KeyPath {
  const n = path.length;
  const out = new Array<string | number>(n + 1);
  for (let i = 0; i < n; i++) out[i] = path[i]!;
  out[n] = segment;
  return out;
}

/** Turns a report into a Diagnostic: fills the message template, masks secrets, converts offsets. */
export function toDiagnostic(ruleId: string, severity: Severity, messages: Readonly<Record<string, string>>, desc: ReportDescriptor<string>): Diagnostic {
  const span: Span = desc.span ?? desc.node?.span ?? { start: 0, end: 0 };
  const secret = desc.secretValue && desc.node?.kind === 'scalar' ? desc.node.source : undefined;
  const clean = (s: string): string => {
    let out = maskText(s);
    if (secret && secret.length > 0) out = out.split(secret).join(SECRET_MASK);
    return out;
  };
  const template = messages[desc.messageId] ?? desc.messageId;
  const message = clean(template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, k: string) => String(desc.data?.[k] ?? `{{${k}}}`)));
  const start = desc.source.lineCounter.position(span.start);
  const end = desc.source.lineCounter.position(Math.max(span.end, span.start));
  const pos = desc.position ?? { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  const d: Diagnostic = { ruleId, severity, message, file: desc.source.file, ...pos };
  if (desc.path) d.path = desc.path;
  if (desc.suggestion) d.suggestion = clean(desc.suggestion);
  return d;
}

function finish(rel: string, diagnostics: Diagnostic[], file: SourceRef | undefined, opts: LintOptions): LintResult {
  let kept = diagnostics;
  let suppressed = 0;
  if (file) {
    const directives = parseDirectives(file.text);
    if (directives.length) {
      kept = diagnostics.filter((d) => !isSuppressed(directives, d));
      suppressed = diagnostics.length - kept.length;
      const sev = opts.config.severity(UNUSED_SUPPRESSION, rel);
      if (sev !== 'off' && opts.config.raw.reportUnusedDisableDirectives !== false) {
        const rule = opts.rules.get(UNUSED_SUPPRESSION);
        for (const dir of directives) {
          const unknown = dir.rules.filter((r) => !(opts.knownRuleIds ?? opts.rules).has(r));
          const span = { start: dir.start, end: dir.end };
          const messages = rule?.meta.messages ?? {};
          if (unknown.length) {
            kept.push(toDiagnostic(UNUSED_SUPPRESSION, sev, messages, { source: file, span, messageId: 'unknownRule', data: { rules: unknown.join(', ') } }));
          } else if (!dir.used && dir.kind !== 'enable') {
            const rules = dir.rules.length ? dir.rules.join(', ') : 'any rule';
            kept.push(toDiagnostic(UNUSED_SUPPRESSION, sev, messages, { source: file, span, messageId: 'unused', data: { kind: dir.kind, rules } }));
          }
        }
      }
    }
  }
  if (opts.baseline) {
    const b = applyBaseline(kept, opts.baseline);
    kept = b.kept;
    suppressed += b.suppressed;
  }
  kept.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return {
    file: rel,
    diagnostics: kept,
    errorCount: kept.filter((d) => d.severity === 'error').length,
    warningCount: kept.filter((d) => d.severity === 'warning').length,
    infoCount: kept.filter((d) => d.severity === 'info').length,
    suppressedCount: suppressed,
  };
}

import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, posix, sep } from 'node:path';
import type { Diagnostic } from '../../source/index.js';
import { LineCounter } from '../../source/index.js';
import type { HValue } from '../../value/index.js';
import { DEFAULT_MAX_BYTES, failedLoad, loadJson, loadYaml, readDataTextSync, tooLargeDataFile, type YamlLoadResult, type YNode } from '../../yaml/index.js';
import type { DataFile } from '../types.js';
import { factPathsOf, loadFactsDir } from './facts.js';
import { environmentNameOf, nodeScope } from '../../hiera/context.js';
import { LookupError } from '../../hiera/errors.js';
import { subLookup } from '../../hiera/interpolate.js';
import { expandBraces } from '../../hiera/paths.js';
import { splitKey } from '../../hiera/split-key.js';
import { rubyGlobToRegExp } from './glob.js';
import { parseHieraConfig, type ConfigIssue } from './hiera-config.js';
import { scalarToS, tokenize } from './interpolation.js';
import type { HieraModel, NodeFacts, RepoModel, ResolvedLocation } from './model.js';

export const DATA_FILE = /\.(ya?ml|json|eyaml)$/;
/** The loader's limit, so lint and lookups read the same files. */
const MAX_FILE_BYTES = DEFAULT_MAX_BYTES;

export interface RepoOptions {
  /** hiera.yaml relative to the root (default `hiera.yaml`). */
  hieraConfig?: string;
  /** Facts file or directory relative to the root (default `facts`). */
  facts?: string;
  /** Paths the repo must not treat as data (config `ignores`). */
  isIgnored?: (rel: string) => boolean;
  /** The environment name (default: the root's name when it lies in an `environments` directory, else production). */
  environment?: string;
}

export type LoadedRepo = RepoModel;

/**
 * A data file's text; or, when Puppet or hieradrift cannot read it (not valid UTF-8, over the size limit), the
 * failed load that says so; undefined when it cannot be read at all.
 */
function readDataText(abs: string, rel: string): string | YamlLoadResult | undefined {
  try {
    const size = statSync(abs).size;
    if (size > MAX_FILE_BYTES) return tooLargeDataFile(rel, size, MAX_FILE_BYTES);
    return readDataTextSync(abs, rel, rel.endsWith('.json'));
  } catch (err) {
    // A file that is not there is no data; one that is there but unreadable is a finding, not a silent pass.
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : unreadable(rel, code ?? String(err));
  }
}

/** A failed load for a data file the system would not let hieradrift read (EACCES, EISDIR, EIO...). */
function unreadable(rel: string, why: string): YamlLoadResult {
  return failedLoad(rel, `hieradrift cannot read this file (${why}): not linted`);
}

/** Parses a data file's text with the loader its extension calls for. */
function parseData(text: string, rel: string): YamlLoadResult {
  return rel.endsWith('.json') ? loadJson(text, rel) : loadYaml(text, rel);
}

/**
 * The same load result without its tree: the tree is parsed again if something asks for it. A lint keeps every
 * file's value but walks each tree once; trees kept to the end made each young-generation collection copy them
 * (a cold `lint .` of 350 files: about 0.07 s).
 */
function withLazyRoot(load: YamlLoadResult, rel: string): YamlLoadResult {
  let root: YNode | null | undefined;
  const { file, text, lineCounter, value, diagnostics, error } = load;
  return {
    file, text, lineCounter, value, diagnostics, ...(error ? { error } : {}),
    get root(): YNode | null {
      // A refused file has no tree to give back (its text may be a lossy decoding).
      root ??= error ? null : parseData(text, rel).root;
      return root;
    },
  };
}

/**
 * Reads one file as Puppet would: YAML (Psych) or JSON by extension, never throwing on content. `module` names
 * the module whose data it is (the module layer that reads it), `known` is its text when already read.
 */
export function readDataFile(root: string, rel: string, eyaml = false, known?: string | YamlLoadResult, module?: string): DataFile | undefined {
  const abs = join(root, rel);
  const read = known ?? readDataText(abs, rel);
  if (read === undefined) return undefined;
  const load = typeof read === 'string' ? parseData(read, rel) : read;
  const text = load.text;
  const lineCounter = load.lineCounter ?? new LineCounter(text);
  return { file: rel, abs, text, lineCounter, load, eyaml: eyaml || rel.endsWith('.eyaml'), ...(module ? { module } : {}) };
}

export function loadRepo(root: string, opts: RepoOptions = {}): LoadedRepo {
  const ignored = opts.isIgnored ?? (() => false);
  const cache = new Map<string, DataFile | undefined>();
  // Texts read without parsing (getText), kept so a later getFile does not read the file again.
  const texts = new Map<string, string | YamlLoadResult | undefined>();
  const hiera: HieraModel[] = [];
  const hieraIssues = new Map<string, ConfigIssue[]>();
  const eyamlPaths = new Set<string>();
  const addHiera = (rel: string, dir: string, module?: string): void => {
    if (!existsSync(join(root, rel))) return;
    const file = readDataFile(root, rel);
    if (!file) return;
    cache.set(rel, file);
    const parsed = parseHieraConfig(file, dir, module !== undefined);
    hieraIssues.set(rel, parsed.issues);
    hiera.push({ file, dir, levels: parsed.levels, diagnostics: [], ...(module ? { module } : {}) });
  };
  // Hiera 5 reads datadir relative to hiera.yaml's own directory (config `hiera: env/hiera.yaml`).
  const hieraRel = posix.normalize(opts.hieraConfig ?? 'hiera.yaml');
  addHiera(hieraRel, posix.dirname(hieraRel) === '.' ? '' : posix.dirname(hieraRel));
  // Puppet takes the first directory of a name on the modulepath: a later one is shadowed, its hiera.yaml unread.
  const seenModules = new Set<string>();
  for (const mp of modulePath(root)) {
    let mods: Dirent[] = [];
    try {
      mods = readdirSync(join(root, mp), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const m of mods.map((d) => d.name).sort()) {
      if (seenModules.has(m) || !statSync(join(root, mp, m), { throwIfNoEntry: false })?.isDirectory()) continue;
      seenModules.add(m);
      addHiera(`${mp}/${m}/hiera.yaml`, `${mp}/${m}`, m);
    }
  }
  // Module data is what a module layer on the modulepath reads, wherever that module directory is.
  const moduleOf = (rel: string): string | undefined => hiera.find((h) => h.module !== undefined && rel.startsWith(`${h.dir}/`))?.module;
  const dataDirs = new Set<string>();
  for (const h of hiera) {
    for (const l of h.levels) {
      const cut = l.datadir.indexOf('%{');
      const staticDir = cut < 0 ? l.datadir : l.datadir.slice(0, Math.max(0, l.datadir.lastIndexOf('/', cut)));
      if (!posix.isAbsolute(staticDir) && !staticDir.startsWith('..')) dataDirs.add(staticDir);
      if (l.backend === 'eyaml_lookup_key') for (const p of l.patterns) eyamlPaths.add(posix.join(l.datadir, p.text));
    }
  }
  if (hiera.length === 0) dataDirs.add('data');
  const hieraFiles = new Set(hiera.map((h) => h.file.file));
  const keep = (f: string): boolean => !hieraFiles.has(f) && !ignored(f);
  // Every file of the data directories: a glob reads any file it matches, whatever its extension.
  const listedFiles = [...new Set([...dataDirs].flatMap((d) => listFiles(root, d)))].filter(keep).sort();
  const dataFilePaths = listedFiles.filter((f) => DATA_FILE.test(f));
  const { nodes, diagnostics } = loadFactsDir(join(root, opts.facts ?? 'facts'), opts.facts ?? 'facts');
  let factPaths: Set<string> | undefined;
  const nodeFiles = new Map<string, ResolvedLocation[]>();
  const globCache = new Map<string, string[]>();
  const extraListings = new Map<string, string[]>();
  /** The files a glob pattern (repo-relative, interpolated) matches, in Ruby's order: per brace alternative, sorted. */
  const globFiles = (pattern: string): string[] => {
    let hits = globCache.get(pattern);
    if (hits) return hits;
    const seen = new Set<string>();
    hits = [];
    for (const alt of expandBraces(pattern)) {
      const re = rubyGlobToRegExp(alt);
      for (const f of filesUnder(staticPrefix(alt))) {
        if (!seen.has(f) && re.test(f)) {
          seen.add(f);
          hits.push(f);
        }
      }
    }
    globCache.set(pattern, hits);
    return hits;
  };
  /** The listing that covers `dir`: the data directories', or (a glob reaching elsewhere, `../x/*`) its own, once. */
  const filesUnder = (dir: string): readonly string[] => {
    if ([...dataDirs].some((d) => d === '' || d === '.' || dir === d || dir.startsWith(`${d}/`))) return listedFiles;
    let files = extraListings.get(dir);
    if (!files) extraListings.set(dir, (files = listFiles(root, dir).filter(keep).sort()));
    return files;
  };

  const environment = opts.environment ?? environmentNameOf(root);
  // The variables Puppet sets over the facts in the top scope (environment, settings::environment, name...),
  // as src/hiera sets them; `facts` and `trusted` are the node's own.
  const serverVars = nodeScope({ node: '', facts: new Map(), trusted: new Map() }, environment);
  // Split as src/hiera splits (Puppet's split_key), the variable then dug as its sub_lookup digs; an expression
  // that fails the lookup (syntax, digging into a scalar) reaches no file, as undefined.
  const scope = (node: NodeFacts, expr: string): HValue | undefined => {
    const segs = splitKey(expr);
    if (!segs) return undefined;
    const root = String(segs[0]);
    const name = root.startsWith('::') ? root.slice(2) : root;
    const base: HValue | undefined =
      name === 'facts' ? node.facts : name === 'trusted' ? node.trusted : serverVars.has(name) ? serverVars.get(name) : node.facts.get(name);
    if (base === undefined || base === null || segs.length === 1) return base;
    try {
      return subLookup(expr, segs.slice(1), base);
    } catch (err) {
      if (err instanceof LookupError) return undefined;
      throw err;
    }
  };
  // Level paths are few and nodes many: tokenize each path once and locate each interpolated string once.
  const tokenCache = new Map<string, ReturnType<typeof tokenize>>();
  const locateCache = new Map<string, Map<string, string>>();
  const interpolate = (text: string, node: NodeFacts, local?: [string, string]): string => {
    let toks = tokenCache.get(text);
    if (!toks) tokenCache.set(text, (toks = tokenize(text)));
    if (toks.length === 0) return text;
    let out = '';
    let last = 0;
    for (const t of toks) {
      out += text.slice(last, t.start);
      last = t.end;
      if (t.method || t.badMethodCall) continue;
      out += local && t.expr === local[0] ? local[1] : scalarToS(scope(node, t.expr));
    }
    return out + text.slice(last);
  };
  const locate = (datadir: string, p: string): string => {
    let byDir = locateCache.get(datadir);
    if (!byDir) locateCache.set(datadir, (byDir = new Map()));
    let hit = byDir.get(p);
    if (hit === undefined) {
      // posix.join normalizes already; relative() can give '' (the root itself), which normalize makes '.'.
      hit = posix.isAbsolute(p) ? posix.normalize(posix.relative(root.split(sep).join('/'), p)) : posix.join(datadir, p);
      byDir.set(p, hit);
    }
    return hit;
  };
  const sigFiles = new Map<HieraModel, Map<string, ResolvedLocation[]>>();
  const exprCache = new Map<HieraModel, string[] | null>();
  /** The variable expressions of a hierarchy made only of `path(s)` levels, datadirs included (null for glob/mapped ones). */
  const pathExprs = (h: HieraModel): string[] | null => {
    let e = exprCache.get(h);
    if (e === undefined) {
      e = h.levels.every((l) => l.kind === 'path' || l.kind === 'uri' || l.kind === 'none') ? [] : null;
      if (e) {
        for (const l of h.levels) {
          if (l.kind !== 'path') continue;
          for (const text of [l.datadir, ...l.patterns.map((p) => p.text)]) for (const t of tokenize(text)) if (!t.method && !t.badMethodCall) e.push(t.expr);
        }
      }
      exprCache.set(h, e);
    }
    return e;
  };
  const filesForNode = (h: HieraModel, node: NodeFacts): ResolvedLocation[] => {
    const key = `${h.file.file}\0${node.node}`;
    let out = nodeFiles.get(key);
    if (out) return out;
    // Nodes with the same values for the expressions the paths use resolve to the same files.
    const exprs = pathExprs(h);
    const byValues = exprs ? JSON.stringify(exprs.map((e) => scalarToS(scope(node, e)))) : undefined;
    const bySig = byValues === undefined ? undefined : sigFiles.get(h) ?? sigFiles.set(h, new Map()).get(h)!;
    const shared = byValues === undefined ? undefined : bySig!.get(byValues);
    if (shared) {
      nodeFiles.set(key, shared);
      return shared;
    }
    out = [];
    for (const level of h.levels) {
      // A datadir may name the node too (`nodes/%{trusted.certname}`); '' would make it the config's directory.
      const datadir = level.datadir.includes('%{') ? posix.normalize(interpolate(level.datadir, node)) : level.datadir;
      if (level.kind === 'path') for (const p of level.patterns) out.push({ level, pattern: p, file: locate(datadir, interpolate(p.text, node)) });
      else if (level.kind === 'glob') {
        for (const p of level.patterns) for (const f of globFiles(locate(datadir, interpolate(p.text, node)))) out.push({ level, pattern: p, file: f });
      } else if (level.kind === 'mapped' && level.mapped) {
        const v = scope(node, level.mapped.variable);
        const items = typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
        for (const item of items) {
          out.push({ level, pattern: level.mapped.template, file: locate(datadir, interpolate(level.mapped.template.text, node, [level.mapped.key, scalarToS(item)])) });
        }
      }
    }
    nodeFiles.set(key, out);
    if (byValues !== undefined) bySig!.set(byValues, out);
    return out;
  };
  return {
    root,
    environment,
    dataFilePaths,
    getFile(rel: string): DataFile | undefined {
      // An ignored file is not data: a `path` level naming it finds nothing, as if it were absent.
      if (!cache.has(rel)) cache.set(rel, ignored(rel) ? undefined : readDataFile(root, rel, eyamlPaths.has(rel), texts.get(rel), moduleOf(rel)));
      return cache.get(rel);
    },
    releaseTree(rel: string): void {
      const file = cache.get(rel);
      if (file) file.load = withLazyRoot(file.load, rel);
    },
    getText(rel: string): string | undefined {
      const parsed = cache.get(rel);
      if (parsed) return parsed.text;
      if (!texts.has(rel)) texts.set(rel, ignored(rel) ? undefined : readDataText(join(root, rel), rel));
      const read = texts.get(rel);
      return typeof read === 'object' ? read.text : read;
    },
    hiera,
    hieraIssues,
    dataDirs: [...dataDirs],
    factsPath: posix.normalize(opts.facts ?? 'facts'),
    nodes,
    // No rule needs it any more: built only if an API user asks.
    get factPaths(): ReadonlySet<string> {
      factPaths ??= factPathsOf(nodes);
      return factPaths;
    },
    filesForNode,
    scope,
    diagnostics: diagnostics as Diagnostic[],
  };
}

/** Puppet's default `modules:$basemodulepath`; $basemodulepath lies outside the repo. */
const DEFAULT_MODULEPATH = ['modules'];

/** environment.conf's modulepath entries inside the repo. */
export function modulePath(root: string): string[] {
  let text = '';
  try {
    text = readFileSync(join(root, 'environment.conf'), 'utf8');
  } catch {
    return DEFAULT_MODULEPATH;
  }
  const m = /^\s*modulepath\s*=\s*(.+)$/m.exec(text);
  if (!m) return DEFAULT_MODULEPATH;
  return m[1]!.split(':').map((s) => s.trim()).filter((s) => s && !s.startsWith('$') && !posix.isAbsolute(s));
}

/** A glob pattern's directory part before its first wildcard: where its matches can lie. */
function staticPrefix(pattern: string): string {
  const wild = pattern.search(/[*?[{]/);
  if (wild < 0) return posix.dirname(pattern);
  const slash = pattern.lastIndexOf('/', wild);
  return slash < 0 ? '.' : pattern.slice(0, slash);
}

/**
 * Files under `dir`, repo-relative with `/`, skipping dot files and directories. Walks with the entries'
 * types: Node 20's `readdirSync(..., { recursive: true })` stats every entry to find directories.
 */
function listFiles(root: string, dir: string): string[] {
  const base = posix.normalize(dir || '.');
  const out: string[] = [];
  const walk = (rel: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = rel === '.' ? e.name : `${rel}/${e.name}`;
      // A symlink is followed, as a directory listing through stat would.
      const kind = e.isSymbolicLink() ? statSync(join(root, path), { throwIfNoEntry: false }) : e;
      if (kind?.isDirectory()) {
        if (depth < MAX_DIR_DEPTH) walk(path, depth + 1);
      } else if (kind?.isFile()) out.push(path);
    }
  };
  walk(base, 0);
  return out;
}

/** Deeper than any real datadir; stops a symlink loop. */
const MAX_DIR_DEPTH = 32;

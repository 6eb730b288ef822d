import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../source/index.js';
import type { HValue } from '../value/index.js';
import { loadHieraConfigSync } from './config.js';
import type { HieraConfig, HieraLevel, LayerKind } from './config-types.js';
import type { DataFile } from './data-file.js';
import type { Facts } from './facts.js';
import type { CompiledOptions } from './lookup-options.js';
import { isDir, isFile } from './paths.js';

export interface Layer {
  kind: LayerKind;
  config: HieraConfig;
  module?: string;
}

export interface LayerOptions {
  /** Global layer hiera.yaml (`--hiera_config`). */
  hieraConfig?: string;
  /** The environment directory (a control repo). */
  environmentDir?: string;
  codedir?: string;
  environment?: string;
  modulepath?: string[];
}

/** What every node of a fleet shares: configs, parsed data files, globs. */
export interface LookupBase {
  options: LayerOptions;
  environmentName: string;
  global?: Layer;
  environment?: Layer;
  modulepath: string[];
  modules: Map<string, Layer | null | 'no-module'>;
  /** hiera.yaml problems; errors make every lookup fail, as in Puppet. */
  diagnostics: Diagnostic[];
  files: Map<string, DataFile>;
  exists: Map<string, boolean>;
  /** Directory listings (name -> is a file), so a missing per-node file costs no stat call. */
  dirs: Map<string, Map<string, boolean>>;
  globs: Map<string, string[]>;
}

export interface Location {
  original: string;
  path: string;
  uri?: boolean;
  missing?: boolean;
  /** The parsed file, once a lookup has read it (shared through LookupBase.files). */
  file?: DataFile;
}

/** One node's view: its scope and per-node caches (interpolated locations, lookup_options). */
export interface LookupContext {
  base: LookupBase;
  facts: Facts;
  scope: Map<string, HValue>;
  locations: Map<HieraLevel, Location[] | null>;
  lookupOptions: Map<string, CompiledOptions | undefined>;
  /** Warnings met while interpolating hierarchy paths (undefined variables...). */
  warnings: Set<string>;
}

/**
 * The environment a directory is, when no name is given: Puppet's directory environments are
 * `<codedir>/environments/<name>`, so a directory inside an `environments` directory is that environment; any
 * other (a control repo checkout) is `production`, `puppet lookup`'s default.
 */
export function environmentNameOf(envDir: string | undefined): string {
  if (envDir === undefined) return 'production';
  const dir = resolve(envDir);
  return basename(dirname(dir)) === 'environments' && isEnvironmentName(basename(dir)) ? basename(dir) : 'production';
}

/** Puppet's rule for environment names (Puppet::Node::Environment.valid_name?): ASCII word characters. */
export function isEnvironmentName(name: string): boolean {
  return /^\w+$/.test(name);
}

export function createLookupBase(opts: LayerOptions): LookupBase {
  const environmentName = opts.environment ?? environmentNameOf(opts.environmentDir);
  const base: LookupBase = {
    options: opts,
    environmentName,
    modulepath: [],
    modules: new Map(),
    diagnostics: [],
    files: new Map(),
    exists: new Map(),
    dirs: new Map(),
    globs: new Map(),
  };
  if (opts.hieraConfig) base.global = loadLayer(base, resolve(opts.hieraConfig), 'global');
  const envDir = opts.environmentDir ?? (opts.codedir ? join(opts.codedir, 'environments', environmentName) : undefined);
  if (envDir) {
    const file = join(resolve(envDir), 'hiera.yaml');
    // The environment layer exists only when its hiera.yaml does (Puppet 7, environment_data_provider unset).
    if (isFile(file)) base.environment = loadLayer(base, file, 'environment');
    base.modulepath = opts.modulepath?.map((p) => resolve(envDir, p)) ?? modulepathOf(resolve(envDir), opts.codedir);
  } else if (opts.modulepath) base.modulepath = opts.modulepath.map((p) => resolve(p));
  return base;
}

function loadLayer(base: LookupBase, file: string, kind: LayerKind, module?: string): Layer | undefined {
  const r = loadHieraConfigSync(file, kind);
  base.diagnostics.push(...r.diagnostics);
  if (!r.config) return undefined;
  const layer: Layer = { kind, config: r.config };
  if (module !== undefined) layer.module = module;
  return layer;
}

/** environment.conf `modulepath` (default `modules:$basemodulepath`), relative to the environment. */
function modulepathOf(envDir: string, codedir: string | undefined): string[] {
  let setting = 'modules:$basemodulepath';
  try {
    const text = readFileSync(join(envDir, 'environment.conf'), 'utf8');
    const m = /^\s*modulepath\s*=\s*(.*?)\s*$/m.exec(text);
    if (m) setting = m[1]!.replace(/^"(.*)"$/, '$1');
  } catch {
    // no environment.conf: Puppet's default modulepath
  }
  const basemodulepath = codedir ? join(resolve(codedir), 'modules') : '';
  return setting
    .replace(/\$basemodulepath/g, basemodulepath)
    .replace(/\$environment/g, '')
    .split(':')
    .filter((p) => p !== '')
    .map((p) => resolve(envDir, p));
}

/** The module layer for `mod::key`: first `mod` directory on the modulepath, if it has a hiera.yaml. */
export function moduleLayer(base: LookupBase, mod: string): Layer | null | 'no-module' {
  const cached = base.modules.get(mod);
  if (cached !== undefined) return cached;
  const dir = base.modulepath.map((p) => join(p, mod)).find(isDir);
  if (!dir) {
    base.modules.set(mod, 'no-module');
    return 'no-module';
  }
  const file = join(dir, 'hiera.yaml');
  const layer = isFile(file) ? (loadLayer(base, file, 'module', mod) ?? null) : null;
  base.modules.set(mod, layer);
  return layer;
}

/** The top scope `puppet lookup` builds: facts as variables plus facts, trusted, server_facts... */
export function nodeScope(facts: Facts, environment: string, base?: LookupBase): Map<string, HValue> {
  const scope = new Map<string, HValue>();
  for (const [k, v] of facts.facts) if (typeof k === 'string') scope.set(k, v);
  scope.set('facts', facts.facts);
  scope.set('trusted', facts.trusted);
  scope.set('server_facts', new Map());
  scope.set('environment', environment);
  scope.set('name', 'main');
  scope.set('title', 'main');
  scope.set('module_name', '');
  if (base?.options.codedir) scope.set('settings::codedir', resolve(base.options.codedir));
  scope.set('settings::environment', environment);
  return scope;
}

export function contextFor(base: LookupBase, facts: Facts): LookupContext {
  return {
    base,
    facts,
    scope: nodeScope(facts, base.environmentName, base),
    locations: new Map(),
    lookupOptions: new Map(),
    warnings: new Set(),
  };
}

/** Contract entry point: one node's lookup context over the three layers. */
export async function createLookupContext(opts: LayerOptions & { facts: Facts }): Promise<LookupContext> {
  return contextFor(createLookupBase(opts), opts.facts);
}

import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isEnvironmentName } from '../hiera/context.js';
import { HieradriftError } from '../source/index.js';
import type { Baseline } from './baseline.js';
import { findConfig, loadConfig, resolveConfig, type ResolvedConfig } from './config.js';
import { lintRepo, type LintRun } from './engine.js';
import { loadRepo, modulePath, type LoadedRepo } from './repo/load-repo.js';
import type { RepoModel } from './repo/model.js';
import { ruleMap } from './rules/index.js';

export interface ProjectOptions {
  /** Files or directories; the repo root is found from the first (or from cwd). */
  paths: readonly string[];
  cwd: string;
  /** Explicit config file; otherwise .hieradrift.yaml is searched upward. */
  config?: string;
  baseline?: Baseline;
  /** The Puppet environment the repo is read as; overrides the config's `environment`. */
  environment?: string;
}

export interface ProjectLint {
  root: string;
  repo: RepoModel;
  config: ResolvedConfig;
  run: LintRun;
  /** Given files that are not Hiera data of this repo (skipped, like puppet-syntax should have). */
  skipped: string[];
}

/**
 * Finds the control repo holding `start`: the nearest directory with a hiera.yaml that is not a module's, or with
 * .hieradrift.yaml. A hiera.yaml is a module's (the module layer of the repo above it) when its
 * directory sits in a modulepath directory of an environment further up: environment.conf's `modulepath`
 * (`dist:modules`), or Puppet's default `modules`, or, by name, `site`/`site-modules`. The search stops at `.git`.
 */
export function findRepoRoot(start: string): string | undefined {
  let dir = existsSync(start) && statSync(start).isDirectory() ? start : dirname(start);
  // Directories with a hiera.yaml below the current one, innermost first, not yet known to be modules.
  const below: string[] = [];
  // The innermost environment that took a module below as its own: the repo when no other hiera.yaml is.
  let claimer: string | undefined;
  for (;;) {
    const hasConfig = existsSync(join(dir, '.hieradrift.yaml')) || existsSync(join(dir, '.hieradrift.yml'));
    const gitRoot = existsSync(join(dir, '.git'));
    const hasHiera = existsSync(join(dir, 'hiera.yaml'));
    // An environment (config, hiera.yaml, environment.conf, or the checkout's root) decides which directories hold modules.
    if (hasConfig || hasHiera || gitRoot || existsSync(join(dir, 'environment.conf'))) {
      const moduleDirs = new Set(modulePath(dir).map((p) => resolve(dir, p)));
      for (let i = below.length - 1; i >= 0; i--) {
        const parent = dirname(below[i]!);
        if (moduleDirs.has(parent) || (MODULE_DIRS.has(basename(parent)) && dirname(parent) === dir)) {
          below.splice(i, 1);
          claimer ??= dir;
        }
      }
    }
    if (hasConfig) return below[0] ?? dir;
    if (hasHiera) below.push(dir);
    const up = dirname(dir);
    if (gitRoot || up === dir) return below[0] ?? claimer;
    dir = up;
  }
}

/** Directory names taken for module directories even off the modulepath, as the repos that use them mean. */
const MODULE_DIRS = new Set(['modules', 'site', 'site-modules']);

/** Whether `p` is `root` or lies below it. */
export function isInside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A project ready to lint: its root, config, repo model, and the files to report on. */
export interface PreparedProject {
  root: string;
  repo: LoadedRepo;
  config: ResolvedConfig;
  /** Repo-relative files to lint, sorted. */
  targets: string[];
  skipped: string[];
}

/** Finds the repo, reads its config, hierarchy and facts, and decides which files the paths name. */
export function prepareProject(opts: ProjectOptions): PreparedProject {
  const abs = (opts.paths.length ? opts.paths : ['.']).map((p) => resolve(opts.cwd, p));
  for (const p of abs) if (!existsSync(p)) throw new HieradriftError('usage', `no such file or directory: ${relative(opts.cwd, p) || p}`);
  // The repo is the first one a path lies in, not simply the first path's: pre-commit passes staged files in
  // any order, and a CI or tooling file outside the Hiera tree must not decide where the repo is.
  const roots = abs.map((p) => findRepoRoot(p));
  const root = roots.find((r) => r !== undefined) ?? (statSync(abs[0]!).isDirectory() ? abs[0]! : dirname(abs[0]!));
  abs.forEach((p, i) => {
    const r = roots[i];
    if (r !== undefined && r !== root && !isInside(root, r)) {
      throw new HieradriftError('usage', `${relative(opts.cwd, p) || p} belongs to the control repo ${relative(opts.cwd, r) || r}, not ${relative(opts.cwd, root) || root}: lint one repo at a time`);
    }
  });
  const configPath = opts.config ? resolve(opts.cwd, opts.config) : findConfig(root);
  const config = configPath ? loadConfig(configPath, ruleMap, relative(opts.cwd, configPath) || configPath) : resolveConfig({}, ruleMap);
  if (opts.environment !== undefined && !isEnvironmentName(opts.environment)) {
    throw new HieradriftError('usage', `invalid environment name '${opts.environment}': Puppet allows letters, digits and _ only`);
  }
  const environment = opts.environment ?? config.raw.environment;
  const repo = loadRepo(root, {
    ...(config.raw.hiera ? { hieraConfig: config.raw.hiera } : {}),
    ...(config.raw.facts ? { facts: config.raw.facts } : {}),
    ...(environment ? { environment } : {}),
    isIgnored: (f) => config.isIgnored(f),
  });
  const known = new Set([...repo.hiera.map((h) => h.file.file), ...repo.dataFilePaths]);
  const targets = new Set<string>();
  const skipped: string[] = [];
  for (const p of abs) {
    const rel = relative(root, p).split(sep).join('/');
    if (rel.startsWith('..')) {
      skipped.push(p);
      continue;
    }
    if (statSync(p).isDirectory()) {
      for (const f of known) if (rel === '' || f.startsWith(`${rel}/`)) targets.add(f);
    } else if (known.has(rel)) targets.add(rel);
    else skipped.push(rel);
  }
  return { root, repo, config, targets: [...targets].sort(), skipped };
}

/**
 * Lints paths of a control repo with the whole repo (hierarchy, facts, other data files) as context:
 * the pre-commit path passes a few staged files, the CI path a directory.
 */
export function lintProject(opts: ProjectOptions): ProjectLint {
  const { root, repo, config, targets, skipped } = prepareProject(opts);
  const run = lintRepo(repo, { rules: ruleMap, config, targets, ...(opts.baseline ? { baseline: opts.baseline } : {}) });
  return { root, repo, config, run, skipped };
}

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { contextFor, createLookupBase, loadFactsSync, type LookupContext } from '../../src/hiera/index.js';
import type { Diagnostic } from '../../src/source/index.js';
import { resolveConfig } from '../../src/lint/config.js';
import { lintRepo } from '../../src/lint/engine.js';
import { loadRepo } from '../../src/lint/repo/load-repo.js';
import { ruleMap } from '../../src/lint/rules/index.js';
import type { Rule } from '../../src/lint/types.js';
import { tree } from '../hiera/helpers.js';

/** Lints the control repo at `root` (facts in facts/) with one rule alone: its diagnostics, every file's. */
export function ruleAlone(root: string, rule: Rule): Diagnostic[] {
  const repo = loadRepo(root, { facts: 'facts' });
  const run = lintRepo(repo, { rules: new Map([[rule.id, rule]]), config: resolveConfig({}, ruleMap) });
  return run.results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === rule.id));
}

/** A generated repo as text, for assertion messages: `--- path` then the file. */
export function showFiles(files: Record<string, string>): string {
  return Object.entries(files).map(([f, t]) => `--- ${f}\n${t}`).join('');
}

/** Runs `fn` on a throwaway repo holding `files`, removed afterwards whatever happens. */
export function withTree<T>(files: Record<string, string>, fn: (root: string) => T): T {
  const root = tree(files);
  try {
    return fn(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** src/hiera's lookup context for the first node of the repo's facts/ directory. */
export function firstNodeContext(root: string): LookupContext {
  return contextFor(createLookupBase({ environmentDir: root, environment: 'production' }), loadFactsSync(join(root, 'facts'))[0]!);
}

/** A YAML single-quoted scalar. */
export const singleQuoted = (s: string): string => `'${s.replace(/'/g, "''")}'`;

import type { Diagnostic } from '../../src/source/index.js';
import { resolveConfig } from '../../src/lint/config.js';
import { lintRepo } from '../../src/lint/engine.js';
import { loadRepo } from '../../src/lint/repo/load-repo.js';
import { ruleMap } from '../../src/lint/rules/index.js';
import type { Rule } from '../../src/lint/types.js';

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

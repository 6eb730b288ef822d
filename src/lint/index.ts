export { rules, ruleMap, type RuleId } from './rules/index.js';
export { lintRepo, UNUSED_SUPPRESSION, type LintOptions, type LintRun } from './engine.js';
export { defineRule, type Rule, type RuleMeta, type RuleContext, type Visitor, type LintResult, type DataFile, type KeyPath } from './types.js';
export { loadConfig, resolveConfig, findConfig, type HieradriftConfig, type ResolvedConfig, type RuleLevel } from './config.js';
export { createBaseline, applyBaseline, readBaseline, writeBaseline, fingerprint, type Baseline } from './baseline.js';
export { loadRepo, type RepoOptions } from './repo/load-repo.js';
export type { RepoModel, HieraModel, HieraLevel, NodeFacts } from './repo/model.js';
export { docsUrl, ruleSlug } from './positions.js';
export { lintProject, prepareProject, findRepoRoot, type ProjectOptions, type ProjectLint, type PreparedProject } from './project.js';

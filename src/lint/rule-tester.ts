import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveConfig } from './config.js';
import { lintRepo } from './engine.js';
import { loadRepo } from './repo/load-repo.js';
import { ruleMap } from './rules/index.js';
import type { Rule } from './types.js';

/** The hierarchy every case gets unless it brings its own hiera.yaml. */
export const DEFAULT_HIERA = `version: 5
defaults:
  datadir: data
  data_hash: yaml_data
hierarchy:
  - name: Nodes
    path: "nodes/%{trusted.certname}.yaml"
  - name: Roles
    path: "roles/%{facts.role}.yaml"
  - name: Common
    path: common.yaml
`;
export const DEFAULT_FACTS = 'name: web01.example.com\nvalues:\n  role: web\n  os:\n    family: Debian\n  fqdn: web01.example.com\n';

export interface ValidCase {
  code: string;
  /** Where `code` is written (default data/common.yaml). */
  file?: string;
  /** Other files of the repo (path -> text); `hiera.yaml` and `facts/*.yaml` replace the defaults. */
  files?: Record<string, string>;
  options?: Record<string, unknown>;
  name?: string;
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data?: Record<string, string | number>;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

interface Describe {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => void): void;
}

/** Table-driven rule tests over mocha's describe/it, with each case in a throwaway repo. */
export const RuleTester = {
  run(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }, t: Describe = globalThis as unknown as Describe): void {
    const seen = new Set<string>();
    for (const c of [...cases.valid, ...cases.invalid]) {
      const key = JSON.stringify([c.code, c.file, c.files, c.options]);
      assert.ok(!seen.has(key), `duplicate case in ${rule.id}: ${c.code}`);
      seen.add(key);
    }
    t.describe(rule.id, () => {
      t.describe('valid', () => {
        for (const c of cases.valid) t.it(c.name ?? c.code, () => assert.deepEqual(lintCase(rule, c), []));
      });
      t.describe('invalid', () => {
        for (const c of cases.invalid) {
          t.it(c.name ?? c.code, () => {
            for (const e of c.errors) assert.ok(e.messageId in rule.meta.messages, `unknown messageId ${e.messageId}`);
            const got = lintCase(rule, c).map((d) => ({
              messageId: d.messageId, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn,
            }));
            assert.deepEqual(got, c.errors.map((e) => ({ messageId: e.messageId, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn })));
          });
        }
      });
    });
  },
};

/** Lints one case and returns the rule's findings with the messageId that produced each. */
export function lintCase(rule: Rule, c: ValidCase): { messageId: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] {
  const root = mkdtempSync(join(tmpdir(), 'hieradrift-rule-'));
  try {
    const file = c.file ?? 'data/common.yaml';
    const files: Record<string, string> = { 'hiera.yaml': DEFAULT_HIERA, 'facts/web01.yaml': DEFAULT_FACTS, ...c.files, [file]: c.code };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
    // Only this rule runs, at its default level (never off), with the case's options.
    const rules = new Map<string, Rule>([[rule.id, rule]]);
    const level = rule.meta.severity === 'warning' ? 'warn' : rule.meta.severity;
    const config = resolveConfig({ rules: { [rule.id]: c.options ? [level, c.options] : level } }, rules);
    const repo = loadRepo(root);
    const run = lintRepo(repo, { rules, config, targets: [file], knownRuleIds: new Set(ruleMap.keys()) });
    const byMessage = new Map(Object.entries(rule.meta.messages).map(([id, text]) => [id, new RegExp(`^${text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{\s*\w+\s*\}\}/g, '[^]*')}$`)]));
    return run.results.flatMap((r) =>
      r.diagnostics.map((d) => {
        const messageId = [...byMessage].find(([, re]) => re.test(d.message))?.[0] ?? '?';
        return { messageId, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, message: d.message };
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

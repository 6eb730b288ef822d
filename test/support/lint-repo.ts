import { rmSync } from 'node:fs';
import { tree } from '../hiera/helpers.js';
import { runCli } from './cli.js';

/** A two-level hierarchy: roles/%{facts.role}.yaml over common.yaml. */
export const HIERA = `version: 5
defaults:
  datadir: data
  data_hash: yaml_data
hierarchy:
  - name: Roles
    path: "roles/%{facts.role}.yaml"
  - name: Common
    path: common.yaml
`;

/** One known node, web01, with role web. */
export const WEB01 = 'name: web01.example.com\nvalues:\n  role: web\n';

/**
 * A throwaway control repo with no findings: hiera.yaml, facts/web01.yaml, data/common.yaml and
 * data/roles/web.yaml, plus `files`. The `.git`
 * directory stops the upward search for .hieradrift.yaml at the repo, as in a real checkout.
 */
export function controlRepo(files: Record<string, string> = {}): string {
  return tree({ '.git/HEAD': 'ref: refs/heads/main\n', 'hiera.yaml': HIERA, 'facts/web01.yaml': WEB01, 'data/common.yaml': 'nova::debug: false\n', 'data/roles/web.yaml': 'web::port: 80\n', ...files });
}

/**
 * Throwaway repos for one describe block, removed after it: `repo(files)` makes a control repo, `keep(dir)`
 * takes a directory made otherwise.
 */
export function controlRepos(): { repo: (files?: Record<string, string>) => string; keep: (dir: string) => string } {
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const keep = (dir: string): string => {
    dirs.push(dir);
    return dir;
  };
  return { repo: (files = {}) => keep(controlRepo(files)), keep };
}

export interface Finding {
  file: string;
  ruleId: string;
  severity: string;
  line: number;
  message: string;
}

/** Runs `hieradrift ARGV --format json` and flattens the report's findings. */
export async function lintJson(argv: string[], cwd: string): Promise<{ code: number; err: string; findings: Finding[]; summary: Record<string, number> }> {
  const r = await runCli([...argv, '--format', 'json'], cwd);
  if (r.out === '') return { code: r.code, err: r.err, findings: [], summary: {} };
  const report = JSON.parse(r.out) as {
    results: { filePath: string; messages: { ruleId: string; severity: string; line: number; message: string }[] }[];
    summary: Record<string, number>;
  };
  const findings = report.results.flatMap((res) => res.messages.map((m) => ({ file: res.filePath, ruleId: m.ruleId, severity: m.severity, line: m.line, message: m.message })));
  return { code: r.code, err: r.err, findings, summary: report.summary };
}

/** `file rule severity` per finding, sorted: compact to compare. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.file} ${f.ruleId} ${f.severity}`).sort();
}

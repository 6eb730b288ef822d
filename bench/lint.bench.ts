import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject } from '../src/lint/project.js';
import type { Bench, BenchFigure } from './run.js';

const NODES = 1000;
const ROLES = 40;
const NODE_FILES = 300;

/** A control repo: 350 data files (~1.5 MB), 1000 nodes with facts, a 4-level hierarchy. */
export function generate(root: string): { bytes: number; files: number; changed: string } {
  let bytes = 0;
  let files = 0;
  const put = (rel: string, text: string, data = true): void => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
    if (data) {
      bytes += Buffer.byteLength(text);
      files++;
    }
  };
  put('hiera.yaml', 'version: 5\ndefaults:\n  datadir: data\n  data_hash: yaml_data\nhierarchy:\n' +
    '  - name: Nodes\n    path: "nodes/%{trusted.certname}.yaml"\n  - name: Roles\n    path: "roles/%{facts.role}.yaml"\n' +
    '  - name: OS\n    path: "os/%{facts.os.family}-%{facts.os.release.major}.yaml"\n  - name: Common\n    path: common.yaml\n', false);
  const body = (prefix: string, n: number): string => {
    let s = '---\n';
    for (let i = 0; i < n; i++) {
      s += `profile::${prefix}::setting_${i}: "value-${prefix}-${i} with some text %{facts.os.family}"\n`;
      if (i % 10 === 0) s += `profile::${prefix}::list_${i}:\n  - alpha\n  - beta\n  - "%{lookup('profile::common::setting_1')}"\n`;
      if (i % 25 === 0) s += `profile::${prefix}::hash_${i}:\n  key_a: 1\n  key_b: true\n  nested:\n    deep: "x"\n`;
    }
    return s;
  };
  put('data/common.yaml', body('common', 120));
  for (const fam of ['Debian-11', 'Debian-12', 'RedHat-8', 'RedHat-9', 'Ubuntu-20', 'Ubuntu-22', 'Ubuntu-24', 'Suse-15', 'Other-1']) put(`data/os/${fam}.yaml`, body(`os_${fam.replace('-', '_').toLowerCase()}`, 40));
  for (let r = 0; r < ROLES; r++) put(`data/roles/role${r}.yaml`, body(`role${r}`, 45));
  for (let n = 0; n < NODE_FILES; n++) put(`data/nodes/node${n}.example.com.yaml`, body(`node${n}`, 45));
  for (let n = 0; n < NODES; n++) {
    const fam = ['Debian', 'RedHat', 'Ubuntu'][n % 3]!;
    put(`facts/node${n}.example.com.yaml`,
      `name: node${n}.example.com\nvalues:\n  role: role${n % ROLES}\n  fqdn: node${n}.example.com\n  os:\n    family: ${fam}\n    release:\n      major: "${fam === 'Debian' ? 12 : fam === 'RedHat' ? 9 : 22}"\n`, false);
  }
  return { bytes, files, changed: 'data/roles/role7.yaml' };
}

function time(fn: () => void, runs: number): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e9);
  }
  return t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!;
}

const bench: Bench = async () => {
  const root = mkdtempSync(join(tmpdir(), 'hieradrift-lint-bench-'));
  try {
    const g = generate(root);
    let findings = 0;
    const full = time(() => {
      findings = lintProject({ paths: [root], cwd: root }).run.results.reduce((n, r) => n + r.diagnostics.length, 0);
    }, 5);
    const one = time(() => void lintProject({ paths: [join(root, g.changed)], cwd: root }), 5);
    const bin = fileURLToPath(new URL('../../bin/hieradrift.js', import.meta.url));
    // The floor under every wall figure on this machine: starting Node itself.
    const nodeStart = time(() => void spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }), 5);
    const cli = time(() => void spawnSync(process.execPath, [bin, 'lint', g.changed], { cwd: root, stdio: 'ignore' }), 5);
    // yaml/truthy looks for the key's string values in other files: with a bare `yes` staged, only the files
    // whose text holds the key may be parsed, or the pre-commit path becomes a full parse.
    const changedAbs = join(root, g.changed);
    const staged = readFileSync(changedAbs, 'utf8');
    writeFileSync(changedAbs, `${staged}profile::bench::enabled: yes\n`);
    const cliTruthy = time(() => void spawnSync(process.execPath, [bin, 'lint', g.changed], { cwd: root, stdio: 'ignore' }), 5);
    writeFileSync(changedAbs, staged);
    const cliLint = time(() => void spawnSync(process.execPath, [bin, 'lint', '.'], { cwd: root, stdio: 'ignore' }), 5);
    const cliFull = time(() => void spawnSync(process.execPath, [bin, 'check', '.'], { cwd: root, stdio: 'ignore' }), 3);
    // The yardstick, on the same tree and machine, when it is installed: yamllint's default rules.
    const hasYamllint = spawnSync('yamllint', ['--version'], { stdio: 'ignore' }).status === 0;
    const yamllint = hasYamllint ? time(() => void spawnSync('yamllint', ['data'], { cwd: root, stdio: 'ignore' }), 3) : undefined;
    const figures: BenchFigure[] = [
      { name: `tree: ${g.files} data files, ${(g.bytes / 1e6).toFixed(2)} MB, ${NODES} nodes, ${findings} findings`, value: g.files, unit: 'files' },
      { name: 'full lint in process (all files, all rules)', value: full, unit: 's', target: '< 0.3 s' },
      { name: 'pre-commit path in process (one changed file, whole repo as context)', value: one, unit: 's', target: '< 0.3 s' },
      { name: 'node start alone (`node -e ""`), the floor of the wall figures below', value: nodeStart, unit: 's' },
      { name: 'pre-commit path, `hieradrift lint FILE` wall incl. node start', value: cli, unit: 's', target: '< 0.3 s' },
      { name: 'same, the staged file holding a bare `yes` (yaml/truthy searches the other files)', value: cliTruthy, unit: 's', target: '< 0.3 s' },
      { name: 'full lint, `hieradrift lint .` wall incl. node start', value: cliLint, unit: 's', target: '< 0.3 s' },
      { name: '`hieradrift check .` wall incl. node start', value: cliFull, unit: 's' },
    ];
    if (yamllint !== undefined) {
      figures.push(
        { name: '`yamllint data` on the same tree (the issue: 0.8 s on its machine)', value: yamllint, unit: 's' },
        { name: '`hieradrift lint .` faster than yamllint by (the issue: 0.8 / 0.3 = 2.7)', value: yamllint / cliLint, unit: '×' },
      );
    }
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
};

export default bench;

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DRIFT_FORMATS } from '../../src/drift/index.js';
import { formatters } from '../../src/report/index.js';
import { runCli } from '../support/cli.js';

/**
 * Every command and output format over fixtures/security/seeded, whose secrets (plain text under secret-looking
 * keys, eyaml blocks, URL credentials with '@', ':', '/' and '%', oslo secret options whose names look harmless,
 * refused files whose error line quotes a secret) all carry a marker Qz<nn>x; none may reach stdout, stderr or a
 * written file.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = `${root}fixtures/security/seeded`;
const LEAK = /Qz\d\dx|987654321\d\d/g;
const NODE = 'node1.example.com';
const FACTS = `facts/${NODE}.yaml`;
const LINT_FORMATS = Object.keys(formatters);

const lookupKeys = [
  'mysql::server::root_password', 'profile::api_token', 'profile::ipmi::adminpassword', 'profile::mysql::admin_password',
  'nova::rabbit_hosts_url', 'app::db_url', 'app::slash_url', 'app::pct_url', 'app::blob', 'app::dsn', 'app::via_lookup',
  'app::settings', 'nova::config::nova_config', 'profile::rabbit::password', 'profile::db::password', 'profile::gpg::secret',
  'profile::plain_in_eyaml::password', 'profile::node::ipmi_password', 'nova::metadata_proxy_url',
];
const dumpFiles = [
  'data/common.yaml', 'data/secrets.eyaml', `data/nodes/${NODE}.yaml`, 'etc/nova.conf', 'etc/glance-api.conf', 'etc/cinder.conf',
  'refused/continuation.conf', 'refused/empty-key.conf', 'refused/broken.yaml', 'refused/duplicate.yaml',
];
const confFiles = ['etc/nova.conf', 'etc/glance-api.conf', 'etc/cinder.conf', 'refused/continuation.conf', 'refused/empty-key.conf'];

/** Each invocation, named for the failure message. `{out}` in an argument is a fresh output directory. */
function invocations(): string[][] {
  const runs: string[][] = [];
  for (const f of LINT_FORMATS) {
    runs.push(['check', '.', '--format', f]);
    runs.push(['lint', '.', '--format', f]);
    runs.push(['lint', 'refused/broken.yaml', 'refused/duplicate.yaml', 'data/secrets.eyaml', '--format', f]);
    runs.push(['lint', '.', '--format', f, '--output', '{out}/lint-report']);
  }
  runs.push(['lint', '.', '--write-baseline', '{out}/baseline.json']);
  for (const f of ['text', 'json']) {
    for (const file of confFiles) runs.push(['validate', file, '--service', 'nova', '--format', f]);
    runs.push(['validate', ...confFiles.slice(0, 3), '--format', f]);
  }
  for (const file of dumpFiles) for (const f of ['json', 'yaml']) runs.push(['dump', file, '--format', f]);
  const layer = ['--node', NODE, '--facts', FACTS, '--environment-dir', '.'];
  for (const key of lookupKeys) {
    for (const f of ['s', 'json', 'yaml']) runs.push(['lookup', key, ...layer, '--render-as', f]);
    runs.push(['lookup', key, ...layer, '--explain']);
    runs.push(['lookup', key, ...layer, '--merge', 'deep', '--explain']);
  }
  runs.push(['lookup', 'no::such::key', ...layer, '--default', 'x']);
  for (const f of ['json', 'yaml']) runs.push(['resolve', '--facts', 'facts', '--environment-dir', '.', '--render-as', f]);
  const catalog = ['--node', NODE, '--catalog', `catalogs/${NODE}.json`, '--deployed', `deployed/${NODE}`];
  for (const f of DRIFT_FORMATS) {
    runs.push(['drift', ...catalog, '--format', f]);
    runs.push(['drift', ...catalog, '--format', f, '--diff', '--unmanaged']);
    runs.push(['drift', '--catalogs', 'catalogs', '--deployed', 'deployed', '--format', f, '--diff', '--unmanaged']);
    runs.push(['drift', ...catalog, '--phase', 'after', '--report', 'reports/last_run_report.yaml', '--format', f, '--diff']);
    runs.push(['drift', '--node', NODE, '--facts', FACTS, '--environment-dir', '.', '--deployed', `deployed/${NODE}`, '--format', f, '--diff', '--unmanaged']);
  }
  return runs;
}

function readAll(path: string): string {
  let text = '';
  for (const e of readdirSync(path, { withFileTypes: true })) {
    text += e.isDirectory() ? readAll(join(path, e.name)) : readFileSync(join(path, e.name), 'utf8');
  }
  return text;
}

describe('no seeded secret leaks from any command or format', () => {
  const runs = invocations();
  const leaks: string[] = [];
  const codes = new Map<string, number>();

  before(async () => {
    for (const argv of runs) {
      const out = mkdtempSync(join(tmpdir(), 'hd-leak-'));
      try {
        const r = await runCli(argv.map((a) => a.replace('{out}', out)), dir);
        const written = readAll(out);
        const name = argv.join(' ');
        codes.set(name, r.code);
        for (const [where, text] of [['stdout', r.out], ['stderr', r.err], ['written file', written]] as const) {
          const found = [...new Set(text.match(LEAK) ?? [])];
          if (found.length) leaks.push(`${name}: ${where} shows ${found.join(', ')}`);
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
  });

  it(`runs ${runs.length} invocations, none a usage or internal error`, () => {
    const broken = [...codes].filter(([, code]) => code === 2).map(([name]) => name);
    assert.deepEqual(broken, []);
  });

  it('no stdout, stderr or written file shows a seeded secret', () => {
    assert.deepEqual(leaks, []);
  });

  it('the refused files are refused and their errors are reported (the error paths run)', async () => {
    for (const file of ['refused/continuation.conf', 'refused/empty-key.conf', 'refused/broken.yaml']) {
      const r = await runCli(['dump', file], dir);
      assert.equal(r.code, 1, file);
      assert.match(r.err, /:\d+:\d+/, file);
    }
  });

  it('the secrets were there to leak: lint finds them and drift reports the secret keys', async () => {
    const lint = await runCli(['lint', '.', '--format', 'json'], dir);
    assert.ok((lint.out.match(/hiera\/plaintext-secret/g) ?? []).length >= 10, lint.out);
    const drift = await runCli(['drift', '--node', NODE, '--catalog', `catalogs/${NODE}.json`, '--deployed', `deployed/${NODE}`, '--format', 'json'], dir);
    for (const key of ['transport_url', 'connection', 'root_token_id', 'backend_argument', 'notify_url']) assert.ok(drift.out.includes(`"${key}"`), key);
  });
});

import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lintProject, prepareProject } from '../../src/lint/project.js';
import { lintProjectParallel, splitTargets } from '../../src/lint/parallel.js';
import { createBaseline } from '../../src/lint/baseline.js';
import { decodeFromTransfer, encodeForTransfer } from '../../src/value/transfer.js';
import { Binary, RubySymbol, Secret, type HValue } from '../../src/value/index.js';

/**
 * A repo whose findings cross the two threads' shares: redundant overrides whose lower level sits in
 * the other share, truthy values whose string peers sit in the other share, suppressions, a refused
 * file, eyaml, and symbols (which must survive the value exchange).
 */
function makeRepo(root: string, roles = 24): void {
  const put = (rel: string, text: string): void => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  put('hiera.yaml', 'version: 5\ndefaults:\n  datadir: data\n  data_hash: yaml_data\nhierarchy:\n' +
    '  - name: Roles\n    path: "roles/%{facts.role}.yaml"\n  - name: Secrets\n    lookup_key: eyaml_lookup_key\n    path: secrets.eyaml\n' +
    '    options:\n      pkcs7_private_key: /k/private.pem\n      pkcs7_public_key: /k/public.pem\n  - name: Common\n    path: common.yaml\n');
  put('data/common.yaml', "ntp::servers:\n  - a\n  - b\napache::signature: 'Off'\nsym::value: :sym\nlist::items: [1, 2]\n");
  put('data/secrets.eyaml', 'db::password: ENC[PKCS7,MIIBeQ==]\n');
  put('data/unreached.yaml', 'x::y: 1\n');
  for (let r = 0; r < roles; r++) {
    let body = `role::id: ${r}\n`;
    if (r % 3 === 0) body += 'ntp::servers:\n  - a\n  - b\n';
    if (r % 4 === 1) body += 'apache::signature: off\n';
    if (r % 5 === 2) body += 'sym::value: :sym\n';
    if (r % 6 === 3) body += 'list::items: [1, 2] # hieradrift-disable-line hiera/redundant-override\n';
    if (r % 7 === 4) body += 'dup::key: 1\ndup::key: 2\n';
    if (r === 5) body = 'a: [unclosed\n';
    put(`data/roles/role${r}.yaml`, body);
    put(`facts/node${r}.yaml`, `name: node${r}.example.com\nvalues:\n  role: role${r}\n`);
  }
}

describe('lint on two threads', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'hieradrift-parallel-'));
    makeRepo(root);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('gives exactly the single-thread results, findings across the shares included', async () => {
    const single = lintProject({ paths: ['.'], cwd: root });
    const split = await lintProjectParallel({ paths: ['.'], cwd: root, minFiles: 1 });
    assert.deepEqual(split.run, single.run);
    const rules = new Set(single.run.results.flatMap((r) => r.diagnostics.map((d) => d.ruleId)));
    for (const id of ['hiera/redundant-override', 'yaml/truthy', 'yaml/duplicate-key', 'yaml/refused', 'hiera/unreachable-data-file']) {
      assert.ok(rules.has(id), `the fixture exercises ${id}`);
    }
    assert.ok(single.run.results.some((r) => r.suppressedCount > 0), 'a suppression is used');
  });

  it('each side reports files of both shares: redundancy against a lower level in the other share', () => {
    const prep = prepareProject({ paths: ['.'], cwd: root });
    const main = splitTargets(prep, 'main');
    const worker = splitTargets(prep, 'worker');
    assert.ok(main.includes('hiera.yaml') && !worker.includes('hiera.yaml'));
    assert.deepEqual([...main, ...worker].sort(), [...prep.targets].sort());
    assert.equal(main.filter((f) => worker.includes(f)).length, 0);
    assert.ok(worker.length > 0 && worker.length < main.length);
    // common.yaml (the lower level of every redundant override) and some roles are on opposite sides.
    const side = (f: string): string => (main.includes(f) ? 'main' : 'worker');
    const roles = prep.targets.filter((f) => f.startsWith('data/roles/'));
    assert.ok(roles.some((f) => side(f) !== side('data/common.yaml')));
  });

  it('applies a baseline on both threads', async () => {
    const single = lintProject({ paths: ['.'], cwd: root });
    const baseline = createBaseline(single.run.results.flatMap((r) => r.diagnostics).filter((d) => d.ruleId === 'yaml/truthy'));
    const a = lintProject({ paths: ['.'], cwd: root, baseline });
    const b = await lintProjectParallel({ paths: ['.'], cwd: root, baseline, minFiles: 1 });
    assert.deepEqual(b.run, a.run);
    assert.ok(!b.run.results.some((r) => r.diagnostics.some((d) => d.ruleId === 'yaml/truthy')));
  });

  it('stays on one thread for a file path or a small tree, with the same results', async () => {
    const single = lintProject({ paths: ['data/roles/role1.yaml'], cwd: root });
    assert.deepEqual((await lintProjectParallel({ paths: ['data/roles/role1.yaml'], cwd: root, minFiles: 1 })).run, single.run);
    assert.deepEqual((await lintProjectParallel({ paths: ['.'], cwd: root })).run, lintProject({ paths: ['.'], cwd: root }).run);
  });

  it('falls back to one thread when the worker dies after the value exchange', async () => {
    const single = lintProject({ paths: ['.'], cwd: root });
    const workerModule = new URL('./failing-lint-worker.js', import.meta.url);
    const split = await lintProjectParallel({ paths: ['.'], cwd: root, minFiles: 1, workerModule });
    assert.deepEqual(split.run, single.run);
  });

  it('reports a usage error the same way', async () => {
    await assert.rejects(lintProjectParallel({ paths: ['nope'], cwd: root, minFiles: 1 }), /no such file or directory: nope/);
  });
});

describe('value transfer between threads', () => {
  it('rebuilds symbols, secrets and binaries, in keys too, and leaves plain values untouched', () => {
    const value: HValue = new Map<HValue, HValue>([
      ['plain', [1n, 2.5, 'x', null, true]],
      [new RubySymbol('k'), new Map([['s', new Secret('PKCS7', 'data/secrets.eyaml')]])],
      ['bin', new Binary(new Uint8Array([1, 2]))],
    ]) as HValue;
    const back = decodeFromTransfer(structuredClone(encodeForTransfer(value))) as Map<HValue, HValue>;
    const keys = [...back.keys()];
    assert.ok(keys[1] instanceof RubySymbol && keys[1].name === 'k');
    const inner = back.get(keys[1]!) as Map<string, HValue>;
    assert.ok(inner.get('s') instanceof Secret);
    assert.ok(back.get('bin') instanceof Binary);
    assert.deepEqual(back.get('plain'), [1n, 2.5, 'x', null, true]);
    const plain: HValue = new Map([['a', [1n]]]) as HValue;
    assert.equal(encodeForTransfer(plain), plain);
  });
});

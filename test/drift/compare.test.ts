import assert from 'node:assert/strict';
import { compareFile, type DriftChange, type ExpectedFile } from '../../src/drift/index.js';
import { expectedFrom, fakeSchema, nova } from './helpers.js';

const file = (resources: Parameters<typeof expectedFrom>[1], purge = false): ExpectedFile => {
  const res = purge ? [...resources, { type: 'Resources', title: 'nova_config', parameters: { purge: true } }] : resources;
  return expectedFrom('n1', res).files[0]!;
};
const run = (f: ExpectedFile, text: string | undefined, unmanaged = false) =>
  compareFile(f, { path: f.path, location: `/root${f.path}`, text }, { schema: fakeSchema(), unmanaged });
const pick = (cs: DriftChange[], key: string) => cs.find((c) => c.key === key);

describe('drift: compare levels and kinds', () => {
  it('no drift when the file is exactly what Puppet writes', () => {
    const f = file([nova('DEFAULT/debug', { value: true }), nova('DEFAULT/my_ip', { value: '10.0.0.2' })]);
    assert.deepEqual(run(f, '[DEFAULT]\ndebug=True\nmy_ip=10.0.0.2\n').changes, []);
  });

  it('cosmetic: true vs True, 05 vs 5, "x" vs x — Puppet rewrites, oslo reads the same', () => {
    const f = file([
      nova('DEFAULT/debug', { value: true }), nova('DEFAULT/osapi_compute_workers', { value: 5 }), nova('DEFAULT/quoted', { value: 'x' }),
    ]);
    const r = run(f, '[DEFAULT]\ndebug = true\nosapi_compute_workers=05\nquoted="x"\n');
    for (const k of ['debug', 'osapi_compute_workers', 'quoted']) {
      const c = pick(r.changes, k)!;
      assert.equal(c.kind, 'cosmetic', k);
      assert.equal(c.puppetWillRewrite, true);
      assert.equal(c.effective, 'same');
    }
    assert.deepEqual(pick(r.changes, 'debug')!.deployed, ['true']);
    assert.deepEqual(pick(r.changes, 'debug')!.expected, ['True']);
  });

  it('changed: a real value difference at both levels, with the line', () => {
    const f = file([nova('DEFAULT/my_ip', { value: '10.0.0.2' })]);
    const c = run(f, '[DEFAULT]\n# comment\nmy_ip = 10.9.9.9\n').changes[0]!;
    assert.deepEqual({ kind: c.kind, rw: c.puppetWillRewrite, eff: c.effective, line: c.line }, { kind: 'changed', rw: true, eff: 'differs', line: 3 });
  });

  it('missing, should-be-absent, and <SERVICE DEFAULT> as absent (only as the whole value)', () => {
    const f = file([
      nova('DEFAULT/my_ip', { value: '10.0.0.2' }), nova('DEFAULT/old', { ensure: 'absent' }),
      nova('DEFAULT/sd', { value: '<SERVICE DEFAULT>' }), nova('DEFAULT/sd2', { value: ['<SERVICE DEFAULT>'] }),
      nova('DEFAULT/mixed', { value: ['a', '<SERVICE DEFAULT>'] }),
    ]);
    const r = run(f, '[DEFAULT]\nold=1\nsd=2\nsd2=3\nmixed=a\nmixed=<SERVICE DEFAULT>\n');
    assert.equal(pick(r.changes, 'my_ip')!.kind, 'missing');
    for (const k of ['old', 'sd', 'sd2']) assert.equal(pick(r.changes, k)!.kind, 'should-be-absent', k);
    assert.equal(pick(r.changes, 'mixed'), undefined, 'the sentinel inside an array is written literally');
  });

  it("'' writes key=, undef and [] leave the key unmanaged", () => {
    const f = file([nova('DEFAULT/empty', { value: '' }), nova('DEFAULT/u', {}), nova('DEFAULT/arr', { value: [] })]);
    const r = run(f, '[DEFAULT]\nempty=x\nu=1\narr=2\n');
    assert.deepEqual(r.changes.map((c) => [c.key, c.kind]), [['empty', 'changed']]);
    assert.deepEqual(pick(r.changes, 'empty')!.expected, ['']);
  });

  it('MultiStr: order-insensitive for Puppet, order-sensitive for oslo; duplicates never in sync', () => {
    const f = file([nova('filter_scheduler/available_filters', { value: ['a.all', 'b.Custom'] })]);
    const swapped = run(f, '[filter_scheduler]\navailable_filters=b.Custom\navailable_filters=a.all\n').changes[0]!;
    assert.deepEqual({ kind: swapped.kind, rw: swapped.puppetWillRewrite, eff: swapped.effective }, { kind: 'changed', rw: false, eff: 'differs' });
    assert.deepEqual(run(f, '[filter_scheduler]\navailable_filters=a.all\navailable_filters=b.Custom\n').changes, []);
    const one = run(f, '[filter_scheduler]\navailable_filters=a.all\n').changes[0]!;
    assert.equal(one.kind, 'changed');
    const g = file([nova('filter_scheduler/available_filters', { value: ['a', 'a'] })]);
    assert.equal(run(g, '[filter_scheduler]\navailable_filters=a\navailable_filters=a\n').changes[0]!.puppetWillRewrite, true);
  });

  it('List options: spacing and trailing commas are cosmetic', () => {
    const f = file([nova('filter_scheduler/enabled_filters', { value: 'A,B' })]);
    const c = run(f, '[filter_scheduler]\nenabled_filters = A, B,\n').changes[0]!;
    assert.deepEqual({ kind: c.kind, eff: c.effective }, { kind: 'cosmetic', eff: 'same' });
  });

  it('trap: `key: value` is invisible to Puppet, so its fix does not hold', () => {
    const f = file([nova('DEFAULT/my_ip', { value: '10.0.0.2' })]);
    const c = run(f, '[DEFAULT]\n#my_ip = x\nmy_ip: 10.1.1.1\n').changes[0]!;
    assert.equal(c.kind, 'changed');
    assert.equal(c.puppetWillRewrite, true);
    assert.equal(c.persistsAfterRun, true, 'Puppet inserts after the commented sample, before the colon line');
  });

  it('trap: an indented line is a setting to Puppet and a continuation to oslo', () => {
    const f = file([nova('DEFAULT/state_path', { value: '/var/lib/nova' }), nova('DEFAULT/indented', { value: '1' })]);
    const r = run(f, '[DEFAULT]\nstate_path=/var/lib/nova\n  indented = 1\n');
    const ind = pick(r.changes, 'indented')!;
    assert.deepEqual({ kind: ind.kind, rw: ind.puppetWillRewrite, eff: ind.effective, persists: ind.persistsAfterRun }, { kind: 'missing', rw: false, eff: 'differs', persists: true });
    const sp = pick(r.changes, 'state_path')!;
    assert.deepEqual(sp.deployed, ['/var/lib/nova\nindented = 1']);
    assert.equal(sp.puppetWillRewrite, false);
  });

  it('unmanaged keys: listed only on request, removed under purge_config', () => {
    const text = '[DEFAULT]\nmy_ip=10.0.0.2\nextra=1\n';
    const plain = file([nova('DEFAULT/my_ip', { value: '10.0.0.2' })]);
    assert.deepEqual(run(plain, text).changes, []);
    const listed = run(plain, text, true).changes[0]!;
    assert.deepEqual({ kind: listed.kind, removed: listed.willBeRemoved, rw: listed.puppetWillRewrite }, { kind: 'unmanaged', removed: false, rw: false });
    const purged = run(file([nova('DEFAULT/my_ip', { value: '10.0.0.2' })], true), text).changes[0]!;
    assert.deepEqual({ kind: purged.kind, removed: purged.willBeRemoved, rw: purged.puppetWillRewrite, eff: purged.effective }, { kind: 'unmanaged', removed: true, rw: true, eff: 'differs' });
  });

  it("purge_config cannot remove a `key: value` line: Puppet's parser does not see it", () => {
    const r = run(file([nova('DEFAULT/my_ip', { value: '10.0.0.2' })], true), '[DEFAULT]\nmy_ip=10.0.0.2\nhidden: 1\n', true);
    const c = pick(r.changes, 'hidden')!;
    assert.equal(c.willBeRemoved, false);
  });

  it('missing file', () => {
    const r = run(file([nova('DEFAULT/my_ip', { value: '10.0.0.2' })]), undefined);
    assert.deepEqual(r.changes.map((c) => c.kind), ['missing-file']);
  });

  it('secrets: catalog secret, schema secret, name rule, and URL credentials are masked', () => {
    const f = file([
      nova('database/connection', { value: 'mysql+pymysql://nova:pw1@db/nova', secret: true }),
      nova('DEFAULT/my_ip', { value: 'rabbit://u:topsecret@h1:5672,u:pw2@h2:5672/' }),
      nova('keystone_authtoken/password', { value: 'hunter2' }),
    ]);
    const text = '[database]\nconnection=mysql+pymysql://nova:old@db/nova\n[DEFAULT]\nmy_ip=x\n[keystone_authtoken]\npassword=old\n';
    const r = compareFile(f, { path: f.path, location: 'x', text }, { schema: fakeSchema(), diff: true });
    const s = JSON.stringify(r);
    for (const leak of ['pw1', 'old@', 'topsecret', 'pw2', 'hunter2', '=old']) assert.ok(!s.includes(leak), `leaked ${leak}: ${s}`);
    assert.equal(pick(r.changes, 'connection')!.kind, 'changed');
    assert.equal(pick(r.changes, 'connection')!.secret, true);
    assert.equal(pick(r.changes, 'password')!.secret, true);
  });
});

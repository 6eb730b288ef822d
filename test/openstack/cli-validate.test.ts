import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { mistakesDir, root } from './support.js';

const cli = (args: string[], cwd = root) => runCli(args, cwd);

describe('hieradrift validate (CLI)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hieradrift-validate-'));
    writeFileSync(join(dir, 'nova.conf'), '[DEFAULT]\ndebug = True\n[libvirt]\nvirt_type = kvm\n');
    writeFileSync(join(dir, 'bad.conf'), '[DEFAULT]\ndebug = maybe\n');
    writeFileSync(join(dir, 'bin.conf'), Buffer.from([0x5b, 0x44, 0x5d, 0x0a, 0x6b, 0x3d, 0xff, 0x0a]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on a clean file, service from the file name', async () => {
    const r = await cli(['validate', 'nova.conf'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
  });

  it('exits 1 with file:line:column findings', async () => {
    const r = await cli(['validate', '--service', 'nova', 'bad.conf'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /^bad\.conf:2:9: error Invalid value for \[DEFAULT\] debug \(boolean\): Unexpected boolean value 'maybe' \[openstack\/invalid-value\]$/m);
  });

  it('prints JSON diagnostics with --format json and takes --schema', async () => {
    const r = await cli(['validate', '--schema', join(root, 'schemas/openstack/zed/nova.conf.json'), '--format', 'json', join(mistakesDir, 'nova.conf')]);
    assert.equal(r.code, 1);
    const parsed = JSON.parse(r.out) as { diagnostics: { ruleId: string; line: number }[] };
    assert.ok(parsed.diagnostics.length >= 25);
    assert.ok(!r.out.includes('dbPassw0rd') && !r.out.includes('s3cretRabbit'));
  });

  it('exits 2 on usage errors: unknown service, unknown file kind, bad format, missing file', async () => {
    assert.equal((await cli(['validate', 'bad.conf'], dir)).code, 2);
    assert.equal((await cli(['validate', '--service', 'swift', 'bad.conf'], dir)).code, 2);
    assert.equal((await cli(['validate', '--format', 'xml', 'nova.conf'], dir)).code, 2);
    assert.equal((await cli(['validate', 'missing/nova.conf'], dir)).code, 2);
    assert.equal((await cli(['validate'], dir)).code, 2);
  });

  it('exits 1 on a file oslo cannot decode', async () => {
    const r = await cli(['validate', '--service', 'nova', 'bin.conf'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /not valid UTF-8/);
  });
});

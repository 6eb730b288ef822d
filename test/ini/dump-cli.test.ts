import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

const cli = runCli;

describe('ini: hieradrift dump CLI for .conf/.ini', function () {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hieradrift-dump-cli-'));
    writeFileSync(join(dir, 'good.conf'), '[DEFAULT]\ndebug = true # note\n[Database]\nmax_retries: 3\n');
    writeFileSync(join(dir, 'agent.ini'), '[ovs]\nbridge_mappings = physnet1:br-ex\n');
    writeFileSync(join(dir, 'bad.conf'), '[DEFAULT]\ndebug = true\n  \n  orphan\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints sections as JSON and exits 0', async function () {
    const r = await cli(['dump', 'good.conf', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out), { sections: { DEFAULT: { debug: ['true # note'] }, Database: { max_retries: ['3'] } } });
  });

  it('reads .ini too, and renders YAML', async function () {
    const r = await cli(['dump', 'agent.ini', '--format', 'yaml'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /sections:\n\s+ovs:\n\s+bridge_mappings:\n\s+- physnet1:br-ex/);
  });

  it("exits 1 with file:line:column and oslo's message", async function () {
    const r = await cli(['dump', 'bad.conf', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.equal(r.err, "bad.conf:4:1: Unexpected continuation line: '  orphan'\n");
  });

  it('exits 2 on a missing file', async function () {
    const r = await cli(['dump', 'missing.conf'], dir);
    assert.equal(r.code, 2);
  });
});

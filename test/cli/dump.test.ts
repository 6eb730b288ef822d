import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

const cli = runCli;

describe('hieradrift dump (Hiera data files)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hieradrift-dump-'));
    writeFileSync(join(dir, 'ok.yaml'), 'a: 16.0\nb: 0755\nc: yes\nsecret: ENC[PKCS7,MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAx]\nbig: 123456789012345678901234567890\n');
    writeFileSync(join(dir, 'date.yaml'), 'a: 1\nwhen: 2024-01-15\n');
    writeFileSync(join(dir, 'data.json'), '{"a": 1e3, "b": [1, 2]}');
    writeFileSync(join(dir, 'bad.json'), '{"a": 1,}');
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0x0a, 0x62, 0x3a, 0x20, 0xe9, 0x0a]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the loaded value as puppet lookup --render-as json, secrets masked', async () => {
    const r = await cli(['dump', 'ok.yaml'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '{"a":16.0,"b":493,"c":true,"secret":"<secret>","big":123456789012345678901234567890}\n');
    assert.doesNotMatch(r.out, /MIIB/);
  });

  it('prints YAML with --format yaml', async () => {
    const r = await cli(['dump', 'ok.yaml', '--format', 'yaml'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.out, '---\na: 16.0\nb: 493\nc: true\nsecret: "<secret>"\nbig: 123456789012345678901234567890\n');
  });

  it('exits 1 with file:line:column when Puppet refuses the file', async () => {
    const r = await cli(['dump', 'date.yaml'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.equal(r.err, 'date.yaml:2:7: Puppet refuses this file: timestamps/dates are not allowed in Hiera data (Psych: Tried to load unspecified class: Date)\n');
  });

  it('reads JSON data with Ruby JSON rules', async () => {
    assert.equal((await cli(['dump', 'data.json'], dir)).out, '{"a":1000.0,"b":[1,2]}\n');
    const bad = await cli(['dump', 'bad.json'], dir);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /^bad\.json:1:9: /);
  });

  it('refuses invalid UTF-8 with the position of the bad byte', async () => {
    const r = await cli(['dump', 'latin1.yaml'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /^latin1\.yaml:2:4: .*UTF-8/);
  });

  it('rejects unknown formats and file kinds as usage errors', async () => {
    assert.equal((await cli(['dump', 'ok.yaml', '--format', 'xml'], dir)).code, 2);
    assert.equal((await cli(['dump', 'notes.txt'], dir)).code, 2);
    assert.equal((await cli(['dump', 'missing.yaml'], dir)).code, 2);
  });
});

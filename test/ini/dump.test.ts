import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dumpIniFile, HieradriftError } from '../../src/index.js';
import { requireOracle } from '../support/oracle.js';
import { osloParseFiles } from '../support/oslo-oracle.js';

describe('ini: dump FILE.conf --format json', function () {
  let dir = '';
  before(() => (dir = mkdtempSync(join(tmpdir(), 'hieradrift-dump-ini-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, body: string | Uint8Array): string => {
    const p = join(dir, name);
    writeFileSync(p, body);
    return p;
  };

  it('prints raw sections and values as ConfigParser stores them, in file order', async function () {
    requireOracle(this, 'oslo');
    const p = write('x.ini', '[10]\nk = "v"\n[ Sec ]\na:b = c\nm = 1\nm = 2\n  more\n[10]\nk2 =\n[empty]\n');
    const json = await dumpIniFile(p);
    assert.equal(json, '{\n  "sections": {\n    "10": {\n      "k": ["v"],\n      "k2": [""]\n    },\n    " Sec ": {\n' +
      '      "a": ["b = c"],\n      "m": ["1", "2\\nmore"]\n    },\n    "empty": {}\n  }\n}\n');
    const oslo = osloParseFiles([p])[0]!;
    assert.ok(oslo.ok);
    const fromOslo = oslo.sections.map(([s, keys]) => [s, keys]);
    const parsed = JSON.parse(json) as { sections: Record<string, Record<string, string[]>> };
    assert.deepEqual(fromOslo.map(([s]) => s).sort(), Object.keys(parsed.sections).sort());
    for (const [s, keys] of oslo.sections) assert.deepEqual(Object.entries(parsed.sections[s]!), keys);
  });

  it('masks secrets and URL passwords', async function () {
    const p = write('nova.conf', '[DEFAULT]\ntransport_url = rabbit://nova:pw1@h1,nova:pw2@h2/\n[keystone_authtoken]\npassword = hunter2\nx = mysql://u:pw3@db/n\n');
    const json = await dumpIniFile(p);
    for (const s of ['pw1', 'pw2', 'hunter2', 'pw3']) assert.ok(!json.includes(s), `leaks ${s}`);
    assert.ok(json.includes('"password": ["<secret>"]'));
    assert.ok(json.includes('mysql://u:<secret>@db/n'));
  });

  it('refuses what oslo refuses, with its position and message', async function () {
    const p = write('bad.conf', '[DEFAULT]\nnovalue\n');
    await assert.rejects(dumpIniFile(p), (e: unknown) => {
      assert.ok(e instanceof HieradriftError);
      assert.equal(e.code, 'input');
      assert.equal(e.message, "No ':' or '=' found in assignment: 'novalue'");
      assert.deepEqual([e.diagnostic?.line, e.diagnostic?.column], [2, 1]);
      return true;
    });
  });

  it('refuses invalid UTF-8 (oslo raises UnicodeDecodeError)', async function () {
    requireOracle(this, 'oslo');
    const p = write('latin1.conf', Uint8Array.from([...Buffer.from('[DEFAULT]\nk = caf'), 0xe9, 0x0a]));
    const [oslo] = osloParseFiles([p]);
    assert.equal(oslo!.ok ? 'ok' : oslo!.type, 'UnicodeDecodeError');
    await assert.rejects(dumpIniFile(p), (e: unknown) => {
      assert.ok(e instanceof HieradriftError && e.diagnostic?.ruleId === 'ini/encoding');
      assert.equal(e.message, "'utf-8' codec can't decode byte 0xe9 in position 17: invalid continuation byte");
      assert.deepEqual([e.diagnostic.line, e.diagnostic.column], [2, 8]);
      return true;
    });
  });

  it('a missing file is an IO fault', async function () {
    await assert.rejects(dumpIniFile(join(dir, 'nope.conf')), (e: unknown) => e instanceof HieradriftError && e.code === 'io');
  });
});

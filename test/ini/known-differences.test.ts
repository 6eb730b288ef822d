import assert from 'node:assert/strict';
import { parseIni } from '../../src/ini/index.js';
import { requireOracle } from '../support/oracle.js';
import { osloParseTexts, type OsloParseResult } from '../support/oslo-oracle.js';

/** Where hieradrift deliberately differs from oslo: asserted, with the reason, never skipped. */
const known: { text: string; reason: string; oslo: string; ours: string }[] = [
  {
    text: ' db_password = hunter2\n',
    reason: 'oslo quotes the offending line verbatim; hieradrift masks a secret-looking value',
    oslo: "Unexpected continuation line: ' db_password = hunter2'",
    ours: "Unexpected continuation line: ' db_password = <secret>'",
  },
  {
    text: '[DEFAULT]\n:transport_url rabbit://nova:pw@h1\n',
    reason: 'URL passwords in the quoted line are masked',
    oslo: "Key cannot be empty: ':transport_url rabbit://nova:pw@h1'",
    ours: "Key cannot be empty: ':transport_url rabbit://nova:<secret>@h1'",
  },
];

describe('ini: known differences from oslo.config (asserted)', function () {
  let results: OsloParseResult[] = [];
  let paths: string[] = [];
  before(function () {
    requireOracle(this, 'oslo');
    ({ results, paths } = osloParseTexts(known.map((k) => k.text)));
  });
  known.forEach((k, i) => {
    it(k.reason, function () {
      const oslo = results[i]!;
      assert.ok(!oslo.ok);
      assert.equal(oslo.str, `at ${paths[i]}:${oslo.lineno}, ${k.oslo}`);
      const doc = parseIni(k.text, paths[i]!);
      assert.equal(doc.error?.message, k.ours);
      assert.equal(doc.error?.line, oslo.lineno);
    });
  });
});

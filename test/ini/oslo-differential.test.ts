import { parseIni } from '../../src/ini/index.js';
import { requireOracle } from '../support/oracle.js';
import { osloParseTexts, type OsloParseResult } from '../support/oslo-oracle.js';
import { assertAgrees } from './agree.js';
import { cases } from './cases.js';

describe('ini: hand-written cases agree with oslo.config (differential)', function () {
  let results: OsloParseResult[] = [];
  let paths: string[] = [];
  before(function () {
    requireOracle(this, 'oslo');
    ({ results, paths } = osloParseTexts(cases.map((c) => c.text)));
  });

  it(`has hundreds of cases (${cases.length})`, function () {
    if (cases.length < 300) throw new Error(`only ${cases.length} cases`);
  });

  cases.forEach((c, i) => {
    it(c.name, function () {
      assertAgrees(parseIni(c.text, paths[i]!), results[i]!, paths[i]!, c.name);
    });
  });
});

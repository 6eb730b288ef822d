import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import { decodeIniBytes, parseIni } from '../../src/ini/index.js';
import { requireOracle } from '../support/oracle.js';
import { osloParseFiles, type OsloParseResult } from '../support/oslo-oracle.js';
import { assertAgrees } from './agree.js';

const SERVICES = ['nova', 'keystone', 'neutron', 'glance', 'cinder'];
const samples = globSync([
  ...SERVICES.map((s) => `/etc/${s}/**/*.{conf,ini}`),
  ...SERVICES.map((s) => `/usr/share/${s}*/**/*.{conf,ini}`),
]).sort();

describe('ini: shipped OpenStack samples agree with oslo.config (differential)', function () {
  let results: OsloParseResult[] = [];
  before(function () {
    requireOracle(this, 'openstack-services');
    results = osloParseFiles(samples);
  });

  it('finds the shipped samples', function () {
    assert.ok(samples.includes('/usr/share/nova-common/nova.conf'), 'nova.conf sample missing');
    assert.ok(samples.length >= 40, `only ${samples.length} samples`);
  });

  samples.forEach((path, i) => {
    it(path, function () {
      const decoded = decodeIniBytes(readFileSync(path), path);
      const oslo = results[i]!;
      if ('error' in decoded) {
        assert.equal(oslo.ok ? 'ok' : oslo.type, 'UnicodeDecodeError', decoded.error.message);
        return;
      }
      assertAgrees(parseIni(decoded.text, path), oslo, path, path);
    });
  });
});

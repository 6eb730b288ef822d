import assert from 'node:assert/strict';
import fc from 'fast-check';
import { puppetIniView, type PuppetIniProvider } from '../../src/ini/index.js';
import { requireOracle } from '../support/oracle.js';
import { cases } from './cases.js';
import { puppetParseTexts, type PuppetIniResult } from './puppet-oracle.js';

const CHARS = ['a', 'b', 'K', ' ', '\t', '=', ':', '[', ']', '#', ';', '"', '\x0b', '\x0c', '\r', '\xa0', '\u2028', 'é', '𝒜'];
const generated = fc.sample(
  fc.array(fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 12 }), { maxLength: 12 }).map((ls) => ls.join('\n')),
  { seed: 7, numRuns: 600 },
);
const extra = [
  '[a]\nx=1\n[b]\ny=1\n[a]\nz=2\nz=3\n',
  '[DEFAULT]\r\nk = v \r\n  indented = 1\nk: x\n',
  'global = 1\n[s]\n  [ t ]  \nk\t=\tv\t\n',
  '[DEFAULT]\n#debug = false\n;x = y\n k=v=w\n==\nk==\n',
];
const texts = [...cases.map((c) => c.text), ...extra, ...generated];

function view(text: string, provider: PuppetIniProvider): PuppetIniResult[PuppetIniProvider] {
  return [...puppetIniView(text, provider).settings].map(([s, keys]) => [s, [...keys]]);
}

describe("ini: puppetIniView agrees with Puppet's ini providers (differential, ruby)", function () {
  let results: PuppetIniResult[] = [];
  before(function () {
    requireOracle(this, 'puppet-openstack-modules');
    results = puppetParseTexts(texts);
  });

  for (const provider of ['openstackconfig', 'ini_setting'] as const) {
    it(`${provider}: ${texts.length} files`, function () {
      texts.forEach((text, i) => {
        assert.deepEqual(view(text, provider), results[i]![provider], `${provider} #${i} ${JSON.stringify(text)}`);
      });
    });
  }

  it('keeps line numbers and indentation', function () {
    const v = puppetIniView('[DEFAULT]\nk = v\n  ind=1\n[a]\n', 'openstackconfig');
    assert.deepEqual(v.sections[1], {
      name: 'DEFAULT',
      line: 1,
      settings: [
        { key: 'k', value: 'v', line: 2, indent: 0 },
        { key: 'ind', value: '1', line: 3, indent: 2 },
      ],
    });
    assert.deepEqual(v.sections[2], { name: 'a', line: 4, settings: [] });
  });
});

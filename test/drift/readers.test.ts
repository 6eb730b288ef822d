import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mungeValue, readRunReport, scanModulepath, shippedResourceFiles } from '../../src/drift/index.js';
import { parseJsonLexeme } from '../../src/drift/json-lexeme.js';
import { expectedFrom, nova } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('drift readers', () => {
  it("munges values like the type: to_s.strip, True/False, Ruby Float and Hash inspect", () => {
    const m = (json: string) => mungeValue(parseJsonLexeme(json));
    assert.equal(m('true'), 'True');
    assert.equal(m('"FALSE"'), 'False');
    assert.equal(m('"yes"'), 'yes');
    assert.equal(m('16.0'), '16.0');
    assert.equal(m('1e20'), '1.0e+20');
    // Ruby switches to exponent form from 1e16 down to 1e15, and below 1e-4.
    assert.equal(m('1000000000000000.0'), '1.0e+15');
    assert.equal(m('100000000000000.0'), '100000000000000.0');
    assert.equal(m('0.0001'), '0.0001');
    assert.equal(m('0.00001'), '1.0e-05');
    assert.equal(m('5'), '5');
    assert.equal(m('"  padded value  "'), 'padded value');
    assert.equal(m('{"a": 1, "b": [1, null]}'), '{"a"=>1, "b"=>[1, nil]}');
    // Strings inside as Ruby's String#inspect writes them (ruby -e 'p({"a"=>"x#{y}\e", "b"=>["\u0001", "é"]}.to_s)').
    assert.equal(m('{"a": "x#{y}\\u001b", "b": ["\\u0001", "é"]}'), '{"a"=>"x\\#{y}\\e", "b"=>["\\u0001", "é"]}');
  });

  it('reads compile output with Notice lines, ensure, secret, purge and ini_setting scalars', () => {
    const e = expectedFrom('n', [
      nova('DEFAULT/a', { value: ['x', 'y'] }), nova('DEFAULT/b', { ensure: 'absent' }), nova('DEFAULT/c', { ensure: 'present' }),
      { type: 'Nova_rootwrap_config', title: 'DEFAULT/filters_path', parameters: { value: ['/a', '/b'] } },
      { type: 'Resources', title: 'nova_config', parameters: { purge: true } },
      { type: 'File', title: '/etc/nova', parameters: {} },
    ]);
    const nf = e.files.find((f) => f.type === 'nova_config')!;
    assert.equal(nf.purge, true);
    assert.deepEqual(nf.settings.map((s) => [s.key, s.ensure, s.values]), [['a', 'present', ['x', 'y']], ['b', 'absent', []], ['c', 'present-any', []]]);
    assert.deepEqual(e.files.find((f) => f.type === 'nova_rootwrap_config')!.settings[0]!.values, ['/a']);
  });

  it('reports a broken catalog as a diagnostic, not a throw', () => {
    const e = expectedFrom('n', [], '{"name": "n", "resources": [');
    assert.equal(e.diagnostics[0]!.ruleId, 'drift/catalog');
  });

  it('the shipped resource table matches the installed modules when present', function () {
    const scanned = scanModulepath(['/usr/share/puppet/modules']);
    if (scanned.size === 0) this.skip();
    assert.deepEqual(Object.fromEntries(scanned), Object.fromEntries(shippedResourceFiles()));
  });

  it('reads a real last_run_report.yaml without executing its !ruby/object tags', () => {
    const text = readFileSync(`${root}fixtures/drift/report/last_run_report.yaml`, 'utf8');
    const r = readRunReport(text, 'last_run_report.yaml', shippedResourceFiles());
    assert.equal(r.host, 'vm');
    assert.deepEqual(r.events.map((e) => `${e.resource} ${e.property} ${e.previous} -> ${e.desired}`), [
      'Nova_config[DEFAULT/debug] value true -> True',
      'Nova_config[DEFAULT/my_ip] value 10.9.9.9 -> 10.0.0.2',
      'Nova_config[database/connection] value mysql+pymysql://nova:OTHER@db/nova -> mysql+pymysql://nova:pw@db/nova',
    ]);
    assert.ok(r.events.every((e) => e.corrective));
  });

  it('a malformed report is a diagnostic', () => {
    const r = readRunReport('--- !ruby/object:Puppet::Transaction::Report\nhost: [unclosed\n', 'r.yaml', shippedResourceFiles());
    assert.equal(r.diagnostics[0]!.ruleId, 'drift/report');
  });
});

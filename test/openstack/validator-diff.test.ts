import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireOracle } from '../support/oracle.js';
import { loadServiceSchema } from '../../src/openstack/index.js';
import type { Diagnostic } from '../../src/source/index.js';
import { askOslo, type OracleAnswer } from './oracle.js';
import { mistakesDir, root, serviceOf, validatePath } from './support.js';

const oracleDir = join(root, 'fixtures', 'openstack', 'oracle');

const debian: [string, string][] = [
  ['nova', '/etc/nova/nova.conf'],
  ['keystone', '/etc/keystone/keystone.conf'],
  ['neutron', '/etc/neutron/neutron.conf'],
  ['glance-api', '/etc/glance/glance-api.conf'],
  ['cinder', '/etc/cinder/cinder.conf'],
];
const norm = (g: string): string => (g === 'DEFAULT' ? g : g.toLowerCase());

describe('openstack validate vs oslo-config-validator (everything it flags, hieradrift flags)', function () {
  const cases: { service: string; file: string }[] = [];
  let answer: OracleAnswer;

  before(function () {
    requireOracle(this, 'openstack-services');
    for (const [service, file] of debian) if (existsSync(file)) cases.push({ service, file });
    for (const dir of [mistakesDir, oracleDir]) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.conf')).sort()) {
        const file = join(dir, f);
        cases.push({ service: serviceOf(readFileSync(file, 'utf8')), file });
      }
    }
    answer = askOslo({ validate: cases });
  });

  it('agrees on every error and deprecation the validator reports (known differences asserted)', function () {
    let compared = 0;
    cases.forEach((c, i) => {
      const diags = validatePath(c.file, c.service);
      const schema = loadServiceSchema(c.service);
      const flagged = (group: string, key: string, rules?: string[]): Diagnostic | undefined =>
        diags.find((d) => d.path?.[0] === norm(group) && (d.path.length === 1 || d.path[1] === key) && (!rules || rules.includes(d.ruleId)));
      for (const rec of answer.validate[i]!.records) {
        const err = /^(.+)\/([^/]+) is not part of the sample config$/.exec(rec.message);
        const dep = /^Deprecated opt (.+)\/([^/]+) found$/.exec(rec.message);
        if (rec.level === 'ERROR' && err) {
          compared++;
          const [, group, key] = err as unknown as [string, string, string];
          if (flagged(group, key)) continue;
          // Known difference 1: the validator is case-sensitive about sections; oslo at run time is not.
          if (group !== norm(group) && norm(group) !== 'default' && schema.groups.get(norm(group))?.has(key)) continue;
          // Known difference 2: runtime-only sections (cinder backends, glance stores) take a template group's options.
          const dynamic = schema.groups.get('backend_defaults')?.has(key) || schema.groups.get('glance_store')?.has(key);
          if (dynamic && !schema.groups.has(norm(group))) continue;
          assert.fail(`${c.file}: validator flags ${group}/${key}; hieradrift does not`);
        } else if (rec.level === 'WARNING' && dep) {
          compared++;
          const [, group, key] = dep as unknown as [string, string, string];
          if (flagged(group, key, ['openstack/renamed-option'])) continue;
          // Known difference 3: some aliases equal the current name (oslo.messaging rpc_conn_pool_size); not deprecated.
          if (schema.groups.get(norm(group))?.has(key)) continue;
          assert.fail(`${c.file}: validator warns deprecated ${group}/${key}; hieradrift does not`);
        } else if (rec.level === 'CRASH') {
          compared++;
          assert.ok(diags.some((d) => d.ruleId === 'ini/syntax'), `${c.file}: validator crashed, hieradrift found no syntax error`);
        }
      }
    });
    assert.ok(compared >= 20, `only ${compared} validator findings compared`);
    // The validator crashes on the parse error; hieradrift reports it and what it read before it.
    const crashed = cases.findIndex((c) => c.file.endsWith('nova-parse-error.conf'));
    assert.ok(answer.validate[crashed]!.records.some((r) => r.level === 'CRASH'));
  });
});

import { strict as assert } from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lintProject } from '../../src/lint/project.js';
import { ruleMap } from '../../src/lint/rules/index.js';
import { formatters } from '../../src/report/index.js';
import { HieradriftError } from '../../src/source/index.js';
import { tree } from '../hiera/helpers.js';

/**
 * Whatever a repo holds, lint answers: no exception but a HieradriftError, every finding of a known rule at a
 * position inside its file, every reporter able to print the run. Repos mix well-formed Hiera with the edge cases
 * the rules and loaders meet (broken YAML, odd tags and keys, interpolation junk, lookup_options patterns and
 * convert_to specs of every kind).
 */

const SEED = Number(process.env.FC_SEED ?? 20261129);

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const keyArb = fc.oneof(
  pick(['profile::a', 'profile::web::port', 'nova::debug', 'profile::db_password', 'apache::token', 'x', '::lead', 'a:b', 'trail ', '__proto__', 'constructor', '"quoted"', "'1'", '1', '~', 'yes', '? complex']),
  fc.stringMatching(/^[a-z]{1,6}(::[a-z_]{1,6}){0,2}$/),
);
const scalarArb = fc.oneof(
  pick(['yes', 'No', 'on', '1.10', '12:30', '0755', '1,000', '0x1F', '.inf', '~', '""', "''", '"%{facts.os.family}"', '"%{facts.nosuch}"', '"%{lookup(\'profile::a\')}"',
    '"%{alias(\'profile::a\')}"', '"x %{alias(\'a\')}"', '"%{"', '"%{::role}"', '"%{trusted.certname}"', '"%{scope(\'x\')}"', '"%{hiera(\'\')}"', '"%{literal(\'%\')}"',
    'ENC[PKCS7,MIIBeQ==]', 'ENC[PKCS7,', '"rabbit://nova:pw@host:5672/"', '!!binary aGk=', '!!binary /w==', '!ruby/object:Foo {}', '!!str 1', '!!int "x"', '&a 1', '*a', '*nope',
    '"\\u0001\\x85\\U0001F600"', '2024-01-15', '8080a', '"8080"', 'true', '-0.0', '1e400', '123456789012345678901234567890']),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.integer().map(String),
);
const valueArb: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalarArb,
    fc.array(tie('v'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    fc.array(fc.tuple(keyArb, tie('v')), { maxLength: 3 }).map((ps) => `{${ps.map(([k, x]) => `${JSON.stringify(k)}: ${x}`).join(', ')}}`),
  ),
})).v;
const patternArb = pick(['^profile::.*', '^(nova|neutron)::.*_hash$', '^a::(.*$', '^a::\\\\Gb', '^(?i:PROFILE)::x', '^a++', '^[[:alpha:]]+::x', '^(?<n>a)(?<n>b)', '^x(?~y)', '^\\\\p{Alpha}', '^a{,2}']);
const optionsArb = fc.oneof(
  pick(['{merge: deep}', '{merge: unique}', '{merge: {strategy: deep, knockout_prefix: "--"}}', '{merge: deeper}', '{convert_to: Integer}', '{convert_to: [String, "%x"]}',
    '{convert_to: Sensitive}', '{convert_to: integer}', '{convert_to: "Integer[0, 10]"}', '{convert_to: Profile::Port}', '{convert_to: 1}', '~', 'deep', '{merge: first, convert_to: Boolean}']),
);
const dataFileArb = fc
  .tuple(
    fc.array(fc.tuple(keyArb, valueArb), { maxLength: 6 }),
    fc.array(fc.tuple(fc.oneof(keyArb, patternArb), optionsArb), { maxLength: 3 }),
    fc.oneof(fc.constant(''), pick(['key: [unclosed\n', '\t- tab\n', 'a: b: c\n', '---\nsecond: doc\n', '\uFEFFbom: 1\n', 'dup: 1\ndup: 2\n', '- a list at the top\n', '%YAML 1.1\n---\nx: 1\n'])),
  )
  .map(([pairs, opts, junk]) => {
    const body = pairs.map(([k, v]) => `${JSON.stringify(k)}: ${v}\n`).join('');
    const lo = opts.length ? `lookup_options:\n${opts.map(([k, o]) => `  ${JSON.stringify(k)}: ${o}\n`).join('')}` : '';
    return body + lo + junk;
  });
const hieraArb = pick([
  'version: 5\ndefaults:\n  datadir: data\nhierarchy:\n  - name: node\n    path: "nodes/%{trusted.certname}.yaml"\n  - name: role\n    path: "roles/%{facts.role}.yaml"\n  - name: common\n    path: common.yaml\n',
  'version: 5\nhierarchy:\n  - name: m\n    mapped_paths: [facts.roles, r, "roles/%{r}.yaml"]\n  - name: g\n    glob: "roles/{b,a}*.yaml"\n  - name: c\n    path: common.yaml\n',
  'version: 5\nhierarchy:\n  - name: dd\n    datadir: "data/%{environment}"\n    paths: ["%{facts.os.family}.yaml", "common.yaml"]\n  - name: c\n    path: common.yaml\n',
  'version: 5\nhierarchy:\n  - name: bad\n    path: "%{lookup(\'x\')}.yaml"\n  - name: e\n    lookup_key: eyaml_lookup_key\n    path: secrets.eyaml\n    options: {pkcs7_private_key: /k, pkcs7_public_key: /p}\n',
  'version: 4\n', 'version: 5\nhierarchy: 5\n', 'hierarchy: [\n', '',
]);
const factsArb = fc.array(
  fc.tuple(pick(['web', 'db', '']), pick(['Debian', 'RedHat']), fc.oneof(fc.constant('[web, db]'), fc.constant('3'), fc.constant('true'), fc.constant('web'))),
  { minLength: 0, maxLength: 3 },
);
const repoArb = fc.record({
  hiera: hieraArb,
  files: fc.array(fc.tuple(pick(['data/common.yaml', 'data/roles/web.yaml', 'data/roles/db.yaml', 'data/nodes/n0.example.com.yaml', 'data/Debian.yaml', 'data/x.json', 'data/secrets.eyaml', 'modules/profile/data/common.yaml']), dataFileArb), { maxLength: 5 }),
  facts: factsArb,
});

describe('lint robustness: any repo gets an answer, never an exception (property, fixed seed)', () => {
  it('positions inside their files, known rules, and every reporter prints the run', function () {
    this.timeout(300_000);
    const names = Object.keys(formatters) as (keyof typeof formatters)[];
    const rules = new Map([...ruleMap].map(([id, r]) => [id, { id, description: r.meta.description, severity: r.meta.severity, docsUrl: '' }]));
    let findings = 0;
    let refused = 0;
    fc.assert(
      fc.property(repoArb, (r) => {
        const files: Record<string, string> = { '.git/HEAD': '', 'hiera.yaml': r.hiera, 'modules/profile/hiera.yaml': 'version: 5\n' };
        for (const [f, text] of r.files) files[f] = text;
        r.facts.forEach(([role, fam, roles], i) => {
          files[`facts/n${i}.yaml`] = `clientcert: n${i}.example.com\nhostname: n${i}\ndomain: example.com\nfqdn: n${i}.example.com\nrole: "${role}"\nroles: ${roles}\nos:\n  family: ${fam}\n`;
        });
        const root = tree(files);
        try {
          let run;
          try {
            run = lintProject({ paths: [root], cwd: root }).run;
          } catch (err) {
            if (err instanceof HieradriftError) {
              refused++;
              return;
            }
            throw err;
          }
          for (const res of run.results) {
            const text = readFileSync(join(root, res.file), 'utf8');
            const lines = text.split('\n').length;
            for (const d of res.diagnostics) {
              findings++;
              const where = `${d.file}:${d.line}:${d.column} [${d.ruleId}] ${d.message}`;
              assert.ok(ruleMap.has(d.ruleId) || d.ruleId.startsWith('yaml/') || d.ruleId.startsWith('hiera/'), where);
              assert.ok(d.line >= 1 && d.line <= lines + 1 && d.column >= 1, where);
              assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), where);
              assert.ok(d.endLine <= lines + 1, where);
            }
          }
          const input = { results: run.results, rules, fileCount: run.results.length, toolVersion: '0' };
          for (const n of names) assert.equal(typeof formatters[n](input, { color: n === 'stylish' }), 'string');
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
    assert.ok(findings > 300, `${findings} findings: the generated repos should give the rules work`);
    assert.ok(refused < 30, `${refused} of 150 repos refused as a whole (HieradriftError)`);
  });
});

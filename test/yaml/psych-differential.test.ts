import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadJson, loadYaml } from '../../src/yaml/index.js';
import { requireOracle } from '../support/oracle.js';
import { encodeValue, runPsychOracle, type Encoded, type OracleAnswer } from '../support/psych-oracle.js';
import { HAND_CASES, JSON_CASES } from './psych-cases.js';
import { KNOWN_DIFFERENCES } from './known-differences.js';
import { present, presentation, yaml11Scalar } from './scalar-arbitraries.js';
import { yamlDocument } from './document-arbitraries.js';

type Ours = { value: Encoded } | { error: string };

function oursYaml(text: string): Ours {
  const r = loadYaml(text, 'case.yaml');
  return r.error ? { error: r.error.message } : { value: encodeValue(r.value ?? null) };
}

function oursJson(text: string): Ours {
  const r = loadJson(text, 'case.json');
  return r.error ? { error: r.error.message } : { value: encodeValue(r.value ?? null) };
}

/** Puppet's json_data refuses a non-Hash top level (validate_data_hash), so expect a refusal there. */
function expectedJson(a: OracleAnswer): OracleAnswer {
  return 'value' in a && a.value.t !== 'hash' ? { error: `json_data: not a Hash (${a.value.t})` } : a;
}

function agrees(oracle: OracleAnswer, ours: Ours): boolean {
  if ('error' in oracle) return 'error' in ours;
  return 'value' in ours && JSON.stringify(oracle.value) === JSON.stringify(ours.value);
}

function report(text: string, oracle: OracleAnswer, ours: Ours): string {
  return `${JSON.stringify(text)}\n    puppet: ${JSON.stringify(oracle)}\n    ours:   ${JSON.stringify(ours)}`;
}

describe('YAML loading vs Puppet::Util::Yaml.safe_load (differential)', function () {
  this.timeout(180_000);
  const generated = fc.sample(fc.tuple(yaml11Scalar, presentation), { seed: 20240611, numRuns: 1500 }).map(([s, how]) => present(s, how));
  const documents = fc.sample(yamlDocument, { seed: 7, numRuns: 1000 });
  const yamlCases = [...HAND_CASES, ...KNOWN_DIFFERENCES.map((k) => k.text), ...generated, ...documents];
  let yamlAnswers: OracleAnswer[] = [];
  let jsonAnswers: OracleAnswer[] = [];

  before(function () {
    requireOracle(this, 'puppet');
    const answers = runPsychOracle([...yamlCases.map((text) => ({ text })), ...JSON_CASES.map((text) => ({ text, mode: 'json' as const }))]);
    yamlAnswers = answers.slice(0, yamlCases.length);
    jsonAnswers = answers.slice(yamlCases.length);
  });

  it(`agrees on ${HAND_CASES.length} hand-written cases`, function () {
    assert.ok(HAND_CASES.length >= 60);
    const bad = HAND_CASES.flatMap((text, i) => (agrees(yamlAnswers[i]!, oursYaml(text)) ? [] : [report(text, yamlAnswers[i]!, oursYaml(text))]));
    assert.deepEqual(bad, [], `${bad.length} disagreements:\n  ${bad.join('\n  ')}`);
  });

  it(`agrees on ${generated.length} generated YAML 1.1 scalars (plain, quoted, block, keys, flow)`, function () {
    const offset = HAND_CASES.length + KNOWN_DIFFERENCES.length;
    const bad = generated.flatMap((text, i) => {
      const a = yamlAnswers[offset + i]!;
      const ours = oursYaml(text);
      return agrees(a, ours) ? [] : [report(text, a, ours)];
    });
    assert.deepEqual(bad, [], `${bad.length} disagreements:\n  ${bad.join('\n  ')}`);
  });

  it(`agrees on ${documents.length} generated documents (block/flow nesting, block scalars, anchors, markers)`, function () {
    const offset = HAND_CASES.length + KNOWN_DIFFERENCES.length + generated.length;
    const bad = documents.flatMap((text, i) => {
      const a = yamlAnswers[offset + i]!;
      const ours = oursYaml(text);
      return agrees(a, ours) ? [] : [report(text, a, ours)];
    });
    assert.deepEqual(bad, [], `${bad.length} disagreements:\n  ${bad.join('\n  ')}`);
  });

  it('differs from Puppet only where recorded, for the recorded reason', function () {
    KNOWN_DIFFERENCES.forEach((k, i) => {
      const oracle = yamlAnswers[HAND_CASES.length + i]!;
      assert.deepEqual(oracle, k.puppet, `Puppet's answer changed for ${JSON.stringify(k.text)}: ${JSON.stringify(oracle)}`);
      const ours = oursYaml(k.text);
      assert.ok(!agrees(oracle, ours), `no longer a difference, remove the entry: ${JSON.stringify(k.text)}`);
      assert.ok(k.check(loadYaml(k.text, 'case.yaml')), `hieradrift's recorded behaviour changed for ${JSON.stringify(k.text)} (${k.reason})`);
    });
  });

  it(`agrees on ${JSON_CASES.length} json_data cases (Ruby JSON)`, function () {
    const bad = JSON_CASES.flatMap((text, i) => {
      const expected = expectedJson(jsonAnswers[i]!);
      const ours = oursJson(text);
      return agrees(expected, ours) ? [] : [report(text, expected, ours)];
    });
    assert.deepEqual(bad, [], `${bad.length} disagreements:\n  ${bad.join('\n  ')}`);
  });
});

import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireOracle } from '../support/oracle.js';
import { listScenarios, readScenario, runHieradrift, runPuppetBatch, runPuppetLookupCli, scenariosDir, type Answer } from '../support/puppet-lookup-oracle.js';
import { disagreement, errorCause } from './differential-compare.js';

type Golden = Record<string, Omit<Answer, 'id'>>;

function golden(name: string): Golden {
  return JSON.parse(readFileSync(join(scenariosDir, name, 'golden.json'), 'utf8')) as Golden;
}

/** Errors whose wording differs from Puppet's (both fail); every other error must have Puppet's exact message. */
const wordingDifferences: Record<string, string> = {
  'config-errors bad_data': "the YAML loader words Psych's syntax errors its own way",
  'config-errors date_data': "the YAML loader words Psych's refusals its own way",
  'dotted-keys n1:k.a.x': "Ruby appends error_highlight's source excerpt to the NoMethodError",
  'locations mapped_int': "Ruby appends error_highlight's source excerpt to the NoMethodError",
  'locations mapped_bool': "Ruby appends error_highlight's source excerpt to the NoMethodError",
  'locations mapped_float': "Ruby appends error_highlight's source excerpt to the NoMethodError",
  'dotted-keys n1:k-hash': "Puppet's inferred type of the refused hash is not reproduced",
  'yaml-values yes_key_nested': "Puppet's inferred type of the refused hash is not reproduced",
  'yaml-values null_key_nested': "Puppet's inferred type of the refused hash is not reproduced",
  'convert-to opt_bare': "Ruby appends error_highlight's source excerpt to the NoMethodError",
};

/** A case's knownDifference, by id. */
function knownDifferences(name: string): Map<string, string> {
  return new Map(readScenario(name).cases.flatMap((c) => (c.knownDifference ? [[c.id, c.knownDifference] as const] : [])));
}

/** Why hieradrift's answer is not Puppet's (value, found, error, or error message), or undefined. */
function difference(name: string, g: Omit<Answer, 'id'>, a: Answer): string | undefined {
  const d = disagreement(g, a);
  if (d) return d;
  if (g.error && errorCause(g.error) !== errorCause(a.error!) && !wordingDifferences[`${name} ${a.id}`]) {
    return `message: Puppet "${g.error}", hieradrift "${a.error}"`;
  }
  return undefined;
}

/**
 * Every case agrees with Puppet, except a case with a knownDifference: hieradrift must then fail with
 * its "not modelled" error (so the difference stays visible), and a case that starts agreeing is reported.
 */
function problems(name: string, reference: Golden, ours: Answer[]): string[] {
  const out: string[] = [];
  const known = knownDifferences(name);
  for (const a of ours) {
    const g = reference[a.id];
    if (!g) {
      out.push(`${a.id}: no golden (run scripts/hiera/record-goldens)`);
      continue;
    }
    const d = difference(name, g, a);
    if (!known.has(a.id)) {
      if (d) out.push(`${name} ${a.id}: ${d}`);
    } else if (!d) out.push(`${name} ${a.id}: agrees with Puppet, so its knownDifference (${known.get(a.id)}) is stale`);
    else if (!a.error?.includes('not modelled by hieradrift')) out.push(`${name} ${a.id}: known difference without hieradrift's "not modelled" error: ${d}`);
  }
  return out;
}

describe('hiera differential suite (puppet lookup goldens)', () => {
  const scenarios = listScenarios();

  it('has at least 8 scenarios and 150 recorded lookups', () => {
    assert.ok(scenarios.length >= 8, `${scenarios.length} scenarios`);
    const n = scenarios.reduce((s, name) => s + readScenario(name).cases.length, 0);
    assert.ok(n >= 150, `${n} lookups`);
  });

  for (const name of scenarios) {
    it(`${name}: hieradrift agrees with the recorded Puppet answers`, () => {
      assert.ok(existsSync(join(scenariosDir, name, 'golden.json')), 'golden.json missing');
      assert.deepEqual(problems(name, golden(name), runHieradrift(name)), []);
    });
  }

  describe('live re-check against Puppet 7', function () {
    before(function () {
      requireOracle(this, 'puppet');
    });
    for (const name of scenarios) {
      it(`${name}: Puppet still gives the goldens, and hieradrift agrees with it`, () => {
        const live = runPuppetBatch(name);
        const rec = golden(name);
        const drift = live.filter((a) => disagreement(rec[a.id] ?? {}, a)).map((a) => `${a.id}: golden is stale`);
        assert.deepEqual(drift, []);
        const asGolden: Golden = Object.fromEntries(live.map(({ id, ...r }) => [id, r]));
        assert.deepEqual(problems(name, asGolden, runHieradrift(name)), []);
      });
    }

    it('the recorded `puppet lookup` CLI runs still hold (two of them, re-run live)', () => {
      const g = JSON.parse(readFileSync(join(scenariosDir, '_cli/golden.json'), 'utf8')) as Record<string, { exit: number; stdout: string }>;
      for (const [id, key] of [['found-json', 'hash_layers'], ['not-found', 'nope']] as const) {
        const r = runPuppetLookupCli('layers', [key, ...(id === 'found-json' ? ['--render-as', 'json'] : [])]);
        assert.deepEqual({ exit: r.exit, stdout: r.stdout }, { exit: g[id]!.exit, stdout: g[id]!.stdout }, id);
      }
    });
  });
});

import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { generateHieraRepo } from '../../bench/hiera-repo.js';
import { contextFor, createLookupBase, loadFactsSync, lookup, makeFacts, maskLookupValue, resolveFleet, resolveFleetJson, type Facts, type LookupBase } from '../../src/hiera/index.js';
import { renderJson, type HHash, type HValue } from '../../src/value/index.js';
import { resolveNodes } from '../../src/hiera/fleet.js';
import { listScenarios, readScenario, scenariosDir } from '../support/puppet-lookup-oracle.js';
import { tree } from './helpers.js';

/** Every node's row and errors from resolveNodes, checked key by key against a fresh lookup() (which shares nothing). */
function fleetMismatches(base: LookupBase, fleet: Facts[], keys?: string[]): string[] {
  const r = resolveNodes(base, fleet, keys);
  const out: string[] = [];
  for (const facts of fleet) {
    const ctx = contextFor(base, facts);
    const row = r.values.get(facts.node)!;
    const errs = r.errors.get(facts.node);
    for (const key of r.keys) {
      const one = lookup(ctx, key);
      if (one.error || errs?.has(key)) {
        if (one.error?.message !== errs?.get(key)?.message) out.push(`${facts.node} ${key}: error ${one.error?.message} vs ${errs?.get(key)?.message}`);
      } else if (one.found !== row.has(key) || (one.found && !isDeepStrictEqual(one.value, row.get(key)))) {
        out.push(`${facts.node} ${key}: ${JSON.stringify(one.value)} vs ${JSON.stringify(row.get(key))}`);
      }
    }
  }
  return out;
}

describe('resolveFleet', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'hieradrift-fleet-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same rows on worker threads as one node at a time through lookup()', async () => {
    const { envDir, factsDir } = generateHieraRepo(dir, 120, 60);
    const parallel = await resolveFleet({ environmentDir: envDir, facts: factsDir, parallelThreshold: 10 });
    assert.equal(parallel.values.size, 120);
    assert.equal(parallel.errors.size, 0);
    const base = createLookupBase({ environmentDir: envDir });
    const mismatches: string[] = [];
    for (const facts of loadFactsSync(factsDir)) {
      const ctx = contextFor(base, facts);
      const row = parallel.values.get(facts.node)!;
      for (const key of parallel.keys) {
        const r = lookup(ctx, key);
        if (r.found !== row.has(key) || (r.found && !isDeepStrictEqual(r.value, row.get(key)))) mismatches.push(`${facts.node} ${key}`);
      }
    }
    assert.deepEqual(mismatches, []);
  });

  it('renders the same JSON on one thread, split across threads, and from the values (masked everywhere)', async () => {
    const { envDir, factsDir } = generateHieraRepo(join(dir, 'json'), 90, 40);
    // A secret key and a URL password in the data: rows rendered on a worker mask them too.
    writeFileSync(join(envDir, 'data/common.yaml'), readFileSync(join(envDir, 'data/common.yaml'), 'utf8') +
      'profile::db::password: hunter2-secret\nprofile::db::url: "mysql://nova:pw-in-url@db/nova"\n');
    const opts = { environmentDir: envDir, facts: factsDir };
    const one = await resolveFleetJson({ ...opts, jobs: 1 });
    const split = await resolveFleetJson({ ...opts, parallelThreshold: 10, jobs: 2 });
    const values = await resolveFleet(opts);
    const masked: HHash = new Map<string, HValue>();
    for (const [node, row] of values.values) masked.set(node, new Map([...row].map(([k, v]) => [k, maskLookupValue(v, k)])));
    assert.equal(one.json, renderJson(masked));
    assert.equal(split.json, one.json);
    assert.deepEqual(split.keys, one.keys);
    assert.ok(!one.json.includes('hunter2') && !one.json.includes('pw-in-url'));
    assert.match(one.json, /"profile::db::password":"<secret>"/);
  });

  it('loaded facts (not a path), chosen keys and a node named twice: split and single-thread print the same', async () => {
    const { envDir, factsDir } = generateHieraRepo(join(dir, 'loaded'), 40, 30);
    const fleet = loadFactsSync(factsDir);
    // The same node again at the end, with other facts: like a Map, it keeps its first place and its last row.
    const again = makeFacts(fleet[0]!.node, new Map([...fleet[0]!.facts].map(([k, v]) => [k, k === 'dc' ? 'par' : v])));
    const opts = { environmentDir: envDir, facts: [...fleet, again], keys: ['profile::k1::setting', 'profile::k20::setting', 'nope'] };
    const one = await resolveFleetJson({ ...opts, jobs: 1 });
    const split = await resolveFleetJson({ ...opts, jobs: 3 });
    assert.equal(split.json, one.json);
    assert.deepEqual(split.keys, ['nope', 'profile::k1::setting', 'profile::k20::setting']);
    const rows = JSON.parse(one.json) as Record<string, Record<string, unknown>>;
    assert.equal(Object.keys(rows).length, 40);
    assert.equal(Object.keys(rows)[0], fleet[0]!.node);
    assert.match(String(rows[fleet[0]!.node]!['profile::k1::setting']), /^par-/);
  });

  it('a refusal on a worker thread keeps its kind (a facts file Puppet cannot read)', async () => {
    const { envDir, factsDir } = generateHieraRepo(join(dir, 'broken'), 30, 10);
    writeFileSync(join(factsDir, 'zz-broken.yaml'), 'a: [unclosed\n');
    await assert.rejects(resolveFleetJson({ environmentDir: envDir, facts: factsDir, parallelThreshold: 10, jobs: 2 }), (e: Error) => e.name === 'HieradriftError' && /zz-broken\.yaml/.test(e.message));
  });

  it('a refusal on the main thread stops the workers and leaves none of their failures unhandled', async () => {
    const { envDir, factsDir } = generateHieraRepo(join(dir, 'broken-both'), 30, 10);
    writeFileSync(join(factsDir, 'aa-broken.yaml'), 'a: [unclosed\n');
    writeFileSync(join(factsDir, 'zz-broken.yaml'), 'b: {unclosed\n');
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): number => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      await assert.rejects(resolveFleetJson({ environmentDir: envDir, facts: factsDir, parallelThreshold: 10, jobs: 2 }), /aa-broken\.yaml/);
      // Long enough for the worker to have failed on its own file, had it not been stopped.
      await new Promise((r) => setTimeout(r, 1500));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  describe('answers shared by nodes that reach the same data files', () => {
    it('are shared only when nothing was interpolated: values, hash keys, lookup() and lookup_options that vary by node', () => {
      const root = tree({
        'hiera.yaml': 'version: 5\ndefaults: {datadir: data, data_hash: yaml_data}\nhierarchy:\n  - {name: role, path: "roles/%{facts.role}.yaml"}\n  - {name: common, path: common.yaml}\n',
        'data/roles/web.yaml': [
          'plain: web',
          'host: "%{facts.hostname}"',
          'via_lookup: "%{lookup(\'host\')}"',
          'aliased: "%{alias(\'host\')}"',
          'keyed: {"%{facts.hostname}": 1}',
          'merged: {a: 1}',
          'lookup_options:',
          '  "%{facts.mergekey}": {merge: hash}',
          '',
        ].join('\n'),
        'data/common.yaml': 'plain: common\nmerged: {b: 2}\nonly_common: [1, 2]\nbroken: "%{lookup(\'broken\')}"\n',
      });
      try {
        const base = createLookupBase({ environmentDir: root });
        // Same role (same files), different scope: n1 and n3 hash-merge 'merged', n2 does not.
        const node = (name: string, mergekey: string): Facts =>
          makeFacts(name, new Map<string, string | Map<string, string>>([['clientcert', name], ['hostname', name.split('.')[0]!], ['domain', 'example.com'],
            ['fqdn', name], ['role', 'web'], ['mergekey', mergekey]]));
        const fleet = [node('n1.example.com', 'merged'), node('n2.example.com', 'other'), node('n3.example.com', 'merged')];
        const r = resolveNodes(base, fleet);
        assert.deepEqual(fleetMismatches(base, fleet), []);
        // The cases the sharing could get wrong, spelled out.
        assert.equal(r.values.get('n2.example.com')!.get('host'), 'n2');
        assert.equal(r.values.get('n3.example.com')!.get('via_lookup'), 'n3');
        assert.deepEqual(r.values.get('n1.example.com')!.get('merged'), new Map([['a', 1n], ['b', 2n]]));
        assert.deepEqual(r.values.get('n2.example.com')!.get('merged'), new Map([['a', 1n]]));
        assert.ok(r.errors.get('n3.example.com')?.get('broken')?.message.includes('Recursive lookup'));
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

    for (const name of listScenarios()) {
      it(`${name}: every node (and a renamed copy of each) agrees with lookup() key by key`, () => {
        const s = readScenario(name);
        const dir = join(scenariosDir, name);
        const base = createLookupBase({ hieraConfig: join(dir, s.hieraConfig ?? 'global/hiera.yaml'), codedir: join(dir, 'code'), environment: s.environment ?? 'production' });
        const fleet = loadFactsSync(join(dir, 'facts'));
        // A copy under another name keeps the facts (so mostly the same files) and changes trusted.certname.
        const copies = fleet.map((f) => makeFacts(`copy-${f.node}`, f.facts));
        const keys = [...new Set(s.cases.flatMap((c) => c.keys))];
        assert.deepEqual(fleetMismatches(base, [...fleet, ...copies, ...fleet], keys), []);
      });
    }
  });
});

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { generateHieraRepo } from '../../bench/hiera-repo.js';
import { contextFor, createLookupBase, loadFactsSync, lookup, resolveFleet } from '../../src/hiera/index.js';

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
});

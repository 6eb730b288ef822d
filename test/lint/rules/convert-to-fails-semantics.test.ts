import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import fc from 'fast-check';
import { contextFor, createLookupBase, loadFactsSync, lookup } from '../../../src/hiera/index.js';
import { loadRepo } from '../../../src/lint/repo/load-repo.js';
import rule from '../../../src/lint/rules/hiera-convert-to-fails.js';
import { ruleAlone, showFiles, withTree } from '../../support/rule-alone.js';

/**
 * The rule's promise, checked with src/hiera (which fixtures/hiera/convert-to proves against Puppet): when it
 * reports a value, every node whose lookup finds that value (the first file of its hierarchy holding the key)
 * fails the lookup on convert_to. Random repos: lookup_options entries (exact or a pattern, convert_to of several
 * types, with or without a merge) and values in common.yaml and the two role files, two nodes.
 */

const SEED = Number(process.env.FC_SEED ?? 20261129);
const KEY = 'profile::web::port';
const FILES = ['data/common.yaml', 'data/roles/web.yaml', 'data/roles/db.yaml'] as const;
const HIERA = 'version: 5\ndefaults:\n  datadir: data\n  data_hash: yaml_data\nhierarchy:\n  - name: Roles\n    path: "roles/%{facts.role}.yaml"\n  - name: Common\n    path: common.yaml\n';
const FACTS = {
  'facts/web01.yaml': 'clientcert: web01.example.com\nhostname: web01\ndomain: example.com\nfqdn: web01.example.com\nrole: web\n',
  'facts/db01.yaml': 'clientcert: db01.example.com\nhostname: db01\ndomain: example.com\nfqdn: db01.example.com\nrole: db\n',
};

const option = fc.constantFrom('{convert_to: Integer}', '{convert_to: Boolean}', '{convert_to: Float}', '{convert_to: "Integer[0, 10]"}', '{convert_to: [String, "%d"]}',
  '{convert_to: Sensitive}', '{convert_to: Array}', '{convert_to: Integer, merge: unique}', '{merge: first}', '{convert_to: Numeric}');
const value = fc.constantFrom('"8080"', '"8080a"', 'yes', 'enabled', '12', '3.5', 'true', '""', '[1, 2]', '{a: 1}', '"0x1F"', '"%{facts.role}"', '~');
const fileArb = fc.record({
  entry: fc.option(fc.tuple(fc.constantFrom(KEY, '^profile::.*'), option), { nil: undefined }),
  value: fc.option(value, { nil: undefined }),
});

describe("hiera/convert-to-fails keeps its promise: each reported value fails the lookups that find it (property, src/hiera)", () => {
  it('random repos, fixed seed', function () {
    this.timeout(300_000);
    let checked = 0;
    fc.assert(
      fc.property(fc.tuple(fileArb, fileArb, fileArb), (spec) => {
        const files: Record<string, string> = { 'hiera.yaml': HIERA, ...FACTS };
        spec.forEach((f, i) => {
          const lo = f.entry ? `lookup_options:\n  "${f.entry[0]}": ${f.entry[1]}\n` : '';
          files[FILES[i]!] = lo + (f.value !== undefined ? `${KEY}: ${f.value}\n` : '');
        });
        withTree(files, (root) => {
          const reported = ruleAlone(root, rule).map((d) => d.file);
          if (reported.length === 0) return;
          const repo = loadRepo(root, { facts: 'facts' });
          const env = repo.hiera.find((h) => h.module === undefined)!;
          const base = createLookupBase({ environmentDir: root, environment: 'production' });
          const facts = loadFactsSync(join(root, 'facts'));
          for (const node of repo.nodes) {
            const first = repo.filesForNode(env, node).map((l) => l.file).find((f) => {
              const v = repo.getFile(f)?.load.value;
              return v instanceof Map && v.has(KEY);
            });
            if (first === undefined || !reported.includes(first)) continue;
            const r = lookup(contextFor(base, facts.find((f) => f.node === node.node)!), KEY);
            checked++;
            assert.ok(r.error && /convert_to/.test(r.error.message), `${node.node} finds ${first} (reported), yet its lookup gives ${r.found ? 'a value' : r.error?.message ?? 'nothing'}\n${showFiles(files)}`);
          }
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
    assert.ok(checked > 30, `${checked} node lookups checked`);
  });
});

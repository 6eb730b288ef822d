import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HieradriftError } from '../../src/source/index.js';
import { loadFacts } from '../../src/hiera/index.js';
import type { HValue } from '../../src/value/index.js';
import { tree } from './helpers.js';

describe('facts files and the trusted hash', () => {
  const dir = tree({
    'fleet/a.example.com.yaml': 'clientcert: a.example.com\nhostname: a\ndomain: example.com\nfqdn: a.example.com\nnullfact: ~\n',
    'fleet/b.json': '{"name": "b.example.com", "values": {"os": {"family": "RedHat"}}}',
    'fleet/cache.yaml': '--- !ruby/object:Puppet::Node::Facts\nname: c.example.com\nvalues:\n  role: db\n',
    'fleet/notes.txt': 'ignored',
    'pdb.json': JSON.stringify([
      { certname: 'd.example.com', facts: { data: [{ name: 'role', value: 'web' }, { name: 'count', value: 2 }] } },
      { certname: 'e.example.com', facts: { data: [{ name: 'role', value: 'db' }] } },
    ]),
    'trusted.yaml': 'trusted: {authenticated: remote, certname: x.example.com, extensions: {pp_role: api}}\n',
    'partial.yaml': 'hostname: p\n',
  });

  it('reads a directory as a fleet: facter -y, puppet facts ({name, values}), the yaml cache', async () => {
    const fleet = await loadFacts(join(dir, 'fleet'));
    assert.deepEqual(fleet.map((f) => f.node), ['a.example.com', 'b.example.com', 'c.example.com']);
    assert.equal(fleet[0]!.facts.get('nullfact'), '', 'nil facts are sanitised to ""');
    assert.equal((fleet[1]!.facts.get('os') as Map<string, HValue>).get('family'), 'RedHat');
  });

  it('derives trusted from clientcert as `puppet lookup --node` does, or from the exported node name', async () => {
    const [a, b] = await loadFacts(join(dir, 'fleet'));
    assert.deepEqual([...a!.trusted], [
      ['authenticated', 'local'],
      ['certname', 'a.example.com'],
      ['extensions', new Map()],
      ['hostname', 'a'],
      ['domain', 'example.com'],
      ['external', new Map()],
    ]);
    assert.equal(b!.trusted.get('certname'), 'b.example.com');
  });

  it('reads PuppetDB factset exports, one node per certname', async () => {
    const nodes = await loadFacts(join(dir, 'pdb.json'));
    assert.deepEqual(nodes.map((n) => [n.node, n.facts.get('role')]), [['d.example.com', 'web'], ['e.example.com', 'db']]);
    assert.equal(nodes[0]!.facts.get('count'), 2n);
  });

  it('uses a `trusted` fact hash verbatim', async () => {
    const [t] = await loadFacts(join(dir, 'trusted.yaml'));
    assert.equal(t!.trusted.get('certname'), 'x.example.com');
    assert.equal(t!.trusted.get('hostname'), undefined);
  });

  it('warns about the hostname/domain/fqdn/clientcert all-or-none rule', async () => {
    const [p] = await loadFacts(join(dir, 'partial.yaml'));
    assert.match(p!.diagnostics![0]!.message, /they must all be overridden/);
  });

  it('refuses a YAML facts file that is not UTF-8, as Psych does; JSON keeps such bytes', async () => {
    const root = tree({});
    try {
      writeFileSync(join(root, 'latin1.yaml'), Buffer.from([...Buffer.from('clientcert: n1\nrole: caf'), 0xe9, 0x0a]));
      await assert.rejects(loadFacts(join(root, 'latin1.yaml')), (err: Error) => err instanceof HieradriftError && /not valid UTF-8 \(Psych: incomplete UTF-8 octet sequence\)/.test(err.message));
      writeFileSync(join(root, 'latin1.json'), Buffer.from([...Buffer.from('{"clientcert": "n1", "role": "caf'), 0xe9, ...Buffer.from('"}')]));
      const [j] = await loadFacts(join(root, 'latin1.json'));
      assert.equal(j!.facts.get('role'), 'caf\uFFFD');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

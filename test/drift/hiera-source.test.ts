import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { run } from '../../src/cli/main.js';
import { configMappings, mappingsInManifest, shippedResourceFiles } from '../../src/drift/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fx = `${root}fixtures/drift/hiera-only`;
const NODE = 'node1.example.com';
// Plain secrets of the fixture (hash `secret: true`, deployed values) and the eyaml ciphertext.
const SECRETS = ['hash-mq-secret', 'deployed-mq-secret', 'deployed-eyaml-plain', 'MIIBeQYJ'];

async function cli(args: string[], cwd = root): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (err += s), cwd, env: {}, isTTY: false };
  const code = await run(['drift', ...args], io);
  return { code, out, err };
}

const base = (deployed = 'deployed'): string[] => ['--node', NODE, '--facts', `${fx}/facts/${NODE}.yaml`, '--environment-dir', `${fx}/repo`, '--deployed', `${fx}/${deployed}/${NODE}`];

interface Change { section: string; key: string; kind: string; expected: string[] | null; deployed: string[] | null; secret: boolean }
interface Doc { nodes: { files: { changes: Change[] }[]; coverage: { covered: string[]; uncovered: string[] } }[] }

describe('drift --facts: the Hiera-only expected source', () => {
  it('config hash values, mapped and extracted class parameters become expected keys', async () => {
    const { code, out } = await cli([...base(), '--format', 'json']);
    assert.equal(code, 1);
    const doc = JSON.parse(out) as Doc;
    const changes = doc.nodes[0]!.files.flatMap((f) => f.changes);
    const get = (s: string, k: string): Change | undefined => changes.find((c) => c.section === s && c.key === k);
    // nova::config::nova_config hash (common.yaml, hash-merged with the node's file).
    assert.deepEqual(get('libvirt', 'virt_type')?.expected, ['kvm']);
    assert.deepEqual(get('libvirt', 'virt_type')?.deployed, ['qemu']);
    assert.equal(get('DEFAULT', 'state_path'), undefined, 'node-level hash entry matches the deployed file');
    // .hieradrift.yaml mapping, munged as the provider does (true -> True).
    assert.deepEqual(get('DEFAULT', 'debug')?.expected, ['True']);
    // Extracted from the plain `'DEFAULT/reserved_host_memory_mb': value => $reserved_host_memory;`.
    assert.deepEqual(get('DEFAULT', 'reserved_host_memory_mb')?.expected, ['2048']);
    assert.equal(get('DEFAULT', 'not_plain'), undefined, 'interpolated values are not extracted');
    const t = get('DEFAULT', 'transport_url')!;
    assert.equal(t.kind, 'changed');
    assert.equal(t.secret, true);
    assert.deepEqual(doc.nodes[0]!.coverage, {
      covered: ['nova::compute::reserved_host_memory', 'nova::config::nova_config', 'nova::debug', 'nova::metadata_value'],
      uncovered: ['nova::scheduler::max_attempts'],
    });
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(`${root}schemas/drift-report.schema.json`, 'utf8')));
    assert.ok(validate(doc), JSON.stringify(validate.errors));
  });

  it('text output has the coverage line', async () => {
    const { out } = await cli(base());
    assert.match(out, /Hiera keys covered: 4, not covered: nova::scheduler::max_attempts\n/);
  });

  it('eyaml and secret values are masked in every format and in the diff', async () => {
    for (const format of ['text', 'json', 'markdown', 'junit', 'html']) {
      const { out, err } = await cli([...base(), '--format', format, '--diff', '--unmanaged']);
      for (const s of SECRETS) assert.ok(!out.includes(s) && !err.includes(s), `${format} leaks ${s}`);
      assert.match(out, /&lt;secret&gt;|<secret>/);
    }
    // The eyaml value cannot be decrypted: the key must exist, any value is accepted.
    const doc = JSON.parse((await cli([...base(), '--format', 'json'])).out) as Doc;
    assert.equal(doc.nodes[0]!.files.flatMap((f) => f.changes).find((c) => c.key === 'metadata_value'), undefined);
  });

  it('exit codes: 0 in sync, 1 drift, 2 usage', async () => {
    assert.equal((await cli(base('in-sync'))).code, 0);
    assert.equal((await cli(base())).code, 1);
    // No Hiera layer and no hiera.yaml in the working directory.
    assert.equal((await cli(['--node', NODE, '--facts', `${fx}/facts/${NODE}.yaml`, '--deployed', `${fx}/deployed/${NODE}`], `${fx}/facts`)).code, 2);
    assert.equal((await cli([...base(), '--catalog', `${fx}/x.json`])).code, 2);
    assert.equal((await cli([...base(), '--config', `${fx}/nope.yaml`])).code, 2);
  });

  it('reports the seeded drift of the bundled example', async () => {
    const ex = `${root}fixtures/repos/example`;
    const { code, out } = await cli(['--node', 'compute01.example.com', '--facts', `${ex}/facts/compute01.example.com.yaml`, '--environment-dir', ex, '--deployed', `${ex}/deployed/compute01.example.com`]);
    assert.equal(code, 1);
    assert.match(out, /\[libvirt\] virt_type: changed: deployed "qemu", expected "kvm"/);
    assert.match(out, /not covered: .*nova::debug/);
  });

  it('extracts only the plain manifest forms, and only class parameters', () => {
    const types = new Set(shippedResourceFiles().keys());
    const pp = `class nova::api (\n  $workers = 2,\n  $secret_x = undef,\n) {\n  $local = 1\n  nova_config {\n    'api/workers': value => $workers;\n    'api/local': value => $local;\n    'api/qualified': value => $::nova::other, secret => true;\n    'api/call': value => join($workers);\n  }\n  $h = { 'DEFAULT/s' => { value => $secret_x, secret => true } }\n}\n`;
    const got = mappingsInManifest(pp, 'api.pp', types).map(([k, m]) => `${k} ${m.type}:${m.section}/${m.key}${m.secret ? ' secret' : ''} ${m.origin}`);
    assert.deepEqual(got.sort(), [
      'nova::api::secret_x nova_config:DEFAULT/s secret api.pp:12',
      'nova::api::workers nova_config:api/workers api.pp:7',
      'nova::other nova_config:api/qualified secret api.pp:9',
    ]);
  });

  it('reads drift.mappings and reports malformed targets; the config schema accepts it', () => {
    const raw = load('mappings:\n  nova::debug: nova_config:DEFAULT/debug\n  nova::x: [nova_config:a/b, glance_api_config:c/d]\n  nova::bad: debug\n') as Record<string, unknown>;
    const { mappings, problems } = configMappings(raw['mappings'], '.hieradrift.yaml');
    assert.deepEqual([...mappings.keys()], ['nova::debug', 'nova::x']);
    assert.equal(mappings.get('nova::x')!.length, 2);
    assert.deepEqual(problems, ['drift.mappings.nova::bad: expected TYPE:SECTION/key']);
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(`${root}schemas/hieradrift-config.schema.json`, 'utf8')));
    assert.ok(validate(load(readFileSync(`${fx}/repo/.hieradrift.yaml`, 'utf8'))), JSON.stringify(validate.errors));
    assert.equal(validate({ drift: { mappings: { 'nova::debug': 'DEFAULT/debug' } } }), false);
  });
});

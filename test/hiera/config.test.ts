import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { loadHieraConfig } from '../../src/hiera/index.js';
import { FACTS, fakeIo, tree } from './helpers.js';

/** Kinds of broken hiera.yaml: each must give a positioned error (line, column) and CLI exit 2. */
const broken: { name: string; text: string; message: string; line: number; column: number }[] = [
  { name: 'unknown top-level key', text: 'version: 5\nfoo: 1\n', message: "has wrong type, unrecognized key 'foo'", line: 2, column: 1 },
  { name: 'unknown entry key', text: 'version: 5\nhierarchy:\n  - name: c\n    path: c.yaml\n    foo: bar\n', message: "entry 'hierarchy' index 0 unrecognized key 'foo'", line: 5, column: 5 },
  { name: 'entry without name', text: 'version: 5\nhierarchy:\n  - path: c.yaml\n', message: "entry 'hierarchy' index 0 expects a value for key 'name'", line: 3, column: 5 },
  { name: 'empty paths', text: 'version: 5\nhierarchy:\n  - name: c\n    paths: []\n', message: "entry 'paths' expects size to be at least 1, got 0", line: 4, column: 12 },
  { name: 'mapped_paths of 2', text: 'version: 5\nhierarchy:\n  - name: c\n    mapped_paths: [a, b]\n', message: "entry 'mapped_paths' expects size to be 3, got 2", line: 4, column: 19 },
  { name: 'empty path', text: 'version: 5\nhierarchy:\n  - name: c\n    path: ""\n', message: "entry 'path' expects a String[1] value, got String", line: 4, column: 11 },
  { name: 'bad option name', text: 'version: 5\nhierarchy:\n  - name: c\n    path: c.yaml\n    options:\n      a.b: 1\n', message: "key of entry 'a.b' expects a match for Pattern", line: 6, column: 7 },
  { name: 'version as string', text: 'version: "5"\n', message: "entry 'version' expects an Integer value, got String", line: 1, column: 10 },
  { name: 'version as float', text: 'version: 5.0\n', message: "entry 'version' expects an Integer value, got Float", line: 1, column: 10 },
  { name: 'version 6', text: 'version: 6\n', message: 'This runtime does not support hiera.yaml version 6', line: 1, column: 10 },
  { name: 'defaults without a function', text: 'version: 5\ndefaults:\n  datadir: data\nhierarchy:\n  - name: c\n    path: c.yaml\n', message: "One of data_hash, lookup_key, data_dig, or hiera3_backend must be defined in hierarchy 'c'", line: 5, column: 5 },
  { name: 'two functions', text: 'version: 5\nhierarchy:\n  - name: c\n    path: c.yaml\n    data_hash: yaml_data\n    lookup_key: eyaml_lookup_key\n', message: "Only one of data_hash, lookup_key, data_dig, or hiera3_backend can be defined in hierarchy 'c'", line: 3, column: 5 },
  { name: 'two locations', text: 'version: 5\nhierarchy:\n  - name: c\n    path: c.yaml\n    glob: "*.yaml"\n', message: 'Only one of path, paths, glob, globs, uri, uris, or mapped_paths', line: 3, column: 5 },
  { name: 'reserved option', text: 'version: 5\nhierarchy:\n  - name: c\n    path: c.yaml\n    options:\n      path: x\n', message: "Option key 'path' used in hierarchy 'c' is reserved by Puppet", line: 6, column: 7 },
  { name: 'default_hierarchy outside a module', text: 'version: 5\ndefault_hierarchy:\n  - name: c\n    path: c.yaml\n', message: "'default_hierarchy' is only allowed in the module layer", line: 2, column: 1 },
  { name: 'duplicate names', text: 'version: 5\nhierarchy:\n  - name: c\n    path: c.yaml\n  - name: c\n    path: d.yaml\n', message: "Hierarchy name 'c' defined more than once. First defined at (line: 3)", line: 5, column: 5 },
  { name: 'unknown function', text: 'version: 5\nhierarchy:\n  - name: c\n    path: c.yaml\n    data_hash: foo_data\n', message: "Unable to find 'data_hash' function named 'foo_data'", line: 5, column: 16 },
  { name: 'no location', text: 'version: 5\nhierarchy:\n  - name: c\n', message: "'yaml_data' one of 'path', 'paths' 'glob', 'globs' or 'mapped_paths' must be declared", line: 3, column: 5 },
  { name: 'method syntax in a path', text: "version: 5\nhierarchy:\n  - name: c\n    path: \"%{lookup('x')}.yaml\"\n", message: 'Interpolation using method syntax is not allowed in this context', line: 3, column: 5 },
  { name: 'hierarchy not a list', text: 'version: 5\nhierarchy: common\n', message: "entry 'hierarchy' expects an Array value, got String", line: 2, column: 12 },
  { name: 'version 4 in the global layer', text: 'version: 4\n', message: 'hiera.yaml version 4 cannot be used in the global layer', line: 1, column: 10 },
  { name: 'not a hash', text: '- a\n- b\n', message: 'does not contain a valid YAML hash', line: 1, column: 1 },
  { name: 'YAML syntax error', text: 'version: 5\nhierarchy: [\n', message: 'Unable to parse', line: 3, column: 1 },
];

describe('hiera.yaml loading and validation', () => {
  it(`covers at least 10 kinds of broken hiera.yaml (${broken.length})`, () => assert.ok(broken.length >= 10));

  for (const b of broken) {
    it(`${b.name}: positioned error, CLI exit 2`, async () => {
      const dir = tree({ 'hiera.yaml': b.text, 'facts.yaml': FACTS, 'data/c.yaml': 'k: v\n' });
      const r = await loadHieraConfig(join(dir, 'hiera.yaml'));
      assert.equal(r.config, undefined);
      const e = r.diagnostics.find((d) => d.severity === 'error');
      assert.ok(e, 'an error diagnostic');
      assert.ok(e.message.includes(b.message), e.message);
      assert.deepEqual([e.file, e.line, e.column], [join(dir, 'hiera.yaml'), b.line, b.column]);
      const io = fakeIo(dir);
      const code = await run(['lookup', 'k', '--hiera_config', 'hiera.yaml', '--facts', 'facts.yaml'], io);
      assert.equal(code, 2);
      assert.ok(io.err.includes(`hiera.yaml:${b.line}:${b.column}: error`), io.err);
      assert.ok(!/\n\s+at /.test(io.err), 'no stack trace');
    });
  }

  it('applies the defaults only when `defaults` is absent, and options replace defaults.options', async () => {
    const dir = tree({
      'hiera.yaml': 'version: 5\ndefaults:\n  data_hash: json_data\n  datadir: d\n  options: {a: 1}\nhierarchy:\n  - name: x\n    path: x.json\n  - name: y\n    path: y.yaml\n    data_hash: yaml_data\n    datadir: e\n    options: {b: 2}\n',
    });
    const { config, diagnostics } = await loadHieraConfig(join(dir, 'hiera.yaml'));
    assert.deepEqual(diagnostics, []);
    const [x, y] = config!.hierarchy;
    assert.deepEqual([x!.fn.name, x!.datadir, [...x!.options!.keys()]], ['json_data', 'd', ['a']]);
    assert.deepEqual([y!.fn.name, y!.datadir, [...y!.options!.keys()]], ['yaml_data', 'e', ['b']]);
  });

  it('uses the v5 default when hiera.yaml is missing, and a Common/common.yaml hierarchy when `hierarchy` is absent', async () => {
    const dir = tree({ 'hiera.yaml': 'version: 5\n' });
    const missing = await loadHieraConfig(join(dir, 'nope', 'hiera.yaml'));
    assert.equal(missing.config!.isDefault, true);
    const { config } = await loadHieraConfig(join(dir, 'hiera.yaml'));
    assert.equal(config!.hierarchy[0]!.name, 'Common');
    assert.deepEqual(config!.hierarchy[0]!.location, { kind: 'path', key: 'path', values: ['common.yaml'] });
  });

  it('ignores version 3 outside the global layer with a warning, and reads version 4 there', async () => {
    const v3 = tree({ 'hiera.yaml': ':backends: [yaml]\n' });
    const r3 = await loadHieraConfig(join(v3, 'hiera.yaml'), 'environment');
    assert.equal(r3.config, undefined);
    assert.match(r3.diagnostics[0]!.message, /version 3 found at the environment root was ignored/);
    assert.equal(r3.diagnostics[0]!.severity, 'warning');
    const v4 = tree({ 'hiera.yaml': 'version: 4\nhierarchy:\n  - name: common\n    backend: json\n' });
    const r4 = await loadHieraConfig(join(v4, 'hiera.yaml'), 'environment');
    assert.deepEqual(r4.config!.hierarchy[0]!.location, { kind: 'path', key: 'path', values: ['common.json'] });
  });
});

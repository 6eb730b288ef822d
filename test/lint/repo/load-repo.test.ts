import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadRepo } from '../../../src/lint/repo/load-repo.js';

describe('lint/repo loadRepo: the data files it lists', () => {
  let root: string;
  const put = (rel: string, text = 'a: 1\n'): void => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hieradrift-load-repo-'));
    put('hiera.yaml', 'version: 5\ndefaults: {datadir: data, data_hash: yaml_data}\nhierarchy:\n  - {name: n, path: "nodes/%{trusted.certname}.yaml"}\n  - {name: c, path: common.yaml}\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists YAML, JSON and eyaml files at any depth, skipping dot files and dot directories', () => {
    for (const f of ['common.yaml', 'nodes/a.yml', 'nodes/deep/er/b.json', 'x.eyaml', 'notes.txt', '.hidden.yaml', '.git/c.yaml', 'nodes/.cache/d.yaml']) put(`data/${f}`);
    assert.deepEqual(loadRepo(root).dataFilePaths, ['data/common.yaml', 'data/nodes/a.yml', 'data/nodes/deep/er/b.json', 'data/x.eyaml']);
  });

  it('takes a directory named like a data file for a directory, and follows symlinks to files and directories', () => {
    put('data/odd.yaml/inner.yaml');
    put('elsewhere/roles/web.yaml');
    put('elsewhere/one.yaml');
    symlinkSync(join(root, 'elsewhere/roles'), join(root, 'data/roles'));
    symlinkSync(join(root, 'elsewhere/one.yaml'), join(root, 'data/linked.yaml'));
    symlinkSync(join(root, 'missing.yaml'), join(root, 'data/dangling.yaml'));
    assert.deepEqual(loadRepo(root).dataFilePaths, ['data/linked.yaml', 'data/odd.yaml/inner.yaml', 'data/roles/web.yaml']);
  });

  it('a file that is there but cannot be read is a refused load, not absent; a missing one is absent', () => {
    put('data/odd.yaml/inner.yaml');
    put('data/common.yaml');
    const repo = loadRepo(root);
    // A level naming a directory: Puppet finds it and fails reading it (EISDIR).
    assert.match(repo.getFile('data/odd.yaml')?.load.error?.message ?? '', /^hieradrift cannot read this file \(EISDIR\): not linted$/);
    assert.equal(repo.getFile('data/nosuch.yaml'), undefined);
    assert.equal(repo.getFile('data/common.yaml/below.yaml'), undefined, 'ENOTDIR is absent too');
  });

  it('ends on a symlink loop', () => {
    put('data/common.yaml');
    symlinkSync(join(root, 'data'), join(root, 'data/loop'));
    const files = loadRepo(root).dataFilePaths;
    assert.equal(files[0], 'data/common.yaml');
    assert.ok(files.every((f) => f.endsWith('/common.yaml')));
  });

  it('releaseTree drops a walked tree but keeps the value, and parses the tree again when asked', () => {
    put('data/common.yaml', 'a:\n  b: [1, "x"]\nc: &k v\nd: *k\n');
    put('data/x.json', '{"a": {"b": [1, "x"]}}\n');
    const repo = loadRepo(root);
    for (const rel of ['data/common.yaml', 'data/x.json']) {
      const before = repo.getFile(rel)!;
      const { value, root: tree, diagnostics } = before.load;
      repo.releaseTree!(rel);
      const after = repo.getFile(rel)!;
      assert.equal(after.load.value, value, 'the same value object: rules compare and cache by it');
      assert.equal(after.load.diagnostics, diagnostics);
      assert.deepEqual(after.load.root, tree, 'the same tree, positions included');
      assert.equal(after.load.root, after.load.root, 'parsed once');
    }
  });

  it('factPaths: every dotted path the known nodes define, trusted included', () => {
    put('facts/a.yaml', 'clientcert: a.example.com\nos:\n  family: Debian\n');
    const paths = loadRepo(root).factPaths;
    for (const p of ['clientcert', 'os', 'os.family', 'trusted.certname']) assert.ok(paths.has(p), p);
    assert.equal(paths.has('os.release'), false);
  });
});

import { strict as assert } from 'node:assert';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { contextFor, createLookupBase, loadFactsSync, type LookupBase } from '../../../src/hiera/index.js';
import { makeFacts, type Facts } from '../../../src/hiera/facts.js';
import { LookupError } from '../../../src/hiera/errors.js';
import { levelLocations } from '../../../src/hiera/locations.js';
import { moduleLayer, type Layer } from '../../../src/hiera/context.js';
import type { HieraLevel } from '../../../src/hiera/config-types.js';
import { loadRepo } from '../../../src/lint/repo/load-repo.js';
import type { HieraModel, NodeFacts, RepoModel } from '../../../src/lint/repo/model.js';
import { tree } from '../../hiera/helpers.js';
import { scenariosDir } from '../../support/puppet-lookup-oracle.js';

/**
 * Lint's repo model (filesForNode) against src/hiera's levelLocations, which the Puppet differential tests
 * prove: per node, per level in order, the existing files each level reaches, repo-relative. A difference
 * means a lint rule calls a file unreachable (or redundant) that Puppet reads, or the reverse.
 */

/** One layer's answer for one node: `level: file, file` per level, in hierarchy order. */
type Reach = string[];

const isFile = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

/** Repo-relative and normalized: Pathname#+ keeps an inner `a/../b` verbatim, which the filesystem resolves as path.relative does. */
const rel = (root: string, abs: string): string => relative(root, abs).split('\\').join('/');

/** A module's default_hierarchy is read when its hierarchy finds nothing: lint appends it as the lowest levels. */
const levelsOf = (layer: Layer): HieraLevel[] => [...layer.config.hierarchy, ...(layer.config.defaultHierarchy ?? [])];

function hieraReach(base: LookupBase, layer: Layer, facts: Facts, root: string): Reach {
  const ctx = contextFor(base, facts);
  return levelsOf(layer).map((level) => {
    let locs: ReturnType<typeof levelLocations> = [];
    try {
      locs = levelLocations(ctx, layer, level) ?? [];
    } catch (err) {
      // mapped_paths over an Integer, Float or Boolean: Puppet fails every lookup of the node, so the level reads
      // no file; lint reaches none there either.
      if (!(err instanceof LookupError)) throw err;
    }
    const files = locs.filter((l) => !l.uri && !l.missing && isFile(l.path)).map((l) => rel(root, l.path));
    return `${level.name}: ${files.join(', ')}`;
  });
}

function lintReach(repo: RepoModel, h: HieraModel, node: NodeFacts): Reach {
  const byLevel = new Map(h.levels.map((l) => [l, [] as string[]]));
  for (const r of repo.filesForNode(h, node)) if (isFile(join(repo.root, r.file))) byLevel.get(r.level)!.push(r.file);
  return [...byLevel].map(([l, files]) => `${l.name}: ${files.join(', ')}`);
}

/**
 * The facts src/hiera gets for a lint node. Known, deliberate difference: a facts file with neither
 * `clientcert` nor `trusted` leaves trusted.certname nil in `puppet lookup --facts`, while lint names the node
 * (name, fqdn, file name) and makes that the certname so `nodes/%{trusted.certname}.yaml` levels resolve.
 * src/hiera then gets the certname lint uses, so this compares path resolution, not node naming.
 */
function hieraFactsFor(node: NodeFacts, all: readonly Facts[]): Facts {
  const mine = all.filter((f) => f.file !== undefined && basename(f.file) === basename(node.file));
  const f = mine.find((x) => x.node === node.node) ?? mine[0];
  assert.ok(f, `src/hiera reads no node from ${node.file}`);
  return f.trusted.get('certname') === null ? makeFacts(node.node, f.facts, f.file, true) : f;
}

interface Compared {
  nodes: number;
  levels: number;
}

/**
 * Compares every node of the environment layer and of each module layer lint models. Returns what it
 * compared; assertion messages name the layer and node.
 */
function compareRepo(root: string, factsDir: string, environment = 'production', lintEnvironment?: string): Compared {
  // Without lintEnvironment, lint names the environment itself (a scenario's directory name under environments/).
  const repo = loadRepo(root, { facts: relative(root, factsDir) || '.', ...(lintEnvironment !== undefined ? { environment: lintEnvironment } : {}) });
  const base = createLookupBase({ environmentDir: root, environment });
  const allFacts = loadFactsSync(factsDir);
  const env = repo.hiera.find((h) => h.module === undefined);
  // Puppet ignores a version 3 (or non-hash) hiera.yaml at the environment root: lint keeps it, with no levels.
  if (!base.environment) assert.deepEqual(env?.levels ?? [], [], 'Puppet has no environment layer, lint has levels');
  const out: Compared = { nodes: repo.nodes.length, levels: 0 };
  const layers: [HieraModel, Layer][] = env && base.environment ? [[env, base.environment]] : [];
  for (const h of repo.hiera) {
    if (h.module === undefined) continue;
    const layer = moduleLayer(base, h.module);
    assert.ok(typeof layer === 'object' && layer !== null, `lint reads ${h.file.file}, Puppet does not (${String(layer)})`);
    // Puppet reads the first directory named like the module on the modulepath; a later one is shadowed.
    assert.equal(resolve(root, h.file.file), layer.config.file, `module ${h.module}: lint reads ${h.file.file}, Puppet ${layer.config.file}`);
    layers.push([h, layer]);
  }
  for (const [h, layer] of layers) {
    for (const node of repo.nodes) {
      const facts = hieraFactsFor(node, allFacts);
      out.levels += levelsOf(layer).length;
      assert.deepEqual(lintReach(repo, h, node), hieraReach(base, layer, facts, root), `${h.file.file}, node ${node.node}`);
    }
  }
  return out;
}

/** Environments of the Puppet scenarios whose hiera.yaml src/hiera accepts (config errors fail every lookup). */
function scenarioEnvironments(): { scenario: string; env: string; dir: string; facts: string }[] {
  const out = [];
  for (const scenario of readdirSync(scenariosDir).sort()) {
    const envs = join(scenariosDir, scenario, 'code/environments');
    if (!statSync(envs, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const env of readdirSync(envs).sort()) {
      const dir = join(envs, env);
      if (createLookupBase({ environmentDir: dir, environment: env }).diagnostics.some((d) => d.severity === 'error')) continue;
      out.push({ scenario, env, dir, facts: join(scenariosDir, scenario, 'facts') });
    }
  }
  return out;
}

describe('lint/repo filesForNode agrees with src/hiera levelLocations', () => {
  describe('the Puppet scenarios (fixtures/hiera)', () => {
    const envs = scenarioEnvironments();
    let total = 0;
    for (const e of envs) {
      it(`${e.scenario}/${e.env}`, () => {
        const c = compareRepo(e.dir, e.facts, e.env);
        assert.ok(c.nodes > 0, 'no nodes compared');
        total += c.levels;
      });
    }
    it('covers the scenarios: at least 16 environments and 80 node-levels', () => {
      assert.ok(envs.length >= 16, `${envs.length} environments`);
      assert.ok(total >= 80, `${total} node-levels`);
    });
  });

  describe('hand-made repos', () => {
    const dirs: string[] = [];
    after(() => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });
    /** A repo with hiera.yaml, facts/ and data files; compares it and returns what it compared. */
    const check = (files: Record<string, string>, environment?: string): Compared => {
      const root = tree(files);
      dirs.push(root);
      const errors = createLookupBase({ environmentDir: root }).diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((d) => d.message), [], 'src/hiera refuses the hiera.yaml');
      return compareRepo(root, join(root, 'facts'), environment, environment);
    };
    const NODES = {
      'facts/a.yaml': 'clientcert: a.example.com\nhostname: a\ndomain: example.com\nfqdn: a.example.com\nrole: web\nroles: [web, db]\nos:\n  family: Debian\n  release:\n    major: "12"\n',
      'facts/b.yaml': 'clientcert: b.example.com\nhostname: b\ndomain: example.com\nfqdn: b.example.com\nrole: db\nroles: db\nos:\n  family: RedHat\n  release:\n    major: "9"\n',
      // No clientcert: lint names it from fqdn (see hieraFactsFor).
      'facts/c.yaml': 'fqdn: c.example.com\nrole: web\nos:\n  family: Debian\n  release:\n    major: "11"\n',
    };
    const DATA = {
      'data/common.yaml': 'a: 1\n',
      'data/nodes/a.example.com.yaml': 'a: 1\n',
      'data/nodes/c.example.com.yaml': 'a: 1\n',
      'data/roles/web.yaml': 'a: 1\n',
      'data/roles/db.yaml': 'a: 1\n',
      'data/os/Debian.yaml': 'a: 1\n',
      'data/os/Debian/12.yaml': 'a: 1\n',
      'data/os/RedHat/9.yaml': 'a: 1\n',
    };

    it('path, paths with several entries, %{::fact}, nested facts and trusted.certname', () => {
      const c = check({
        ...NODES,
        ...DATA,
        'hiera.yaml': `version: 5
hierarchy:
  - name: node
    path: "nodes/%{trusted.certname}.yaml"
  - name: top scope
    paths: ["roles/%{::role}.yaml", "os/%{::os.family}.yaml", missing.yaml, common.yaml]
  - name: nested
    path: "os/%{facts.os.family}/%{facts.os.release.major}.yaml"
  - name: common
    path: common.yaml
`,
      });
      assert.deepEqual(c, { nodes: 3, levels: 12 });
    });

    it('mapped_paths: an array fact, a string fact, top scope, empty and undefined', () => {
      const c = check({
        ...NODES,
        ...DATA,
        'facts/d.yaml': 'clientcert: d.example.com\nhostname: d\ndomain: example.com\nfqdn: d.example.com\nroles: []\n',
        'hiera.yaml': `version: 5
hierarchy:
  - name: facts array
    mapped_paths: [facts.roles, r, "roles/%{r}.yaml"]
  - name: top scope
    mapped_paths: ["::roles", x, "roles/%{x}.yaml"]
  - name: trusted
    mapped_paths: [trusted.certname, n, "nodes/%{n}.yaml"]
  - name: undefined
    mapped_paths: [facts.nosuch, r, "roles/%{r}.yaml"]
`,
      });
      assert.deepEqual(c, { nodes: 4, levels: 16 });
    });

    const GLOBBED = {
      'data/globbed/a1.yaml': 'a: 1\n',
      'data/globbed/b1.yaml': 'a: 1\n',
      'data/globbed/b2.yaml': 'a: 1\n',
      'data/globbed/sub/s.yaml': 'a: 1\n',
      'data/globbed/sub/deeper/t.yaml': 'a: 1\n',
      'data/globbed/.hidden.yaml': 'a: 1\n',
    };
    const globs = (levels: string): Record<string, string> => ({ ...NODES, ...DATA, ...GLOBBED, 'hiera.yaml': `version: 5\nhierarchy:\n${levels}` });

    it('glob: braces keep the order written, each alternative sorted', () => {
      const c = check(globs('  - name: braces\n    glob: "globbed/{b,a}*.yaml"\n  - name: several\n    globs: ["roles/%{facts.role}.*", "globbed/sub/*", "os/*.yaml"]\n'));
      assert.deepEqual(c, { nodes: 3, levels: 6 });
    });

    it('glob: ** walks directories only as a whole segment before /, else it is *', () => {
      const c = check(globs('  - name: recursive\n    glob: "globbed/**/*.yaml"\n  - name: star star alone\n    glob: "globbed/**.yaml"\n  - name: inside a name\n    glob: "glob**/*.yaml"\n'));
      assert.deepEqual(c, { nodes: 3, levels: 9 });
    });

    it('glob: files of any extension match', () => {
      const c = check({ ...globs('  - name: any extension\n    glob: "globbed/*"\n'), 'data/globbed/notes.txt': 'a: 1\n', 'data/globbed/noext': 'a: 1\n' });
      assert.deepEqual(c, { nodes: 3, levels: 3 });
    });

    it('glob: a pattern outside the datadirs (../)', () => {
      const c = check({ ...globs('  - name: outside\n    glob: "../shared/*.yaml"\n'), 'shared/x.yaml': 'a: 1\n', 'shared/y.yaml': 'a: 1\n' });
      assert.deepEqual(c, { nodes: 3, levels: 3 });
    });

    it('datadir interpolated per node, .. in paths and datadirs', () => {
      const c = check({
        ...NODES,
        ...DATA,
        'nodedata/a.example.com/x.yaml': 'a: 1\n',
        'nodedata/c.example.com/x.yaml': 'a: 1\n',
        'osdata/Debian/common.yaml': 'a: 1\n',
        'osdata/Debian/g1.yaml': 'a: 1\n',
        'osdata/RedHat/g2.yaml': 'a: 1\n',
        'shared/up.yaml': 'a: 1\n',
        'hiera.yaml': `version: 5
hierarchy:
  - name: per node datadir
    datadir: "nodedata/%{trusted.certname}"
    path: x.yaml
  - name: per os datadir
    datadir: "osdata/%{facts.os.family}"
    paths: [common.yaml, "../../data/roles/%{facts.role}.yaml"]
  - name: per os glob
    datadir: "osdata/%{facts.os.family}"
    glob: "g*.yaml"
  - name: per os mapped
    datadir: "osdata/%{::os.family}"
    mapped_paths: [facts.roles, r, "../../data/roles/%{r}.yaml"]
  - name: dotdot
    path: ../shared/up.yaml
  - name: dotdot datadir
    datadir: ./shared/../data/./os
    path: "%{facts.os.family}.yaml"
`,
      });
      assert.deepEqual(c, { nodes: 3, levels: 18 });
    });

    it('uri and uris levels reach no file', () => {
      const c = check({
        ...NODES,
        ...DATA,
        'hiera.yaml': `version: 5
hierarchy:
  - name: one uri
    lookup_key: eyaml_lookup_key
    uri: "http://example.com/%{trusted.certname}"
  - name: uris
    lookup_key: eyaml_lookup_key
    uris: [common.yaml, "http://example.com/x"]
  - name: common
    path: common.yaml
`,
      });
      assert.deepEqual(c, { nodes: 3, levels: 9 });
    });

    it('a trusted fact without authenticated and extensions is ignored, as Puppet::Node does', () => {
      const c = check({
        ...DATA,
        'facts/a.yaml': 'clientcert: a.example.com\nhostname: a\ndomain: example.com\nfqdn: a.example.com\ntrusted:\n  certname: c.example.com\n',
        'facts/b.yaml': 'clientcert: b.example.com\nhostname: b\ndomain: example.com\nfqdn: b.example.com\ntrusted:\n  authenticated: remote\n  certname: c.example.com\n  extensions: {}\n',
        'hiera.yaml': 'version: 5\nhierarchy:\n  - name: node\n    path: "nodes/%{trusted.certname}.yaml"\n',
      });
      assert.deepEqual(c, { nodes: 2, levels: 2 });
    });

    it('fact values that are not strings interpolate as Ruby to_s', () => {
      const c = check({
        ...DATA,
        'facts/a.yaml': 'clientcert: a.example.com\nhostname: a\ndomain: example.com\nfqdn: a.example.com\nbig: 1.0e+20\nratio: 1.5\ncount: 3\nenabled: true\n',
        'data/n/1.0e+20.yaml': 'a: 1\n',
        'data/n/1.5.yaml': 'a: 1\n',
        'data/n/3.yaml': 'a: 1\n',
        'data/n/true.yaml': 'a: 1\n',
        'hiera.yaml': 'version: 5\nhierarchy:\n  - name: numbers\n    paths: ["n/%{big}.yaml", "n/%{ratio}.yaml", "n/%{count}.yaml", "n/%{enabled}.yaml"]\n',
      });
      assert.deepEqual(c, { nodes: 1, levels: 1 });
    });

    it('scope expressions split and dug as Puppet does: Integer segments, quotes, ::, a fact under a server variable', () => {
      const c = check({
        ...DATA,
        'facts/a.yaml': 'clientcert: a.example.com\nhostname: a\ndomain: example.com\nfqdn: a.example.com\n' +
          'list: [x, y]\nbyint: {0: int, "1": str}\n"a.b": dotted\nname: fromfact\nenvironment: fromfact\nos:\n  family: Debian\n',
        'data/s/y.yaml': 'a: 1\n', 'data/s/x.yaml': 'a: 1\n', 'data/s/int.yaml': 'a: 1\n', 'data/s/str.yaml': 'a: 1\n',
        'data/s/dotted.yaml': 'a: 1\n', 'data/s/main.yaml': 'a: 1\n', 'data/s/fromfact.yaml': 'a: 1\n', 'data/s/.yaml': 'a: 1\n',
        'data/s/staging.yaml': 'a: 1\n', 'data/s/Debian.yaml': 'a: 1\n',
        'hiera.yaml': `version: 5
hierarchy:
  - name: integer segments
    paths: ["s/%{list.1}.yaml", "s/%{list.-1}.yaml", "s/%{facts.list.0}.yaml", "s/%{byint.0}.yaml", "s/%{byint.1}.yaml"]
  - name: quoted segments
    paths: ["s/%{facts.'a.b'}.yaml", "s/%{facts.\\"a.b\\"}.yaml", "s/%{::os.family}.yaml", "s/%{ facts . os . family }.yaml"]
  - name: server variables over facts
    paths: ["s/%{name}.yaml", "s/%{environment}.yaml", "s/%{settings::environment}.yaml", "s/%{facts.name}.yaml"]
`,
      }, 'staging');
      assert.deepEqual(c, { nodes: 1, levels: 3 });
    });

    it('a version 4 hiera.yaml: the path defaults to the name, the backend gives the extension', () => {
      const c = check({
        ...NODES,
        ...DATA,
        'data/nodes/a.example.com.json': '{"a": 1}\n',
        'hiera.yaml': 'version: 4\ndatadir: data\nhierarchy:\n  - name: "nodes/%{trusted.certname}"\n    backend: json\n  - name: os\n    backend: yaml\n    paths: ["os/%{facts.os.family}", "roles/%{facts.role}"]\n  - name: common\n    backend: yaml\n',
      });
      assert.deepEqual(c, { nodes: 3, levels: 9 });
    });

    it('module layers: the modulepath of environment.conf, the first module of a name, default_hierarchy', () => {
      const mod = (dir: string): Record<string, string> => ({
        [`${dir}/hiera.yaml`]: 'version: 5\nhierarchy:\n  - name: os\n    path: "os/%{facts.os.family}.yaml"\n  - name: common\n    path: common.yaml\ndefault_hierarchy:\n  - name: defaults\n    path: defaults.yaml\n',
        [`${dir}/data/os/Debian.yaml`]: 'a: 1\n',
        [`${dir}/data/common.yaml`]: 'a: 1\n',
        [`${dir}/data/defaults.yaml`]: 'a: 1\n',
      });
      const c = check({
        ...NODES,
        ...DATA,
        'hiera.yaml': 'version: 5\nhierarchy:\n  - name: common\n    path: common.yaml\n',
        'environment.conf': 'modulepath = site:modules:$basemodulepath\n',
        ...mod('site/profile'),
        ...mod('modules/profile'),
        ...mod('modules/apache'),
      });
      assert.deepEqual(c, { nodes: 3, levels: 3 + 3 * 3 * 2 });
    });

    it('module layers without environment.conf: modules/ only, as Puppet\'s default modulepath', () => {
      const c = check({
        ...NODES,
        ...DATA,
        'hiera.yaml': 'version: 5\nhierarchy:\n  - name: common\n    path: common.yaml\n',
        'site/profile/hiera.yaml': 'version: 5\n',
        'site/profile/data/common.yaml': 'a: 1\n',
        'modules/apache/hiera.yaml': 'version: 5\n',
        'modules/apache/data/common.yaml': 'a: 1\n',
      });
      assert.deepEqual(c, { nodes: 3, levels: 6 });
    });
  });
});

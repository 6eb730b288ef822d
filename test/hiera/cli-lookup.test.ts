import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { scenariosDir } from '../support/puppet-lookup-oracle.js';
import { fakeIo } from './helpers.js';

interface CliCase {
  id: string;
  scenario: string;
  args: string[];
  node?: string;
}
type Golden = Record<string, { exit: number; stdout: string; stderr: string }>;

const cases = JSON.parse(readFileSync(join(scenariosDir, '_cli/cases.json'), 'utf8')) as CliCase[];
const golden = JSON.parse(readFileSync(join(scenariosDir, '_cli/golden.json'), 'utf8')) as Golden;

/** Where hieradrift's CLI deliberately differs from `puppet lookup`, and why. */
const exitDifferences: Record<string, { exit: number; reason: string }> = {
  'deep-flags-without-deep': { exit: 2, reason: 'usage errors exit 2 in hieradrift' },
  'bad-merge-name': { exit: 2, reason: 'usage errors exit 2 in hieradrift' },
  'config-error': { exit: 2, reason: 'a broken hiera.yaml is a configuration error (exit 2), positioned' },
  'explain-not-found': { exit: 1, reason: 'hieradrift keeps exit 1 for not found even with --explain' },
};

async function hieradrift(c: CliCase): Promise<{ exit: number; out: string; err: string }> {
  const dir = join(scenariosDir, c.scenario);
  const node = c.node ?? 'n1.example.com';
  const io = fakeIo(dir);
  const exit = await run(['lookup', '--codedir', 'code', '--hiera_config', 'global/hiera.yaml', '--facts', `facts/${node}.yaml`, '--node', node, ...c.args], io);
  return { exit, out: io.out.split(scenariosDir).join('<fixtures>'), err: io.err };
}

describe('hieradrift lookup CLI against recorded `puppet lookup` runs', () => {
  for (const c of cases) {
    it(`${c.id}: ${c.args.join(' ')}`, async () => {
      const g = golden[c.id]!;
      const r = await hieradrift(c);
      assert.equal(r.exit, exitDifferences[c.id]?.exit ?? g.exit, r.err);
      // Values and explanations alike are compared byte for byte.
      assert.equal(r.out, g.stdout);
      if (g.exit !== 0) assert.ok(r.err.length > 0, 'hieradrift always says why on stderr');
    });
  }

  it('--environment-dir .../environments/staging is the staging environment, as `puppet lookup --environment staging`', async () => {
    const dir = join(scenariosDir, 'locations');
    const lookupIn = async (...args: string[]): Promise<string> => {
      const io = fakeIo(dir);
      const exit = await run(['lookup', '--facts', 'facts/n1.example.com.yaml', '--node', 'n1.example.com', '--render-as', 'json', ...args], io);
      assert.equal(exit, 0, io.err);
      return io.out.trim();
    };
    // golden.json (puppet lookup): both keys come from the files the staging name selects.
    const g = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8')) as Record<string, { value: unknown }>;
    for (const key of ['from_settings', 'from_env']) {
      assert.equal(await lookupIn('--environment-dir', 'code/environments/staging', key), JSON.stringify(g[`staging:n1:${key}`]!.value));
    }
    assert.equal(await lookupIn('--codedir', 'code', '--environment', 'staging', 'from_settings'), '"env/settings-staging.yaml"');
    assert.equal(await lookupIn('--environment-dir', 'code/environments/staging', '--environment', 'dev', 'from_settings'), '"common"');
  });

  it('prints a positioned message where Puppet is silent (alias not the whole string)', async () => {
    const r = await hieradrift({ id: 'x', scenario: 'interpolation', args: ['alias_with_text'] });
    assert.match(r.err, /common\.yaml:\d+:\d+: error .*'alias' interpolation is only permitted/);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveFleet } from '../src/hiera/index.js';
import type { Bench, BenchFigure } from './run.js';
import { generateHieraRepo } from './hiera-repo.js';

/** Every key of every node of a 1000-node synthetic control repo, and one real `puppet lookup` beside it. */
const bench: Bench = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hieradrift-bench-'));
  try {
    const { envDir, factsDir } = generateHieraRepo(dir);
    const figures: BenchFigure[] = [];
    const t0 = performance.now();
    const r = await resolveFleet({ environmentDir: envDir, facts: factsDir });
    const wall = (performance.now() - t0) / 1000;
    const lookups = [...r.values.values()].reduce((s, row) => s + row.size, 0);
    const errors = [...r.errors.values()].reduce((s, e) => s + e.size, 0);
    if (errors) throw new Error(`${errors} lookups failed in the synthetic repo`);
    figures.push({ name: `resolve ${r.values.size} nodes x ${r.keys.length} keys (load facts + resolve, wall)`, value: wall, unit: 's', target: '< 1.5 s' });
    figures.push({ name: 'values found (node x key)', value: lookups, unit: '' });
    figures.push({ name: 'lookups per second', value: (r.values.size * r.keys.length) / wall, unit: '/s' });
    // The command as operators run it: a cold process that resolves, masks and prints JSON.
    const bin = fileURLToPath(new URL('../../bin/hieradrift.js', import.meta.url));
    for (const jobs of ['1', String(Math.min(availableParallelism(), 4))]) {
      const t = medianWall(() => spawnSync(process.execPath, [bin, 'resolve', '--environment-dir', envDir, '--facts', factsDir, '--jobs', jobs], { stdio: ['ignore', 'ignore', 'inherit'] }), 3);
      figures.push({ name: `\`hieradrift resolve --jobs ${jobs}\` (${r.values.size} nodes, JSON to /dev/null) wall incl. node start`, value: t, unit: 's' });
    }
    const puppet = timePuppetLookup(dir, envDir, join(factsDir, 'node0001.example.com.yaml'));
    if (puppet !== undefined) figures.push({ name: 'one `puppet lookup` call (same repo, one key, one node)', value: puppet, unit: 's' });
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

function medianWall(run: () => { status: number | null }, runs: number): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    if (run().status !== 0) throw new Error('hieradrift resolve failed in the benchmark');
    t.push((performance.now() - t0) / 1000);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function timePuppetLookup(dir: string, envDir: string, facts: string): number | undefined {
  if (spawnSync('puppet', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const code = join(dir, 'code');
  mkdirSync(join(code, 'environments'), { recursive: true });
  spawnSync('cp', ['-r', envDir, join(code, 'environments', 'production')]);
  writeFileSync(join(dir, 'global.yaml'), 'version: 5\nhierarchy: []\n');
  const t0 = performance.now();
  const r = spawnSync('puppet', ['lookup', '--confdir', `${dir}/conf`, '--codedir', code, '--vardir', `${dir}/var`, '--rundir', `${dir}/run`,
    '--logdir', `${dir}/log`, '--hiera_config', join(dir, 'global.yaml'), '--facts', facts, '--node', 'node0001.example.com',
    '--render-as', 'json', 'profile::k7::setting'], { encoding: 'utf8' });
  const t = (performance.now() - t0) / 1000;
  return r.status === 0 ? t : undefined;
}

export default bench;

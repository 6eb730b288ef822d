import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEvents } from 'js-yaml';
import type { Bench, BenchFigure } from './run.js';
import { generate } from './lint.bench.js';
import { fastParseEvents } from '../src/yaml/fast-events.js';
import { loadDataFile, loadYaml } from '../src/yaml/index.js';

/** A realistic Hiera data file: profile keys, nested config hashes, lists, anchors and merge keys. */
export function dataFile(n: number, keys: number): string {
  const lines = [`# generated node data ${n}`, `defaults: &defaults`, `  ensure: present`, `  tries: 3`, `  timeout: 30.5`];
  for (let k = 0; k < keys; k++) {
    lines.push(`profile::service${k}::enabled: ${k % 3 === 0 ? 'yes' : 'false'}`);
    lines.push(`profile::service${k}::port: ${8000 + k}`);
    lines.push(`profile::service${k}::ratio: ${(k / 7).toFixed(3)}`);
    lines.push(`profile::service${k}::config:`);
    lines.push(`  <<: *defaults`);
    lines.push(`  url: "https://svc${k}.node${n}.example.com:${8000 + k}/v1"`);
    lines.push(`  mode: '0755'`);
    lines.push(`  packages:`);
    for (let p = 0; p < 3; p++) lines.push(`    - pkg-${k}-${p}`);
    lines.push(`  description: >-`);
    lines.push(`    Service ${k} on node ${n}, managed by Puppet;`);
    lines.push(`    do not edit by hand.`);
  }
  return lines.join('\n') + '\n';
}

/** Median and range of `runs` passes over texts, the first pass (cold code) reported apart. */
function passes(texts: readonly string[], f: (t: string) => unknown, runs: number): { first: number; median: number; min: number; max: number } {
  const t: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    for (const x of texts) f(x);
    t.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const warm = t.slice(1).sort((a, b) => a - b);
  return { first: t[0]!, median: warm[Math.floor(warm.length / 2)]!, min: warm[0]!, max: warm[warm.length - 1]! };
}

/** The event parser alone on the lint bench tree (typical Hiera): js-yaml vs the fast scanner, and loadYaml. */
async function parsers(): Promise<BenchFigure[]> {
  const root = await mkdtemp(join(tmpdir(), 'hieradrift-bench-yaml-lint-'));
  try {
    generate(root);
    const data = join(root, 'data');
    const texts = readdirSync(data, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
    const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
    const out: BenchFigure[] = [];
    const cases: [string, (t: string) => unknown][] = [
      ['fast scanner', (t) => fastParseEvents(t, 1000)],
      ['js-yaml parseEvents', (t) => parseEvents(t, { maxDepth: 1000 })],
      ['loadYaml (events + compose + values)', (t) => loadYaml(t, 'data.yaml')],
    ];
    // Each parser's first pass runs its code cold (loadYaml's reuses the warm fast scanner).
    for (const [name, f] of cases) {
      const r = passes(texts, f, 11);
      out.push({ name: `lint tree, ${name}: first pass (cold code)`, value: r.first, unit: 'ms' });
      out.push({ name: `lint tree, ${name}: warm median (range ${r.min.toFixed(1)}-${r.max.toFixed(1)} ms)`, value: r.median, unit: 'ms' });
      out.push({ name: `lint tree, ${name}: warm throughput`, value: mb / (r.median / 1e3), unit: 'MB/s' });
    }
    const accepted = texts.filter((t) => fastParseEvents(t, 1000) !== undefined).length;
    out.unshift({ name: `lint tree: ${texts.length} data files, ${mb.toFixed(2)} MB; the fast scanner takes`, value: accepted, unit: 'files' });
    return out;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const bench: Bench = async () => {
  const figures = await parsers();
  const dir = await mkdtemp(join(tmpdir(), 'hieradrift-bench-yaml-'));
  try {
    const files: string[] = [];
    let bytes = 0;
    for (let i = 0; i < 350; i++) {
      const sub = join(dir, 'data', ['nodes', 'roles', 'os', 'zones'][i % 4]!);
      await mkdir(sub, { recursive: true });
      const text = dataFile(i, 8 + (i % 5));
      const path = join(sub, `f${i}.yaml`);
      await writeFile(path, text);
      files.push(path);
      bytes += Buffer.byteLength(text);
    }
    for (const f of files.slice(0, 20)) await loadDataFile(f); // warm-up
    const rounds = 5;
    const start = process.hrtime.bigint();
    for (let r = 0; r < rounds; r++) {
      for (const f of files) {
        const res = await loadDataFile(f);
        if (res.error) throw new Error(`${f}: ${res.error.message}`);
      }
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9 / rounds;
    return [
      ...figures,
      { name: 'corpus size', value: bytes / 1e6, unit: `MB in ${files.length} files` },
      { name: 'load time (whole tree)', value: seconds * 1000, unit: 'ms' },
      { name: 'throughput', value: bytes / 1e6 / seconds, unit: 'MB/s' },
      { name: 'throughput', value: files.length / seconds, unit: 'files/s' },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

export default bench;

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench } from './run.js';
import { loadDataFile } from '../src/yaml/index.js';

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

const bench: Bench = async () => {
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

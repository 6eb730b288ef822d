import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIni } from '../src/ini/index.js';
import type { Bench } from './run.js';

/** A generated file shaped like Debian's nova.conf sample: ~10k lines, ~350 KB, mostly commented help. */
function novaLike(seed: number): string {
  let x = seed;
  const rnd = (n: number): number => ((x = (x * 1103515245 + 12345) % 2147483648) % n);
  const out: string[] = [];
  for (let s = 0; s < 60; s++) {
    out.push(s === 0 ? '[DEFAULT]' : `[section_${s}]`, '');
    for (let o = 0; o < 33; o++) {
      const name = `option_${s}_${o}`;
      out.push('#', `# Help text for ${name}, wrapped like the generator wraps it at seventy columns`);
      for (let h = rnd(4); h > 0; h--) out.push(`# more explanation of what ${name} does and which services read it.`);
      out.push('#', `# Possible values:`, '#', `# * A string (string value)`, `#${name} = <None>`, '');
      if (rnd(10) === 0) out.push(`${name} = value-${rnd(1000)}`, '');
      if (rnd(40) === 0) out.push(`${name}_multi = {"a": 1,`, `    "b": 2}`, '');
    }
  }
  return out.join('\n') + '\n';
}

const bench: Bench = async () => {
  const files = Array.from({ length: 40 }, (_, i) => novaLike(i + 1));
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f), 0);
  for (const f of files.slice(0, 5)) parseIni(f, 'warmup.conf');
  const rounds = 3;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const f of files) parseIni(f, 'nova.conf');
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const figures: { name: string; value: number; unit: string }[] = [
    { name: 'generated nova.conf size', value: bytes / files.length / 1024, unit: 'KiB/file' },
    { name: 'parse throughput', value: (bytes * rounds) / seconds / 1e6, unit: 'MB/s' },
    { name: 'parse rate (nova.conf-size files)', value: (files.length * rounds) / seconds, unit: 'files/s' },
  ];
  // oslo's own parser on the same files, for scale (skipped when oslo.config is not installed).
  const dir = mkdtempSync(join(tmpdir(), 'hieradrift-bench-ini-'));
  try {
    const paths = files.map((f, i) => {
      const p = join(dir, `nova-${i}.conf`);
      writeFileSync(p, f);
      return p;
    });
    const script =
      'import sys, json, time\nfrom oslo_config import cfg\npaths = json.load(sys.stdin)\nt = time.perf_counter()\n' +
      'for p in paths: cfg.ConfigParser(p, {}).parse()\nprint(time.perf_counter() - t)';
    const r = spawnSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(paths), encoding: 'utf8' });
    if (r.status === 0) figures.push({ name: 'oslo.config ConfigParser (reference)', value: files.length / Number(r.stdout), unit: 'files/s' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
};
export default bench;

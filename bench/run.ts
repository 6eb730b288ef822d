import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One measured figure, printed as a line and collected for notes. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The target, when it names one, e.g. '< 1.5 s'. */
  target?: string;
}

/** A benchmark module: `bench/<name>.bench.ts` with a default export of this shape. */
export type Bench = () => Promise<BenchFigure[]>;

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.js')).sort();
for (const f of files) {
  const name = f.replace(/\.bench\.js$/, '');
  if (only.length && !only.includes(name)) continue;
  const mod = (await import(pathToFileURL(`${here}/${f}`).href)) as { default: Bench };
  console.log(`# ${name}`);
  for (const fig of await mod.default()) {
    const target = fig.target ? `   (target ${fig.target})` : '';
    console.log(`  ${fig.name}: ${fig.value.toFixed(fig.value < 10 ? 3 : 1)} ${fig.unit}${target}`);
  }
}

import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import type { run as runCli } from './main.js';

/**
 * Loads the CLI bundle (dist/cli/main.cjs, written by scripts/bundle-cli.ts) as a classic script with V8's
 * code cache beside it. Node 20 has no compile cache for ES modules; a classic script can take one, so a
 * cold command skips parsing and compiling the functions the cache holds. V8 checks the cache against its
 * own version, flags and the source, and compiles from source when it does not match: a stale or foreign
 * cache costs time, never correctness. Nothing here writes: the build makes the cache.
 */
export interface LoadedBundle {
  run: typeof runCli;
  /** The compiled script, for the build to take a cache from after a warm-up run. */
  script: Script;
  /** What V8 did with the cache file: used it, refused it (another Node or flags), or there was none. */
  cache: 'accepted' | 'rejected' | 'none';
}

export function loadBundle(file: string, cacheFile?: string): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as { run?: typeof runCli } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  if (typeof module.exports.run !== 'function') throw new Error(`${file} does not export run(): rebuild with npm run build`);
  return { run: module.exports.run, script, cache: !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted' };
}

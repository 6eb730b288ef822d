import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from './config.js';
import { isInside } from './project.js';
import { FACT_FILE } from './repo/facts.js';
import { DATA_FILE } from './repo/load-repo.js';
import type { RepoModel } from './repo/model.js';

/** A file the caller reads besides the repo's own (OpenStack config files, a baseline), with what it is. */
export interface ExtraInput {
  path: string;
  what: string;
}

/**
 * What `path` is among a lint run's inputs, or undefined when writing it cannot change them: the repo's data
 * files and hiera.yaml files, its facts, its configuration, the caller's extra inputs, and any new file a later
 * run would read as data or facts. `--output data/common.yaml` must not replace the data it reports on.
 */
export function inputRole(p: { root: string; repo: RepoModel; config: ResolvedConfig }, path: string, extra: readonly ExtraInput[] = []): string | undefined {
  const target = real(path);
  for (const x of extra) if (real(x.path) === target) return x.what;
  if (p.config.path && real(p.config.path) === target) return 'the configuration file';
  const root = real(p.root);
  if (!isInside(root, target)) return undefined;
  const rel = relative(root, target).split(sep).join('/');
  const { repo } = p;
  if (repo.hiera.some((h) => h.file.file === rel)) return 'a hiera.yaml of the repo';
  if (repo.dataFilePaths.includes(rel)) return 'a Hiera data file';
  const under = (dir: string): boolean => dir === '' || dir === '.' || rel.startsWith(`${dir}/`);
  if (DATA_FILE.test(rel) && repo.dataDirs.some(under)) return 'inside a data directory, where Hiera would read it as data';
  if (rel === repo.factsPath) return 'the facts file';
  if (under(repo.factsPath) && FACT_FILE.test(rel)) return 'inside the facts directory, where it would be read as facts';
  return undefined;
}

/** The path with symlinks resolved, also for a file that does not exist yet (through its directory). */
function real(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync.native(abs);
  const dir = dirname(abs);
  return dir === abs ? abs : join(real(dir), basename(abs));
}

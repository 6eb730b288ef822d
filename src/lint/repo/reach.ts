import { tokenize } from './interpolation.js';
import type { HieraLevel, HieraModel, RepoModel } from './model.js';

/** Whether a level's locations depend on the node (facts, trusted, mapped_paths). */
export function levelVaries(level: HieraLevel): boolean {
  return level.kind === 'mapped' || level.patterns.some((p) => tokenize(p.text).length > 0) || level.datadir.includes('%{');
}

/** The hiera.yaml whose data directories hold a file: the module's for module data, else the environment's. */
export function ownerOf(repo: RepoModel, file: string): HieraModel | undefined {
  let best: HieraModel | undefined;
  for (const h of repo.hiera) {
    if (h.dir && !file.startsWith(`${h.dir}/`)) continue;
    if (!best || h.dir.length > best.dir.length) best = h;
  }
  return best;
}

/**
 * Files each hiera.yaml reaches for some known node. With no facts, only levels that do not depend on
 * the node can be resolved, and `complete` says whether the answer covers every level.
 */
export function reachedFiles(repo: RepoModel, h: HieraModel): { files: Set<string>; complete: boolean } {
  const files = new Set<string>();
  const complete = repo.nodes.length > 0 || !h.levels.some(levelVaries);
  const probe = repo.nodes.length ? repo.nodes : [{ node: '', facts: new Map(), trusted: new Map(), file: '' }];
  for (const n of probe) for (const r of repo.filesForNode(h, n)) files.add(r.file);
  return { files, complete };
}

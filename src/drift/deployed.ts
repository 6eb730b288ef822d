import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HieradriftError } from '../source/index.js';
import type { DeployedFile, ExpectedNode } from './types.js';

const MAX_BYTES = 16 * 1024 * 1024;

/** The root directory of one node: `DIR/<certname>` when it exists (fleet layout), else DIR itself. */
export function nodeRoot(dir: string, node: string): string {
  const sub = join(dir, node);
  return node && existsSync(sub) && statSync(sub).isDirectory() ? sub : dir;
}

/** Reads every file the node's catalog manages from under `root`; a missing file has `text` undefined. */
export function readDeployedFiles(root: string, expected: ExpectedNode): DeployedFile[] {
  return expected.files.map((f) => readDeployedFile(root, f.path));
}

export function readDeployedFile(root: string, path: string): DeployedFile {
  const location = join(root, path);
  if (!existsSync(location)) return { path, location, text: undefined };
  const st = statSync(location);
  if (!st.isFile()) throw new HieradriftError('io', `${location} is not a regular file`);
  if (st.size > MAX_BYTES) throw new HieradriftError('io', `${location} is larger than ${MAX_BYTES} bytes`);
  // oslo decodes strictly as UTF-8; invalid bytes make the service fail, so keep U+FFFD visible in the diff.
  return { path, location, text: readFileSync(location, 'utf8') };
}

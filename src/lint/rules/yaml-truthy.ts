import type { HValue } from '../../value/index.js';
import type { YScalar } from '../../yaml/index.js';
import { mayHoldKey } from '../repo/key-prefilter.js';
import type { RepoModel } from '../repo/model.js';
import { defineRule, type DataFile, type KeyPath } from '../types.js';

const TRUTHY = /^(?:yes|no|on|off)$/i;

export type TruthyOptions = {
  /** Report every bare yes/no/on/off, not only where the key's other values are strings. */
  always: boolean;
};

export default defineRule<'truthy' | 'bare', TruthyOptions>({
  id: 'yaml/truthy',
  meta: {
    description: 'A bare yes/no/on/off that Puppet reads as a boolean where the key otherwise holds strings',
    severity: 'warning',
    scope: 'repo',
    messages: {
      truthy: "Puppet (YAML 1.1) reads '{{source}}' as the boolean {{value}}, but other values of '{{key}}' are strings; quote it to keep the string",
      bare: "Puppet (YAML 1.1) reads '{{source}}' as the boolean {{value}}; quote it if '{{key}}' should hold the string",
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { always: { type: 'boolean', description: 'Report every bare yes/no/on/off' } },
    },
    docs: {
      rationale:
        "Psych follows YAML 1.1: `yes`, `no`, `on` and `off` (in any case) are booleans. When other levels give the same key " +
        "string values such as `'auto'`, the bare `no` silently changes the value's type for some nodes.",
      file: 'data/roles/web.yaml',
      invalid: "# data/common.yaml has  apache::server_signature: 'Off'\napache::server_signature: off\n",
      valid: "apache::server_signature: 'Off'\n",
    },
  },
  defaultOptions: { always: false },
  create(ctx) {
    const candidates: { node: YScalar; path: KeyPath; file: DataFile }[] = [];
    return {
      scalar(node, path, file) {
        if (node.style !== 'plain' || typeof node.value !== 'boolean' || !TRUTHY.test(node.source)) return;
        candidates.push({ node, path, file });
      },
      end() {
        for (const c of candidates) {
          const peers = peersAreStrings(c.path, c.file, ctx.repo);
          if (!peers && !ctx.options.always) continue;
          // With `always`, a value whose peers are not strings gets a message that does not claim they are.
          ctx.report({
            source: c.file, node: c.node, messageId: peers ? 'truthy' : 'bare', path: c.path,
            data: { source: c.node.source, value: String(c.node.value), key: c.path.join('.') },
            suggestion: `'${c.node.source}'`,
          });
        }
      },
    };
  },
});

/** Whether the key's values elsewhere (other files, or sibling items of the same list) are strings. */
function peersAreStrings(path: KeyPath, file: DataFile, repo: RepoModel): boolean {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const list = at(file.load.value, path.slice(0, -1));
    if (Array.isArray(list) && list.some((x) => typeof x === 'string')) return true;
  }
  // A pre-commit run lints one file: only the files that may hold the key are parsed, not the whole tree.
  const top = path[0];
  for (const f of repo.dataFilePaths) {
    if (f === file.file) continue;
    if (typeof top === 'string') {
      const text = repo.getText(f);
      if (text === undefined || !mayHoldKey(text, top)) continue;
    }
    const v = at(repo.getFile(f)?.load.value, path);
    if (typeof v === 'string' || (Array.isArray(v) && v.some((x) => typeof x === 'string'))) return true;
  }
  return false;
}

function at(v: HValue | undefined, path: KeyPath): HValue | undefined {
  let cur = v;
  for (const seg of path) {
    if (cur instanceof Map) cur = cur.get(seg);
    else if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else return undefined;
  }
  return cur;
}

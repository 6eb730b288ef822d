import { firstLineSpan } from '../positions.js';
import type { HieraModel } from '../repo/model.js';
import { ownerOf, reachedFiles } from '../repo/reach.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'hiera/unreachable-data-file',
  meta: {
    description: 'A data file that no hierarchy level reaches for any known node',
    severity: 'warning',
    scope: 'repo',
    messages: {
      unreachable: 'No hierarchy level of {{hiera}} reaches this file for any of the {{nodes}} known nodes: Puppet never reads it',
    },
    docs: {
      rationale:
        'A file named after a role that no node has, a typo in a directory name or a stale node file is never ' +
        'read, so edits to it change nothing. The rule resolves every level for every known node (the `facts/` ' +
        'directory) and reports data files none of them reach. Without facts it only judges hierarchies whose paths ' +
        'do not depend on the node.',
      file: 'data/role/web.yaml',
      invalid: '# hiera.yaml reads roles/%{facts.role}.yaml, not role/\napache::mpm: event\n',
      valid: '# moved to data/roles/web.yaml\napache::mpm: event\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const reached = new Map<HieraModel, ReturnType<typeof reachedFiles>>();
    return {
      file(file) {
        const h = ownerOf(ctx.repo, file.file);
        if (!h) return;
        let r = reached.get(h);
        if (!r) reached.set(h, (r = reachedFiles(ctx.repo, h)));
        if (!r.complete || r.files.has(file.file)) return;
        ctx.report({
          source: file, span: firstLineSpan(file.text), messageId: 'unreachable',
          data: { hiera: h.file.file, nodes: ctx.repo.nodes.length },
        });
      },
    };
  },
});

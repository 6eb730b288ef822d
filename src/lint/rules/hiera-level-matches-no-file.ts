import { tokenize } from '../repo/interpolation.js';
import type { NodeFacts } from '../repo/model.js';
import { levelVaries } from '../repo/reach.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'hiera/level-matches-no-file',
  meta: {
    description: 'A hierarchy path that matches no data file for any known node',
    severity: 'warning',
    scope: 'repo',
    messages: {
      noFile: "'{{path}}' matches no data file for any of the {{nodes}} known nodes",
      noFileStatic: "'{{path}}' matches no data file: the level never contributes data",
    },
    docs: {
      rationale:
        'Puppet silently skips a path that does not exist, so a typo in a fact name (`%{facts.os.famly}`) or a ' +
        'directory that was renamed turns a level off for the whole fleet without any error.',
      file: 'hiera.yaml',
      invalid: 'version: 5\nhierarchy:\n  - name: Per-OS\n    path: "osfamily/%{facts.os.family}.yaml"\n  - name: Common\n    path: common.yaml\n',
      valid: 'version: 5\nhierarchy:\n  - name: Per-OS\n    path: "os/%{facts.os.family}.yaml"\n  - name: Common\n    path: common.yaml\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const { repo } = ctx;
    const existing = new Set(repo.dataFilePaths);
    // A path level reads any file it names, inside the data directories or not (`../shared/x.yaml`, `x.txt`).
    const exists = (f: string): boolean => existing.has(f) || repo.getText(f) !== undefined;
    return {
      hieraConfig(file) {
        const h = repo.hiera.find((x) => x.file.file === file.file);
        if (!h) return;
        // A pattern that names no variable reaches the same files for every node, and without facts too.
        const probe = repo.nodes[0] ?? NO_NODE;
        for (const level of h.levels) {
          if (level.kind !== 'path' && level.kind !== 'glob') continue;
          const varies = levelVaries(level);
          if (varies && repo.nodes.length === 0) continue;
          for (const p of level.patterns) {
            // Glob results are files that exist.
            const reaches = (n: NodeFacts): boolean => repo.filesForNode(h, n).some((r) => r.pattern === p && (level.kind === 'glob' || exists(r.file)));
            const hit = !varies && tokenize(p.text).length === 0 ? reaches(probe) : repo.nodes.some(reaches);
            if (hit) continue;
            ctx.report({
              source: file, node: p.node, messageId: varies ? 'noFile' : 'noFileStatic',
              data: { path: p.text, nodes: repo.nodes.length }, path: [level.section ?? 'hierarchy', level.index, level.kind === 'glob' ? 'glob' : 'path'],
            });
          }
        }
      },
    };
  },
});

const NO_NODE: NodeFacts = { node: '', facts: new Map(), trusted: new Map(), file: '' };

import { posix } from 'node:path';
import { tokenize } from '../repo/interpolation.js';
import { rubyGlobToRegExp } from '../repo/glob.js';
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
    return {
      hieraConfig(file) {
        const h = repo.hiera.find((x) => x.file.file === file.file);
        if (!h) return;
        for (const level of h.levels) {
          if (level.kind !== 'path' && level.kind !== 'glob') continue;
          const varies = levelVaries(level);
          if (varies && repo.nodes.length === 0) continue;
          for (const p of level.patterns) {
            let hit = false;
            if (!varies && tokenize(p.text).length === 0) {
              const target = posix.normalize(posix.join(level.datadir, p.text));
              hit = level.kind === 'glob' ? repo.dataFilePaths.some((f) => rubyGlobToRegExp(target).test(f)) : existing.has(target);
            } else {
              hit = repo.nodes.some((n) => repo.filesForNode(h, n).some((r) => r.pattern === p && existing.has(r.file)));
            }
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

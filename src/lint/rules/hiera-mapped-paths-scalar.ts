import { defineRule } from '../types.js';

export default defineRule({
  id: 'hiera/mapped-paths-scalar',
  meta: {
    description: 'A mapped_paths variable that is a number or a boolean for some node, which fails every lookup of that node',
    severity: 'error',
    scope: 'repo',
    messages: {
      scalar:
        "'{{variable}}' is {{what}} for {{count}} of the {{nodes}} known nodes ({{example}}): Puppet fails every lookup " +
        "of those nodes with \"undefined method `empty?'\"; mapped_paths needs a String or an Array",
    },
    docs: {
      rationale:
        'Puppet asks the mapped_paths variable whether it is empty before it maps it. A String or an Array can answer; ' +
        'an Integer, a Float or a Boolean cannot, so every lookup of such a node fails with NoMethodError and its ' +
        'catalog does not compile (measured with Puppet 7). A fact such as `count` or `is_virtual` named by mistake ' +
        'breaks the nodes whose facts make it a number or a boolean, and only those.',
      file: 'hiera.yaml',
      invalid: 'version: 5\nhierarchy:\n  - name: Per-role\n    mapped_paths: [facts.is_virtual, r, "roles/%{r}.yaml"]\n',
      valid: 'version: 5\nhierarchy:\n  - name: Per-role\n    mapped_paths: [facts.roles, r, "roles/%{r}.yaml"]\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const { repo } = ctx;
    return {
      hieraConfig(file) {
        const h = repo.hiera.find((x) => x.file.file === file.file);
        if (!h) return;
        for (const level of h.levels) {
          const m = level.mapped;
          if (level.kind !== 'mapped' || !m) continue;
          const kinds = new Set<string>();
          const names: string[] = [];
          for (const node of repo.nodes) {
            const v = repo.scope(node, m.variable);
            if (typeof v !== 'bigint' && typeof v !== 'number' && typeof v !== 'boolean') continue;
            kinds.add(typeof v === 'boolean' ? 'a Boolean' : typeof v === 'bigint' ? 'an Integer' : 'a Float');
            names.push(node.node);
          }
          if (names.length === 0) continue;
          const what = [...kinds].join(' or ');
          ctx.report({
            source: file, node: m.variableNode, messageId: 'scalar', path: [level.section ?? 'hierarchy', level.index, 'mapped_paths', 0],
            data: { variable: m.variable, what, count: names.length, nodes: repo.nodes.length, example: names.slice(0, 3).join(', ') + (names.length > 3 ? ', ...' : '') },
          });
        }
      },
    };
  },
});

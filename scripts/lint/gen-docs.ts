import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleSlug } from '../../src/lint/positions.js';
import { ruleMap } from '../../src/lint/rules/index.js';
import type { Rule } from '../../src/lint/types.js';

/** docs/rules/<slug>.md from a rule's metadata: the one source of truth for the page. */
export function ruleDoc(rule: Rule): string {
  const m = rule.meta;
  const level = m.severity === 'warning' ? 'warn' : m.severity;
  const file = m.docs.file ?? 'data/common.yaml';
  const fence = (s: string): string => '```yaml\n' + s.replace(/\uFEFF/g, '<BOM>') + (s.endsWith('\n') ? '' : '\n') + '```';
  const options = m.schema?.properties
    ? Object.entries(m.schema.properties as Record<string, { type?: string; description?: string }>)
        .map(([k, v]) => `- \`${k}\` (${v.type ?? 'any'}, default \`${JSON.stringify((rule.defaultOptions as Record<string, unknown>)[k])}\`): ${v.description ?? ''}`)
        .join('\n')
    : 'None.';
  return [
    `---\nid: ${rule.id}\nseverity: ${m.severity}\nscope: ${m.scope}\n---`,
    `# ${rule.id}\n\n${m.description}.`,
    `Default level: \`${level}\`. ${m.scope === 'repo' ? 'Looks across the whole repo (hierarchy, facts, other files), also when only some files are linted.' : 'Looks at one file at a time.'}`,
    `## Why\n\n${m.docs.rationale}`,
    `## Wrong (\`${file}\`)\n\n${fence(m.docs.invalid)}`,
    `## Right\n\n${fence(m.docs.valid)}`,
    `## Messages\n\n${Object.entries(m.messages).map(([id, t]) => `- \`${id}\`: ${t}`).join('\n')}`,
    `## Options\n\n${options}`,
    `## Configure\n\n\`\`\`yaml\n# .hieradrift.yaml\nrules:\n  ${rule.id}: off   # or info, warn, error\n\`\`\`\n\nSilence one line: \`# hieradrift-disable-line ${rule.id} -- reason\`.`,
  ].join('\n\n') + '\n';
}

export function docPath(root: string, id: string): string {
  return `${root}/docs/rules/${ruleSlug(id)}.md`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  for (const [id, rule] of ruleMap) writeFileSync(docPath(root, id), ruleDoc(rule));
  console.log(`wrote ${ruleMap.size} rule pages to docs/rules/`);
}

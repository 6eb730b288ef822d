import { createHash } from 'node:crypto';
import { pointer, type Formatter } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0 with one run, for GitHub code scanning (`upload-sarif`). */
export const sarif: Formatter = (input) => {
  const used = [...new Set(input.results.flatMap((r) => r.diagnostics.map((d) => d.ruleId)))].sort();
  const ruleIndex = new Map(used.map((id, i) => [id, i]));
  const rules = used.map((id) => {
    const info = input.rules.get(id);
    return {
      id,
      name: pascal(id),
      shortDescription: { text: info?.description ?? id },
      ...(info ? { helpUri: info.docsUrl, defaultConfiguration: { level: LEVEL[info.severity] } } : {}),
    };
  });
  const results = input.results.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId)!,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
          ...(d.path ? { logicalLocations: [{ fullyQualifiedName: pointer(d.path)!, kind: 'member' }] } : {}),
        },
      ],
      partialFingerprints: { 'hieradrift/v1': hash(`${d.ruleId}\0${d.file}\0${JSON.stringify(d.path ?? [])}\0${d.message}`) },
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'hieradrift', version: input.toolVersion, informationUri: 'https://github.com/hieradrift/hieradrift', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function pascal(id: string): string {
  return id.split(/[/-]/).map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('');
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 32);
}

import type { Formatter } from './types.js';

/** JUnit XML: one testsuite per file, one failing testcase per finding, one passing case per clean file. */
export const junit: Formatter = (input) => {
  const byFile = new Map(input.results.map((r) => [r.file, r]));
  const files = [...new Set([...(input.files ?? []), ...byFile.keys()])].sort();
  let tests = 0;
  let failures = 0;
  const suites = files.map((file) => {
    const r = byFile.get(file);
    const ds = r?.diagnostics ?? [];
    const cases = ds.length
      ? ds.map((d) => {
          const name = `${d.ruleId} ${d.line}:${d.column}`;
          return `    <testcase classname="${esc(file)}" name="${esc(name)}" file="${esc(file)}" line="${d.line}">\n` +
            `      <failure type="${d.severity}" message="${esc(d.message)}">${esc(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]`)}</failure>\n` +
            '    </testcase>';
        })
      : [`    <testcase classname="${esc(file)}" name="hieradrift" file="${esc(file)}"/>`];
    tests += cases.length;
    failures += ds.length;
    return `  <testsuite name="${esc(file)}" tests="${cases.length}" failures="${ds.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="hieradrift" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
};

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

import { totals, type Formatter } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands, one annotation per finding, grouped by file. */
export const github: Formatter = (input) => {
  let out = '';
  for (const r of input.results) {
    if (!r.diagnostics.length) continue;
    out += `::group::${data(r.file)}\n`;
    for (const d of r.diagnostics) {
      const props = [
        `file=${prop(d.file)}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${prop(d.ruleId)}`,
      ].join(',');
      out += `::${COMMAND[d.severity]} ${props}::${data(d.message)}\n`;
    }
    out += '::endgroup::\n';
  }
  const t = totals(input.results);
  return `${out}hieradrift: ${t.errors} error(s), ${t.warnings} warning(s) in ${input.fileCount} file(s)\n`;
};

function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

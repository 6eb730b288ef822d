import { Chalk } from 'chalk';
import { totals, type Formatter } from './types.js';

/** ESLint's layout: a header per file, `line:col  level  message  rule`, then a summary. */
export const stylish: Formatter = (input, { color }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  let out = '';
  for (const r of input.results) {
    if (r.diagnostics.length === 0) continue;
    out += `\n${c.underline(r.file)}\n`;
    const rows = r.diagnostics.map((d) => [
      `${d.line}:${d.column}`,
      d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info'),
      d.message + (d.suggestion ? ` (suggestion: ${d.suggestion})` : ''),
      c.dim(d.ruleId),
    ]);
    const w0 = Math.max(...rows.map((x) => x[0]!.length));
    const w1 = Math.max(...r.diagnostics.map((d) => d.severity.length));
    for (const [pos, level, msg, rule] of rows) {
      const pad = ' '.repeat(w1 - (level!.replace(/\x1b\[[0-9;]*m/g, '').length));
      out += `  ${c.dim(pos!.padEnd(w0))}  ${level}${pad}  ${msg}  ${rule}\n`;
    }
  }
  const t = totals(input.results);
  const problems = t.errors + t.warnings + t.infos;
  const files = `${input.fileCount} file${input.fileCount === 1 ? '' : 's'} checked`;
  const suppressed = t.suppressed ? `, ${t.suppressed} suppressed` : '';
  if (problems === 0) return `${out}${c.green('✔')} ${files}: no problems${suppressed}\n`;
  const mark = t.errors ? c.red.bold('✖') : c.yellow.bold('⚠');
  const line = `${mark} ${problems} problem${problems === 1 ? '' : 's'} (${t.errors} error${t.errors === 1 ? '' : 's'}, ${t.warnings} warning${t.warnings === 1 ? '' : 's'}${t.infos ? `, ${t.infos} info` : ''}) in ${files}${suppressed}`;
  return `${out}\n${t.errors ? c.red.bold(line) : c.yellow.bold(line)}\n`;
};

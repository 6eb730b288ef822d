import { extname, resolve } from 'node:path';
import { HieradriftError, type Diagnostic } from '../../source/index.js';
import { renderJson, renderYaml, type HValue } from '../../value/index.js';
import { loadDataFile } from '../../yaml/index.js';
import { maskValue } from '../../security/index.js';
import { loadIniForDump } from '../../ini/index.js';
import { ExitCode } from '../io.js';
import type { RegisterCommand } from './index.js';

export type DumpFormat = 'json' | 'yaml';

/** What a loader hands back to `dump`: the value the real system sees, or why it refuses the file. */
export interface DumpLoad {
  value?: HValue;
  error?: Diagnostic;
  /** Pre-rendered output, for file kinds whose natural form is not an HValue (e.g. INI). */
  render?: (format: DumpFormat) => string;
}

export type DumpHandler = (path: string) => Promise<DumpLoad>;

const hieraData: DumpHandler = async (path) => {
  const r = await loadDataFile(path);
  // eyaml ciphertext is masked before any rendering: dump must never print it.
  return r.error ? { error: r.error } : { value: maskValue(r.value ?? null, undefined, path) };
};

/** File kinds `dump` understands, by extension; a new kind is one more entry. */
export const dumpHandlers = new Map<string, DumpHandler>([
  ['.yaml', hieraData],
  ['.yml', hieraData],
  ['.eyaml', hieraData],
  ['.json', hieraData],
  ['.conf', loadIniForDump],
  ['.ini', loadIniForDump],
]);

export const registerDump: RegisterCommand = (program, io, setExit) => {
  program
    .command('dump')
    .description('print what Puppet sees in a Hiera data file (JSON as `puppet lookup --render-as json` renders it), or what oslo.config sees in a .conf/.ini file')
    .argument('<file>', 'a Hiera data file (.yaml, .yml, .eyaml, .json) or an oslo.config file (.conf, .ini)')
    .option('--format <format>', 'json or yaml', 'json')
    .action(async (file: string, o: { format: string }) => {
      if (o.format !== 'json' && o.format !== 'yaml') throw new HieradriftError('usage', `unknown format '${o.format}' (json, yaml)`);
      const ext = extname(file).toLowerCase();
      const handler = dumpHandlers.get(ext);
      if (!handler) throw new HieradriftError('usage', `dump does not know '${ext || file}' files (${[...dumpHandlers.keys()].join(', ')})`);
      const loaded = await handler(resolve(io.cwd, file));
      if (loaded.error) {
        const d = loaded.error;
        io.stderr(`${file}:${d.line}:${d.column}: ${d.message}\n`);
        setExit(ExitCode.findings);
        return;
      }
      const format = o.format as DumpFormat;
      if (loaded.render) io.stdout(loaded.render(format));
      else {
        const value = loaded.value ?? null;
        io.stdout(format === 'json' ? `${renderJson(value)}\n` : renderYaml(value));
      }
      setExit(ExitCode.ok);
    });
};

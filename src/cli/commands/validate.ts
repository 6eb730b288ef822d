import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseIni } from '../../ini/index.js';
import {
  loadSchemaFile,
  loadServiceSchema,
  serviceForFile,
  validateConfig,
  type ServiceSchema,
} from '../../openstack/index.js';
import { formatDiagnosticLine, HieradriftError, type Diagnostic } from '../../source/index.js';
import { ExitCode } from '../io.js';
import type { RegisterCommand } from './index.js';

interface Options {
  service?: string;
  schema?: string;
  release: string;
  format: string;
}

const MAX_BYTES = 16 * 1024 * 1024;

async function readConfig(path: string): Promise<string> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw new HieradriftError('io', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (buf.length > MAX_BYTES) throw new HieradriftError('input', `${path} is larger than ${MAX_BYTES} bytes`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    // oslo opens config files as UTF-8 text: an undecodable byte stops the service (UnicodeDecodeError).
    throw new HieradriftError('input', `${path} is not valid UTF-8; oslo.config cannot read it`);
  }
}

function schemaFor(file: string, o: Options, cwd: string): ServiceSchema {
  if (o.schema) return loadSchemaFile(resolve(cwd, o.schema));
  const service = o.service ?? serviceForFile(file);
  if (!service) {
    throw new HieradriftError('usage', `cannot tell which service ${file} belongs to; pass --service NAME or --schema FILE`);
  }
  return loadServiceSchema(service, o.release);
}

export const registerValidate: RegisterCommand = (program, io, setExit) => {
  program
    .command('validate')
    .description('check OpenStack config files against the services\' own option definitions')
    .argument('<files...>', 'oslo.config files (nova.conf, keystone.conf, ...)')
    .option('--service <name>', 'service schema to use (nova, keystone, neutron, glance-api, cinder, neutron-ml2, glance-cache, ...)')
    .option('--schema <file>', 'a schema file from schemas/openstack/<release>/')
    .option('--release <name>', 'OpenStack release of the shipped schemas', 'zed')
    .option('--format <format>', 'text or json', 'text')
    .action(async (files: string[], o: Options) => {
      if (o.format !== 'text' && o.format !== 'json') throw new HieradriftError('usage', `unknown format '${o.format}' (text, json)`);
      if (o.service && o.schema) throw new HieradriftError('usage', '--service and --schema exclude each other');
      const all: Diagnostic[] = [];
      for (const file of files) {
        const schema = schemaFor(file, o, io.cwd);
        const text = await readConfig(resolve(io.cwd, file));
        all.push(...validateConfig(parseIni(text, file), schema));
      }
      if (o.format === 'json') io.stdout(JSON.stringify({ diagnostics: all }, null, 2) + '\n');
      else for (const d of all) io.stdout(formatDiagnosticLine(d) + (d.suggestion ? ` (suggestion: ${d.suggestion})` : '') + '\n');
      const errors = all.filter((d) => d.severity === 'error').length;
      if (o.format === 'text') {
        io.stderr(`${files.length} file(s), ${errors} error(s), ${all.length - errors} other finding(s)\n`);
      }
      setExit(errors > 0 ? ExitCode.findings : ExitCode.ok);
    });
};

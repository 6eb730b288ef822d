import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Sections in file order as [name, [key, values][]] pairs (JSON objects would reorder integer-like names). */
export type OsloSectionList = [string, [string, string[]][]][];

export type OsloParseResult =
  | { ok: true; sections: OsloSectionList; normalized: OsloSectionList }
  | {
      ok: false;
      /** ParseError, UnicodeDecodeError, ... */
      type: string;
      /** str(exception): `at FILE:N, MSG: REPR` for a ParseError. */
      str: string;
      msg?: string;
      lineno?: number;
      line?: string | null;
      /** What ConfigParser had stored before raising. */
      sections?: OsloSectionList;
    };

// cfg.ConfigParser(filename, sections).parse(), exactly what a service does for one --config-file.
const SCRIPT = `
import sys, json
from oslo_config import cfg, iniparser
def pairs(d):
    return [[s, [[k, v] for k, v in keys.items()]] for s, keys in d.items()]
out = []
for path in json.load(sys.stdin):
    sections, normalized = {}, {}
    p = cfg.ConfigParser(path, sections)
    p._add_normalized(normalized)
    try:
        p.parse()
        out.append({'ok': True, 'sections': pairs(sections), 'normalized': pairs(normalized)})
    except iniparser.ParseError as e:
        out.append({'ok': False, 'type': type(e).__name__, 'str': str(e), 'msg': e.msg,
                    'lineno': e.lineno, 'line': e.line, 'sections': pairs(sections)})
    except Exception as e:
        out.append({'ok': False, 'type': type(e).__name__, 'str': str(e)})
json.dump(out, sys.stdout)
`;

/** Parses every file with oslo's ConfigParser in ONE python process. */
export function osloParseFiles(paths: readonly string[]): OsloParseResult[] {
  if (paths.length === 0) return [];
  const r = spawnSync('/usr/bin/python3', ['-c', SCRIPT], {
    input: JSON.stringify(paths),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    // open() uses the locale encoding; services run with UTF-8.
    env: { ...process.env, LC_ALL: 'C.UTF-8', PYTHONUTF8: '1' },
  });
  if (r.status !== 0) throw new Error(`oslo oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as OsloParseResult[];
}

/** Writes each text (or exact bytes) to a scratch file and parses them all in one batch. */
export function osloParseTexts(texts: readonly (string | Uint8Array)[]): { results: OsloParseResult[]; paths: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'hieradrift-oslo-'));
  try {
    const paths = texts.map((t, i) => {
      const p = join(dir, `case-${i}.conf`);
      writeFileSync(p, t);
      return p;
    });
    return { results: osloParseFiles(paths), paths };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

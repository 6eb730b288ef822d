import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { OsloType } from '../../src/openstack/index.js';
import { root } from './support.js';

export interface ValidatorRecord {
  level: 'ERROR' | 'WARNING' | 'INFO' | 'CRASH' | string;
  message: string;
}
export interface OracleAnswer {
  validate: { rc: number; records: ValidatorRecord[] }[];
  types: { ok: boolean; message?: string }[];
}

/** One Python process answers the whole batch (see oslo_oracle.py). */
export function askOslo(req: { validate?: { service: string; file: string }[]; types?: { type: OsloType; value: string }[] }): OracleAnswer {
  const r = spawnSync('/usr/bin/python3', [join(root, 'test', 'openstack', 'oslo_oracle.py')], {
    input: JSON.stringify(req),
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`oslo oracle failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as OracleAnswer;
}

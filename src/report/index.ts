import { HieradriftError } from '../source/index.js';
import { codeclimate } from './codeclimate.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatOptions, ReportInput, RuleInfo } from './types.js';

/** Every output format by name; `gitlab` is an alias of `codeclimate`. */
export const formatters = { stylish, json, sarif, junit, github, codeclimate, gitlab: codeclimate } as const satisfies Record<string, Formatter>;
export type FormatName = keyof typeof formatters;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}

/** The formatter for a name; an unknown name is a usage error (exit 2). */
export function loadFormatter(name: string): Formatter {
  if (!isFormatName(name)) throw new HieradriftError('usage', `unknown format '${name}' (known: ${Object.keys(formatters).join(', ')})`);
  return formatters[name];
}

/** Whether colour is on: FORCE_COLOR wins, then NO_COLOR (set and non-empty), then whether stdout is a TTY. */
export function useColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

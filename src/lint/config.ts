import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { load as loadYamlConfig } from 'js-yaml';
import { HieradriftError, type Severity } from '../source/index.js';
import { globToRegExp } from './repo/glob.js';
import { describeErrors, shippedSchema, validator } from './schema-check.js';
import type { Rule } from './types.js';

export type RuleLevel = 'off' | 'info' | 'warn' | 'error';
export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

/** The content of `.hieradrift.yaml` (schemas/hieradrift-config.schema.json). */
export interface HieradriftConfig {
  rules?: Record<string, RuleSetting>;
  overrides?: { files: string[]; rules: Record<string, RuleSetting> }[];
  ignores?: string[];
  hiera?: string;
  facts?: string;
  reportUnusedDisableDirectives?: boolean;
}

export const CONFIG_NAMES = ['.hieradrift.yaml', '.hieradrift.yml'] as const;

/** Config with every rule's level and options settled, and per-path lookups. */
export interface ResolvedConfig {
  readonly raw: HieradriftConfig;
  /** Where it came from, or undefined for the defaults. */
  readonly path?: string;
  severity(ruleId: string, file: string): Severity | 'off';
  options(ruleId: string): Record<string, unknown>;
  isIgnored(file: string): boolean;
  /** Whether any path enables the rule (the engine skips rules that are off everywhere). */
  enabledAnywhere(ruleId: string): boolean;
}

const LEVEL: Record<RuleLevel, Severity | 'off'> = { off: 'off', info: 'info', warn: 'warning', error: 'error' };

function levelOf(s: RuleSetting): RuleLevel {
  return typeof s === 'string' ? s : s[0];
}

/** Searches upward from `start` for .hieradrift.yaml, stopping at a `.git` directory. */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const n of CONFIG_NAMES) if (existsSync(join(dir, n))) return join(dir, n);
    if (existsSync(join(dir, '.git'))) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Reads and validates a config file; a bad file is a ConfigError (exit 2), never a silent default. */
export function loadConfig(path: string, rules: ReadonlyMap<string, Rule>): ResolvedConfig {
  let raw: unknown;
  try {
    raw = loadYamlConfig(readFileSync(path, 'utf8')) ?? {};
  } catch (err) {
    throw new HieradriftError('config', `${path}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  return resolveConfig(raw, rules, path);
}

export function resolveConfig(raw: unknown, rules: ReadonlyMap<string, Rule>, path?: string): ResolvedConfig {
  const where = path ?? 'config';
  // The empty config (no .hieradrift.yaml) is valid by the schema: skip compiling it on the pre-commit path.
  const empty = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0;
  const validate = empty ? undefined : validator(shippedSchema('hieradrift-config.schema.json'));
  if (validate && !validate(raw)) throw new HieradriftError('config', `${where}: ${describeErrors(validate.errors)}`);
  const cfg = raw as HieradriftConfig;
  const settings = [cfg.rules ?? {}, ...(cfg.overrides ?? []).map((o) => o.rules)];
  for (const s of settings) {
    for (const [id, setting] of Object.entries(s)) {
      const rule = rules.get(id);
      if (!rule) throw new HieradriftError('config', `${where}: unknown rule '${id}'`);
      const opts = typeof setting === 'string' ? undefined : setting[1];
      if (opts !== undefined) {
        const v = validator(rule.meta.schema ?? { type: 'object', additionalProperties: false });
        if (!v(opts)) throw new HieradriftError('config', `${where}: options of rule '${id}': ${describeErrors(v.errors)}`);
      }
    }
  }
  const overrides = (cfg.overrides ?? []).map((o) => ({ res: o.files.map(globToRegExp), rules: o.rules }));
  const ignores = (cfg.ignores ?? []).map(globToRegExp);
  const base = new Map<string, RuleLevel>();
  for (const [id, r] of rules) base.set(id, cfg.rules?.[id] !== undefined ? levelOf(cfg.rules[id]!) : defaultLevel(r.meta.severity));
  return {
    raw: cfg,
    ...(path ? { path } : {}),
    severity(ruleId, file) {
      let level = base.get(ruleId) ?? 'off';
      for (const o of overrides) {
        const s = o.rules[ruleId];
        if (s !== undefined && o.res.some((re) => re.test(file))) level = levelOf(s);
      }
      return LEVEL[level];
    },
    options(ruleId) {
      const s = cfg.rules?.[ruleId];
      const given = s && typeof s !== 'string' ? s[1] : undefined;
      return { ...(rules.get(ruleId)?.defaultOptions as Record<string, unknown>), ...given };
    },
    isIgnored(file) {
      return ignores.some((re) => re.test(file));
    },
    enabledAnywhere(ruleId) {
      if (base.get(ruleId) !== 'off') return true;
      return overrides.some((o) => o.rules[ruleId] !== undefined && levelOf(o.rules[ruleId]!) !== 'off');
    },
  };
}

function defaultLevel(s: Severity): RuleLevel {
  return s === 'warning' ? 'warn' : s;
}

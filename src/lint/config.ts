import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { load as loadYamlConfig } from 'js-yaml';
import { HieradriftError, type Severity } from '../source/index.js';
import { globToRegExp } from './repo/glob.js';
import { loadYaml } from '../yaml/index.js';
import { fileError, nodeAt } from './file-error.js';
import { describePath, schemaProblems, shippedSchema, validator } from './schema-check.js';
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
  environment?: string;
  reportUnusedDisableDirectives?: boolean;
}

export const CONFIG_NAMES = ['.hieradrift.yaml', '.hieradrift.yml'] as const;

/** Config with every rule's level and options settled, and per-path lookups. */
export interface ResolvedConfig {
  readonly raw: HieradriftConfig;
  /** Where it came from, or undefined for the defaults. */
  readonly path?: string;
  severity(ruleId: string, file: string): Severity | 'off';
  /** The rule's options; for a file, with the options of the overrides matching it applied. */
  options(ruleId: string, file?: string): Record<string, unknown>;
  isIgnored(file: string): boolean;
  /** Whether any path enables the rule (the engine skips rules that are off everywhere). */
  enabledAnywhere(ruleId: string): boolean;
  /** Whether some override gives the rule options (else `options(ruleId)` holds for every file). */
  hasPathOptions(ruleId: string): boolean;
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
export function loadConfig(path: string, rules: ReadonlyMap<string, Rule>, shown: string = path): ResolvedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new HieradriftError('config', `cannot read config ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let raw: unknown;
  try {
    raw = loadYamlConfig(text) ?? {};
  } catch (err) {
    const mark = (err as { mark?: { position?: number } }).mark;
    const reason = (err as { reason?: string }).reason ?? (err instanceof Error ? err.message.split('\n')[0]! : String(err));
    const at = mark?.position;
    throw fileError('config', shown, text, [{ message: `YAML syntax error: ${reason}`, ...(at !== undefined ? { offset: { start: at, end: at + 1 } } : {}) }]);
  }
  return resolveConfig(raw, rules, path, text, shown);
}

/** A config problem at a data path of the file (the key itself with `key`). */
interface ConfigProblem {
  path: string[];
  key?: string;
  message: string;
  /** The path the message names, when not `path` (an option names its rule). */
  shown?: string[];
}

/**
 * Checks and settles a config. With the file's `text`, each problem is reported at its line and column
 * (the config's YAML is read again by the positioned loader, only when there is a problem).
 */
export function resolveConfig(raw: unknown, rules: ReadonlyMap<string, Rule>, path?: string, text?: string, shown?: string): ResolvedConfig {
  const where = shown ?? path ?? 'config';
  const fail = (problems: ConfigProblem[]): never => {
    const root = text === undefined ? null : loadYaml(text, where).root;
    throw fileError(
      'config',
      where,
      text,
      problems.map((p) => {
        const node = nodeAt(root, p.path, p.key);
        const message =
          p.key !== undefined && p.path.length === 0
            ? `unknown top-level key '${p.key}' (known: ${topLevelKeys().join(', ')})`
            : `${describePath(p.shown ?? (p.key === undefined ? p.path : [...p.path, p.key]))}: ${p.message}`;
        return { message, ...(node ? { offset: node.span } : {}) };
      }),
    );
  };
  // The empty config (no .hieradrift.yaml) is valid by the schema: skip compiling it on the pre-commit path.
  const empty = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0;
  const validate = empty ? undefined : validator(shippedSchema('hieradrift-config.schema.json'));
  if (validate && !validate(raw)) fail(schemaProblems(validate.errors, raw));
  const cfg = raw as HieradriftConfig;
  const problems: ConfigProblem[] = [];
  const sections: [string[], Record<string, RuleSetting>][] = [
    [['rules'], cfg.rules ?? {}],
    ...(cfg.overrides ?? []).map((o, i): [string[], Record<string, RuleSetting>] => [['overrides', String(i), 'rules'], o.rules]),
  ];
  for (const [at, s] of sections) {
    for (const [id, setting] of Object.entries(s)) {
      const rule = rules.get(id);
      if (!rule) {
        problems.push({ path: at, key: id, message: `unknown rule '${id}'${suggestRule(id, rules)}` });
        continue;
      }
      const opts = typeof setting === 'string' ? undefined : setting[1];
      if (opts !== undefined) {
        const v = validator(rule.meta.schema ?? { type: 'object', additionalProperties: false });
        if (!v(opts)) {
          for (const p of schemaProblems(v.errors, opts)) {
            const opt = [...p.path, ...(p.key === undefined ? [] : [p.key])];
            const message = `${opt.length ? `option '${opt.join('.')}'` : 'options'}: ${p.key === undefined ? p.message : 'unknown option'}`;
            problems.push({ ...p, path: [...at, id, '1', ...p.path], shown: [...at, id], message });
          }
        }
      }
    }
  }
  if (problems.length) fail(problems);
  const overrides = (cfg.overrides ?? []).map((o) => ({ res: o.files.map(globToRegExp), rules: o.rules }));
  const ignores = (cfg.ignores ?? []).map(globToRegExp);
  const base = new Map<string, RuleLevel>();
  for (const [id, r] of rules) base.set(id, cfg.rules?.[id] !== undefined ? levelOf(cfg.rules[id]!) : defaultLevel(r.meta.severity));
  const optionsOf = (s: RuleSetting | undefined): Record<string, unknown> | undefined => (s && typeof s !== 'string' ? s[1] : undefined);
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
    options(ruleId, file) {
      let out = { ...(rules.get(ruleId)?.defaultOptions as Record<string, unknown>), ...optionsOf(cfg.rules?.[ruleId]) };
      if (file === undefined) return out;
      // As for levels, matching overrides apply in order; one that sets only a level keeps the options.
      for (const o of overrides) {
        const given = optionsOf(o.rules[ruleId]);
        if (given && o.res.some((re) => re.test(file))) out = { ...out, ...given };
      }
      return out;
    },
    isIgnored(file) {
      return ignores.some((re) => re.test(file));
    },
    enabledAnywhere(ruleId) {
      if (base.get(ruleId) !== 'off') return true;
      return overrides.some((o) => o.rules[ruleId] !== undefined && levelOf(o.rules[ruleId]!) !== 'off');
    },
    hasPathOptions(ruleId) {
      return overrides.some((o) => optionsOf(o.rules[ruleId]) !== undefined);
    },
  };
}

function topLevelKeys(): string[] {
  return Object.keys((shippedSchema('hieradrift-config.schema.json') as { properties: object }).properties).filter((k) => k !== '$schema');
}

/** ` (did you mean 'yaml/truthy'?)` for a near miss, else nothing. */
function suggestRule(id: string, rules: ReadonlyMap<string, Rule>): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const known of rules.keys()) {
    const d = distance(id, known);
    if (d < bestD) [best, bestD] = [known, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(id.length / 4)) ? ` (did you mean '${best}'?)` : '';
}

function defaultLevel(s: Severity): RuleLevel {
  return s === 'warning' ? 'warn' : s;
}

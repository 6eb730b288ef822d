import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LookupError, UnsupportedRegexpError } from '../../src/hiera/errors.js';
import { rubyRegExp } from '../../src/hiera/ruby-regexp.js';

/** Both sides of the Ruby regexp agreement (test/hiera/ruby-regexp.test.ts): Ruby's answers and hieradrift's. */

export interface Probe {
  source: string;
  subjects: string[];
}

export interface SubjectAnswer {
  /** `m[0]`, null when the pattern does not match. */
  match: string | null;
  /** `subject.gsub(re, '')`: what deep_merge's knockout does with the prefix pattern. */
  gsub: string;
}

export type Answer = { error: string } | { results: SubjectAnswer[] };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ORACLE = join(ROOT, 'scripts', 'hiera', 'ruby-regexp-oracle.rb');

export function rubyInstalled(): boolean {
  return spawnSync('ruby', ['--version']).status === 0;
}

export function rubyVersion(): string {
  return spawnSync('ruby', ['-e', 'print RUBY_DESCRIPTION'], { encoding: 'utf8' }).stdout;
}

/** Ruby's answers for every probe, in one ruby process. */
export function rubyAnswers(probes: Probe[]): Answer[] {
  const r = spawnSync('ruby', [ORACLE], { input: JSON.stringify(probes), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`ruby ${ORACLE} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Answer[];
}

export type DriftAnswer = Answer | { unsupported: string };

/** hieradrift's answers: rubyRegExp's refusal, or String#match and gsub done with the translated RegExp. */
export function hieradriftAnswer(p: Probe): DriftAnswer {
  let re: RegExp;
  let g: RegExp;
  try {
    re = rubyRegExp(p.source);
    g = rubyRegExp(p.source, 'g');
  } catch (err) {
    if (err instanceof UnsupportedRegexpError) return { unsupported: err.message };
    if (err instanceof LookupError) return { error: err.message };
    throw err;
  }
  return { results: p.subjects.map((s) => ({ match: re.exec(s)?.[0] ?? null, gsub: s.replace(g, '') })) };
}

/** Where hieradrift disagrees with Ruby (undefined when it agrees); an unsupported pattern agrees when Ruby accepts it. */
export function disagreement(p: Probe, ruby: Answer, drift: DriftAnswer, compareMessages = true): string | undefined {
  const show = (x: unknown): string => JSON.stringify(x);
  if ('unsupported' in drift) return 'error' in ruby ? `Ruby refuses (${ruby.error}), hieradrift says unsupported` : undefined;
  if ('error' in ruby || 'error' in drift) {
    if (!('error' in ruby)) return `hieradrift refuses (${(drift as { error: string }).error}), Ruby accepts`;
    if (!('error' in drift)) return `Ruby refuses (${ruby.error}), hieradrift accepts`;
    if (compareMessages && ruby.error !== drift.error) return `messages differ: Ruby ${show(ruby.error)}, hieradrift ${show(drift.error)}`;
    return undefined;
  }
  for (let i = 0; i < p.subjects.length; i++) {
    const r = ruby.results[i]!;
    const d = drift.results[i]!;
    if (r.match !== d.match || r.gsub !== d.gsub) {
      return `subject ${show(p.subjects[i])}: Ruby match ${show(r.match)} gsub ${show(r.gsub)}, hieradrift match ${show(d.match)} gsub ${show(d.gsub)}`;
    }
  }
  return undefined;
}

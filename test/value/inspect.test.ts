import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { RUBY_NONPRINT } from '../../src/value/ruby-nonprint.js';
import { isRubyNonPrint, rubyInspect } from '../../src/value/render.js';
import { requireOracle } from '../support/oracle.js';
import { repoRoot } from '../support/puppet-lookup-oracle.js';

/** Ruby's `inspect` of each string, one Ruby process (the Ruby Puppet runs on). */
function rubyInspects(strings: readonly string[]): string[] {
  const script = 'require "json"; puts JSON.generate(JSON.parse($stdin.read).map(&:inspect))';
  const r = spawnSync('ruby', ['-e', script], { input: JSON.stringify(strings), encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120_000 });
  if (r.status !== 0) throw new Error(`ruby failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}

const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;

describe('String#inspect of UTF-8 strings (non-printable characters)', function () {
  this.timeout(120_000);

  it('the table is sorted, disjoint ranges; lookups agree with a linear scan at every edge', () => {
    for (let i = 0; i < RUBY_NONPRINT.length; i += 2) {
      assert.ok(RUBY_NONPRINT[i]! <= RUBY_NONPRINT[i + 1]!, `range ${i / 2}`);
      if (i > 0) assert.ok(RUBY_NONPRINT[i]! > RUBY_NONPRINT[i - 1]! + 1, `range ${i / 2} touches the one before`);
    }
    const linear = (cp: number): boolean => {
      for (let i = 0; i < RUBY_NONPRINT.length; i += 2) if (cp >= RUBY_NONPRINT[i]! && cp <= RUBY_NONPRINT[i + 1]!) return true;
      return false;
    };
    for (const edge of RUBY_NONPRINT) for (const cp of [edge - 1, edge, edge + 1]) if (cp >= 0) assert.equal(isRubyNonPrint(cp), linear(cp), cp.toString(16));
  });

  describe('against Ruby', () => {
    before(function () {
      requireOracle(this, 'puppet');
    });

    it('the checked-in table is what this Ruby escapes (scripts/value/ruby-nonprint.rb)', () => {
      const r = spawnSync('ruby', [join(repoRoot, 'scripts/value/ruby-nonprint.rb'), '--json'], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(r.status, 0, r.stderr);
      const live = (JSON.parse(r.stdout) as { ranges: [number, number][] }).ranges.flat();
      assert.deepEqual(live, [...RUBY_NONPRINT], 'Ruby changed its table: regenerate src/value/ruby-nonprint.ts');
    });

    it('every code point next to a table edge, and random strings, inspect as Ruby inspects them', () => {
      const points = new Set<number>();
      for (const edge of RUBY_NONPRINT) for (const cp of [edge - 1, edge, edge + 1]) if (cp >= 0 && cp <= 0x10ffff && !isSurrogate(cp)) points.add(cp);
      const strings: string[] = [];
      const list = [...points];
      // Twelve code points to a string, after an `a` and a `#` so escapes meet their neighbours.
      for (let i = 0; i < list.length; i += 12) strings.push(`a#${String.fromCodePoint(...list.slice(i, i + 12))}#{`);
      const unit = fc.oneof(
        fc.constantFrom('a', '#', '{', '$', '@', '"', '\\', '\n', '\t', '\x07', '\x1b', '\x00', '\x7f', '\x85', '\xa0', 'é', '\u2028', '\u0378', '\ue000', '\u{1f600}', '\u{10ffff}'),
        fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => !isSurrogate(cp)).map((cp) => String.fromCodePoint(cp)),
      );
      strings.push(...fc.sample(fc.string({ unit, maxLength: 16 }), { seed: 20261129, numRuns: 2000 }));
      const ruby = rubyInspects(strings);
      const bad = strings.map((s, i) => [s, rubyInspect(s), ruby[i]] as const).filter(([, ours, theirs]) => ours !== theirs);
      assert.deepEqual(bad.slice(0, 5), [], `${bad.length} of ${strings.length} differ`);
      assert.ok(strings.length > 2000 + 200, `${strings.length} strings`);
    });
  });
});

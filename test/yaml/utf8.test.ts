import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeDataBytes, loadYaml, readDataTextSync, utf8Problem } from '../../src/yaml/index.js';
import { requireOracle } from '../support/oracle.js';

/** Psych's reason for each byte string it refuses as UTF-8 (libyaml's reader), or null when it reads it. */
function psychProblems(inputs: readonly Uint8Array[]): (string | null)[] {
  const script = `require "json"; require "psych"
    out = JSON.parse($stdin.read).map do |b64|
      begin; Psych.safe_load(b64.unpack1("m").force_encoding("UTF-8")); nil
      rescue Psych::SyntaxError => e
        e.problem =~ /UTF-8|Unicode character|control characters/ ? e.problem : nil
      end
    end
    puts JSON.generate(out)`;
  const r = spawnSync('ruby', ['-e', script], { input: JSON.stringify(inputs.map((b) => Buffer.from(b).toString('base64'))), encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as (string | null)[];
}

const SEED = Number(process.env.FC_SEED ?? 20261129);

describe('yaml: bytes that are not UTF-8 are refused with libyaml\'s reason', () => {
  it('names the first bad sequence as libyaml does, and where it is', () => {
    const cases: [number[], string, number][] = [
      [[0x61, 0xff], 'invalid leading UTF-8 octet', 1],
      [[0x61, 0xe9, 0x22, 0x0a], 'invalid trailing UTF-8 octet', 1],
      [[0x61, 0xe9, 0x22], 'incomplete UTF-8 octet sequence', 1],
      [[0x61, 0xe2, 0x82], 'incomplete UTF-8 octet sequence', 1],
      [[0xc0, 0x80], 'invalid length of a UTF-8 sequence', 0],
      [[0xed, 0xa0, 0x80], 'invalid Unicode character', 0],
      [[0xf4, 0x90, 0x80, 0x80], 'invalid Unicode character', 0],
      // The reader checks characters in order: a C1 control before the bad byte stops it first.
      [[0xc2, 0x80, 0xff], 'control characters are not allowed', 0],
    ];
    for (const [bytes, problem, offset] of cases) assert.deepEqual(utf8Problem(Uint8Array.from(bytes)), { problem, offset }, bytes.join(' '));
    assert.equal(utf8Problem(Buffer.from('héllo ✓ 😀')), undefined);
    // JSON data keeps such bytes (Ruby's JSON parser takes them): decoded, not refused.
    assert.equal(typeof decodeDataBytes(Uint8Array.from([0x22, 0xff, 0x22]), 'x.json', true), 'string');
    const refused = decodeDataBytes(Uint8Array.from([0x61, 0x3a, 0x20, 0xe9]), 'x.yaml');
    assert.ok(typeof refused !== 'string' && refused.error?.ruleId === 'yaml/refused' && refused.error.column === 4, JSON.stringify(refused));
  });

  it('reading a file: a real U+FFFD is text, an invalid byte (which Node would also decode to U+FFFD) is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hieradrift-utf8-'));
    try {
      writeFileSync(join(dir, 'real.yaml'), 'a: "\uFFFD"\n');
      writeFileSync(join(dir, 'bad.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
      assert.equal(readDataTextSync(join(dir, 'real.yaml'), 'real.yaml'), 'a: "\uFFFD"\n');
      const bad = readDataTextSync(join(dir, 'bad.yaml'), 'bad.yaml');
      assert.ok(typeof bad !== 'string' && /invalid leading UTF-8 octet/.test(bad.error!.message) && bad.error!.column === 4);
      assert.equal(typeof readDataTextSync(join(dir, 'bad.yaml'), 'bad.json', true), 'string', 'JSON keeps the bytes as Ruby does');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a control character anywhere, a comment included, refuses the file at that character', () => {
    const r = loadYaml('a: 1 # x\u0001\nb: 2\n', 'f.yaml');
    assert.equal(r.value, undefined);
    assert.deepEqual([r.error?.ruleId, r.error?.line, r.error?.column, r.error?.message], ['yaml/refused', 1, 9, 'Puppet refuses this file: it holds a control character (Psych: control characters are not allowed)']);
    for (const ok of ['a: "\u0085 \u00a0 \ufeff \ud7ff \ue000 \ufffd 😀"\n', 'a: "\t"\r\n']) assert.equal(loadYaml(ok, 'f.yaml').error, undefined, JSON.stringify(ok));
  });

  describe('against Psych', () => {
    before(function () {
      requireOracle(this, 'puppet');
    });
    it('random byte strings: refused exactly when Psych refuses them as UTF-8, for the same reason (fixed seed)', function () {
      this.timeout(120_000);
      const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xf8, 0xff, 0xa0, 0x9f));
      const inputs = fc.sample(fc.array(byte, { minLength: 1, maxLength: 12 }), { seed: SEED, numRuns: 2000 }).map((b) => Uint8Array.from([0x61, 0x3a, 0x20, 0x22, ...b.filter((x) => x !== 0x22 && x !== 0x5c), 0x22]));
      const psych = psychProblems(inputs);
      const bad: string[] = [];
      inputs.forEach((b, i) => {
        const ours = utf8Problem(b)?.problem ?? null;
        if (ours !== psych[i]) bad.push(`${Buffer.from(b).toString('hex')}: psych ${psych[i]}, ours ${ours}`);
      });
      assert.deepEqual(bad.slice(0, 10), [], `${bad.length} of ${inputs.length} differ`);
      assert.ok(psych.filter((p) => p !== null).length > 500, 'the sample should hold many refusals');
    });

    it('valid UTF-8 with characters around libyaml\'s printable set: refused exactly when Psych refuses (fixed seed)', function () {
      this.timeout(120_000);
      const ch = fc.oneof(
        fc.constantFrom('a', ' ', '#', '\n', '\t', '\r', '\u0000', '\u0001', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f', '\u00a0', '\ud7ff', '\ue000', '\ufeff', '\ufffd', '\ufffe', '\uffff', '😀'),
        fc.integer({ min: 0, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCharCode(c)),
      );
      const texts = fc.sample(fc.tuple(fc.string({ unit: ch, maxLength: 6 }), fc.boolean()), { seed: SEED, numRuns: 1500 })
        .map(([t, inComment]) => (inComment ? `a: 1 # ${t.replace(/[\r\n]/g, '')}\n` : `a: 1\n# x\nb: "${t.replace(/["\\]/g, '')}"\n`));
      const psych = psychProblems(texts.map((t) => Buffer.from(t)));
      const bad: string[] = [];
      texts.forEach((t, i) => {
        const ours = loadYaml(t, 'f.yaml').error?.message.includes('control characters are not allowed') ? 'control characters are not allowed' : null;
        const theirs = psych[i] === 'control characters are not allowed' ? psych[i] : null;
        if (ours !== theirs) bad.push(`${JSON.stringify(t)}: psych ${psych[i]}, ours ${ours}`);
      });
      assert.deepEqual(bad.slice(0, 10), [], `${bad.length} of ${texts.length} differ`);
      assert.ok(psych.filter((p) => p !== null).length > 200, 'the sample should hold many refusals');
    });
  });
});

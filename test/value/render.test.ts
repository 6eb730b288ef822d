import assert from 'node:assert/strict';
import { HieradriftError } from '../../src/source/index.js';
import { Secret, renderJson, renderYaml, rubyFloatToS, rubyInspect, rubyToS, valueEquals, type HValue } from '../../src/value/index.js';
import { isRubyNonPrint } from '../../src/value/render.js';
import { loadYaml } from '../../src/yaml/index.js';
import { requireOracle } from '../support/oracle.js';
import { runRenderOracle, type RenderAnswer } from '../support/psych-oracle.js';
import fc from 'fast-check';
import { jsonDocument } from './render-arbitraries.js';

const h = (...pairs: [HValue, HValue][]): HValue => new Map(pairs as [never, HValue][]);

/** The plain per-character reading of Ruby's String#inspect and JSON escaping, without the fast paths. */
const INSPECT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\f': '\\f', '\v': '\\v', '\b': '\\b', '\x07': '\\a', '\x1b': '\\e' };
function referenceInspect(s: string): string {
  let out = '"';
  const chars = [...s];
  chars.forEach((c, i) => {
    const code = c.codePointAt(0)!;
    if (INSPECT_ESCAPES[c]) out += INSPECT_ESCAPES[c];
    else if (c === '#' && /[{$@]/.test(chars[i + 1] ?? '')) out += '\\#';
    else if (isRubyNonPrint(code)) out += code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += c;
  });
  return out + '"';
}

describe('value rendering', () => {
  it('string fast paths (inspect, JSON) give what the per-character readings give', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('a', '#', '{', '$', '@', '"', '\\', '\n', '\x07', '\x7f', '\x85', 'é', '\u2028', '\u0378', '\u{1f600}') }));
    fc.assert(
      fc.property(text, (s) => {
        assert.equal(rubyInspect(s), referenceInspect(s));
        assert.equal(renderJson(s), JSON.stringify(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('formats Floats as Ruby does', () => {
    const cases: [number, string][] = [
      [1, '1.0'], [16, '16.0'], [1e20, '1.0e+20'], [1.5e-7, '1.5e-07'], [1e15, '1.0e+15'], [1e14, '100000000000000.0'],
      [0.0001, '0.0001'], [0.00001, '1.0e-05'], [123456789012345.6, '123456789012345.6'], [1234567890123456, '1.234567890123456e+15'],
      [-0.5, '-0.5'], [-0, '-0.0'], [5e-324, '5.0e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'], [1 / 3, '0.3333333333333333'],
    ];
    for (const [f, s] of cases) assert.equal(rubyFloatToS(f), s, String(f));
  });

  it('renders JSON compactly with Ruby floats, exact integers and string keys', () => {
    const v = h(['b', 1n], ['a', 16], [1n, 'x'], [null, [true, null, 123456789012345678901234567890n]], [1.5, 'é\u0001"\\']);
    assert.equal(renderJson(v), '{"b":1,"a":16.0,"1":"x","":[true,null,123456789012345678901234567890],"1.5":"é\\u0001\\"\\\\"}');
  });

  it('refuses NaN and Infinity in JSON as Ruby does', () => {
    assert.throws(() => renderJson([Infinity]), (e: unknown) => e instanceof HieradriftError && /Infinity not allowed in JSON/.test(e.message));
    assert.throws(() => renderJson(h(['k', NaN])), /NaN not allowed in JSON/);
  });

  it('masks secrets in every rendering', () => {
    const v = h(['password', new Secret('PKCS7', 'common.yaml')]);
    assert.equal(renderJson(v), '{"password":"<secret>"}');
    assert.doesNotMatch(renderYaml(v) + rubyInspect(v) + rubyToS(v), /PKCS7|ENC\[/);
  });

  it('inspects and stringifies as Ruby 3.1', () => {
    assert.equal(rubyInspect(h(['a', 1n], [2n, [1n, null]])), '{"a"=>1, 2=>[1, nil]}');
    assert.equal(rubyInspect('say "#{x}"\n'), '"say \\"\\#{x}\\"\\n"');
    assert.equal(rubyToS(null), '');
    assert.equal(rubyToS(['a', 'b']), '["a", "b"]');
    assert.equal(rubyToS(1.0), '1.0');
  });

  it('compares with Ruby ==', () => {
    assert.ok(valueEquals(1n, 1));
    assert.ok(!valueEquals(1n, 1.5));
    assert.ok(valueEquals(h(['a', 1n], ['b', 2n]), h(['b', 2n], ['a', 1n])));
    assert.ok(!valueEquals('1', 1n));
  });

  describe('differential: to_json / to_yaml of what Puppet loads', function () {
    this.timeout(120_000);
    const docs = [
      'a: 1\nb: 16.0\nc: 1.0e+20\nd: 1.5e-7\ne: 123456789012345678901234567890\nf: ~\ng: [yes, "no", y]\n',
      'k: .inf', 'k: .nan', '- 1\n- [2, [3, {a: b}]]\n- {}\n- []\n', "s: ['', 'yes', '123', hello, 'a b', ':foo', '2024-01-01', 'x ', ' x']",
      'm: "a\\nb"\nn: "a\\nb\\n"\no: "x\\ty"\np: "x\\u0001"\nq: héllo ✓\n', 'sym: :foo\n', '1: a\n1.5: b\n~: c\ntrue: d\n',
      'k: "<<"', 'nested:\n  list:\n  - a: 1\n    b: [1, 2]\n  - - x\n    - y\n', 'k: !!binary aGVsbG8=', 'k: 0o755\nj: 1e3\nl: 1.5e+3\nm: "1_000"\n',
      `long: ${'word '.repeat(30).trim()}`, 'k: "-"\nj: "~"\nl: "#x"\nm: "@x"\nn: "x\\""\no: "\\"x"\np: "a: b"\nq: "x #y"\n',
      // inspect: non-printable characters by Ruby's table, binary strings byte by byte.
      'a: "a\\Lb"\nb: "a\\Pb\\nc\\nd"\nc: "\\_"\nf: "a\\P"\ng: "a\\L\\Pb"\nd: "x\\U0001F600y\\nz\\n"\ne: "\\ufeffx"\n',
      'a: "\\x7f\\x80\\x85\\x9f\\xa0\\xad"\nb: "\\L\\P\\ue000\\u0378\\uffff\\U0010FFFF\\U0001F600"\nc: "\\e\\a\\0\\x1f#{x}#$y#@z#x"\n',
      // An ASCII !!binary key is read as its text so lookups find it (Puppet does); a control character in it would
      // inspect as \u0001 where Ruby's binary key gives \x01, the one known difference.
      'k: !!binary /w==\nj: !!binary w7/Dvw==\nl: !!binary AQIDIyR7Cgk=\nm: !!binary aGk=\n', '!!binary aGk=: x\n',
    ];
    const generated = fc.sample(jsonDocument, { seed: 99, numRuns: 500 });
    let answers: RenderAnswer[] = [];
    let generatedAnswers: RenderAnswer[] = [];
    before(function () {
      requireOracle(this, 'puppet');
      const all = runRenderOracle([...docs, ...generated]);
      answers = all.slice(0, docs.length);
      generatedAnswers = all.slice(docs.length);
    });
    it('renders JSON exactly as Puppet (to_json)', () => {
      docs.forEach((doc, i) => {
        const a = answers[i]!;
        const v = loadYaml(doc, 'f.yaml').value!;
        if (a.jsonError) assert.throws(() => renderJson(v), HieradriftError, doc);
        else assert.equal(renderJson(v), a.json, doc);
      });
    });
    it(`renders ${generated.length} generated values exactly as Puppet (to_json, to_yaml and inspect)`, () => {
      const bad: string[] = [];
      generated.forEach((doc, i) => {
        const a = generatedAnswers[i]!;
        const r = loadYaml(doc, 'g.yaml');
        if (a.loadError || r.error) {
          if (!(a.loadError && r.error)) bad.push(`${doc}: load ${a.loadError ?? 'ok'} vs ${r.error?.message ?? 'ok'}`);
          return;
        }
        const json = renderJson(r.value!);
        const yaml = renderYaml(r.value!);
        const inspect = rubyInspect(r.value!);
        if (inspect !== a.inspect) bad.push(`inspect ${doc}\n  puppet: ${a.inspect}\n  ours:   ${inspect}`);
        if (json !== a.json) bad.push(`JSON ${doc}\n  puppet: ${a.json}\n  ours:   ${json}`);
        if (yaml !== a.yaml) bad.push(`YAML ${doc}\n  puppet: ${JSON.stringify(a.yaml)}\n  ours:   ${JSON.stringify(yaml)}`);
      });
      assert.deepEqual(bad, [], bad.slice(0, 10).join('\n'));
    });

    it('inspects values exactly as Ruby (binary, control and non-printable characters included)', () => {
      docs.forEach((doc, i) => assert.equal(rubyInspect(loadYaml(doc, 'f.yaml').value!), answers[i]!.inspect, doc));
    });

    it('renders YAML exactly as Puppet (to_yaml)', () => {
      docs.forEach((doc, i) => assert.equal(renderYaml(loadYaml(doc, 'f.yaml').value!), answers[i]!.yaml, doc));
    });
  });
});

import { strict as assert } from 'node:assert';
import { RubyArgumentError, rubyFloat, rubyFormat, rubyInteger } from '../../src/hiera/ruby-format.js';

/**
 * Kernel.format, Integer() and Float() as `new(String, v, fmt)` and `new(Integer/Float, s)` reach them;
 * expected values recorded from Ruby 3.1 (`ruby -e 'p format(f, v)'`). The convert-to differential
 * scenario checks the same code through Puppet; these pin the corners it does not reach.
 */
const FORMATS: [string, string | bigint | number, string][] = [
  ['%x', -1n, '..f'], ['%x', -256n, '..f00'], ['%o', -8n, '..70'], ['%b', -1n, '..1'], ['%#x', -255n, '0x..f01'],
  ['%08x', -255n, '..ffff01'], ['%.5x', -255n, '..f01'], ['% x', -255n, '-ff'], ['%+#x', -255n, '-0xff'], ['%#b', -5n, '0b..1011'],
  ['%+o', 8n, '+10'], ['%#.3o', 8n, '010'], ['%#o', 0n, '0'], ['%#x', 0n, '0'], ['%x', 2n ** 70n, '400000000000000000'],
  ['%10.4d', 42n, '      0042'], ['%-+5d', 3n, '+3   '], ['%.0d', 0n, ''], ['%.0x', 0n, ''], ['%5c', 65n, '    A'],
  ['%05s', 'ab', '   ab'], ['%.0s', 'abc', ''],
  ['%e', 0, '0.000000e+00'], ['%E', 12.5, '1.250000E+01'], ['%+.1e', -0.05, '-5.0e-02'], ['%-8.2e', 1, '1.00e+00'],
  ['%g', 100000, '100000'], ['%g', 1e-5, '1e-05'], ['%#g', 1, '1.00000'], ['%G', 1e-10, '1E-10'], ['%g', 1e16, '1e+16'],
  ['%g', 123456, '123456'], ['%.3g', 0.00012345, '0.000123'],
  ['%.0f', 2.5, '2'], ['%.0f', 3.5, '4'], ['%.2f', 0.125, '0.12'], ['%.2f', 0.375, '0.38'], ['%.1f', 0.25, '0.2'],
  ['%f', 1e20, '100000000000000000000.000000'], ['%10.3f', -3.14159, '    -3.142'], ['%05.1f', -2.5, '-02.5'], ['% f', 1, ' 1.000000'],
  ['%p', 1e20, '1.0e+20'],
];

describe('Ruby Kernel.format, Integer() and Float() (ruby-format)', () => {
  for (const [fmt, value, want] of FORMATS) {
    it(`format(${JSON.stringify(fmt)}, ${String(value)}) is ${JSON.stringify(want)}`, () => assert.equal(rubyFormat(fmt, value), want));
  }

  it('Integer(s, radix) takes the prefix of its own radix only', () => {
    assert.equal(rubyInteger('0b11', 16), 2833n);
    assert.equal(rubyInteger('0xff', 16), 255n);
    assert.equal(rubyInteger('0755', 10), 755n);
    assert.equal(rubyInteger('0755'), 493n);
    assert.equal(rubyInteger('-0b101', 2), -5n);
    for (const [s, r] of [['12', 2], ['0x1f', 2], ['0b', 2], ['0x', 16], ['09', undefined]] as const) {
      assert.throws(() => rubyInteger(s, r), (e: unknown) => e instanceof RubyArgumentError && e.message === `invalid value for Integer(): "${s}"`);
    }
  });

  it('Float(s) reads hex and decimal, not binary', () => {
    assert.equal(rubyFloat('-0x10'), -16);
    assert.equal(rubyFloat('017'), 17);
    assert.throws(() => rubyFloat('0b11'), /invalid value for Float\(\): "0b11"/);
  });
});

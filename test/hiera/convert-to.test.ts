import { strict as assert } from 'node:assert';
import { convertTo } from '../../src/hiera/convert-to.js';
import { LookupError } from '../../src/hiera/errors.js';

describe('hiera/convert-to: bounds on what a data file can ask for', () => {
  const fails = (spec: unknown, value: unknown = 5n): string => {
    try {
      convertTo('k', value as never, spec as never);
    } catch (err) {
      assert.ok(err instanceof LookupError, String(err));
      return err.message;
    }
    assert.fail('converted');
  };

  it('type parameters nested past 64 levels fail the lookup with a short message, not a stack overflow', () => {
    const deep = `${'Array['.repeat(5000)}Integer${']'.repeat(5000)}`;
    const m = fails(deep);
    assert.match(m, /nested deeper than 64/);
    assert.ok(m.length < 500, `${m.length} characters`);
    assert.deepEqual(convertTo('k', [[1n]], 'Array[Array[Integer]]'), [[1n]]);
  });

  it('a format width or precision past 10000 is refused rather than building a huge string', () => {
    assert.match(fails(['String', '%999999999s']), /width or precision over 10000/);
    assert.match(fails(['String', '%.99999999f'], 1.5), /width or precision over 10000/);
    assert.equal(convertTo('k', 'x', ['String', '%5s']), '    x');
  });

  it('a failing conversion of a secret key never prints its value (Puppet quotes it in the message)', () => {
    const m = fails('Integer', 'hunter2 (x)');
    assert.match(m, /The string 'hunter2 \(x\)' cannot be converted to Integer/, 'a plain key keeps Puppet\'s message');
    const secret = (key: string, value: unknown, spec: unknown): string => {
      try {
        convertTo(key, value as never, spec as never);
      } catch (err) {
        return (err as Error).message;
      }
      return assert.fail('converted');
    };
    const pw = secret('profile::db_password', 'hunter2 (x)', 'Integer');
    assert.doesNotMatch(pw, /hunter2/);
    assert.match(pw, /key 'profile::db_password' raised error: 'new' The string '<secret>' cannot be converted to Integer/);
    const pin = secret('profile::pin_secret', 1234n, 'Integer[0, 10]');
    assert.doesNotMatch(pin, /1234/);
    assert.match(pin, /Integer\[<secret>, <secret>\]/);
    // URL passwords are masked under any key.
    const url = secret('profile::db', 'mysql://nova:pa55word@db/nova', 'Integer');
    assert.doesNotMatch(url, /pa55word/);
  });
});

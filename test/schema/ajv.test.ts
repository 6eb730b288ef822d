import assert from 'node:assert/strict';
import { compileCached, instancePathSegments } from '../../src/schema/index.js';

describe('schema: shared ajv instance', () => {
  it('compiles a schema once per key', () => {
    let built = 0;
    const make = (): object => (built++, { type: 'object', properties: { a: { type: 'string' } } });
    const v1 = compileCached('test:one', make);
    const v2 = compileCached('test:one', make);
    assert.equal(v1, v2);
    assert.equal(built, 1);
    assert.equal(v1({ a: 'x' }), true);
    assert.equal(v1({ a: 1 }), false);
    assert.equal(v1.errors?.[0]?.keyword, 'type');
  });

  it('accepts the x-oslo annotation keywords of the shipped schemas in strict mode', () => {
    const v = compileCached('test:annotations', () => ({ type: 'string', 'x-oslo': { secret: true }, description: 'd' }));
    assert.equal(v('x'), true);
  });

  it('splits JSON pointers', () => {
    assert.deepEqual(instancePathSegments(''), []);
    assert.deepEqual(instancePathSegments('/a~1b/0/c~0d'), ['a/b', '0', 'c~d']);
  });
});

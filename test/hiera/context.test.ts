import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createLookupBase, environmentNameOf, isEnvironmentName } from '../../src/hiera/context.js';
import { tree } from './helpers.js';

describe('hiera/context: the environment name', () => {
  it('a directory inside an environments directory is that environment, any other is production', () => {
    assert.equal(environmentNameOf('/etc/puppetlabs/code/environments/staging'), 'staging');
    assert.equal(environmentNameOf('/etc/puppetlabs/code/environments/staging/'), 'staging');
    assert.equal(environmentNameOf('/etc/puppetlabs/code/environments/feature_1'), 'feature_1');
    assert.equal(environmentNameOf('/srv/checkouts/control-repo'), 'production');
    assert.equal(environmentNameOf('/srv/environment/staging'), 'production');
    assert.equal(environmentNameOf(undefined), 'production');
  });

  it('a directory name Puppet refuses as an environment name is not taken (production)', () => {
    assert.equal(environmentNameOf('/code/environments/my-env'), 'production');
    assert.equal(environmentNameOf('/code/environments/été'), 'production');
    assert.deepEqual(['a', 'A_1', '9'].map(isEnvironmentName), [true, true, true]);
    assert.deepEqual(['', 'a-b', 'a.b', 'é', 'a b'].map(isEnvironmentName), [false, false, false, false, false]);
  });

  it('createLookupBase: --environment wins; else --environment-dir names it; a codedir alone is production', () => {
    const code = tree({ 'environments/staging/hiera.yaml': 'version: 5\n', 'environments/production/hiera.yaml': 'version: 5\n' });
    try {
      const dir = join(code, 'environments/staging');
      assert.equal(createLookupBase({ environmentDir: dir }).environmentName, 'staging');
      assert.equal(createLookupBase({ environmentDir: dir, environment: 'dev' }).environmentName, 'dev');
      assert.equal(createLookupBase({ codedir: code }).environmentName, 'production');
      assert.equal(createLookupBase({ codedir: code, environment: 'staging' }).environmentName, 'staging');
      assert.equal(createLookupBase({ environmentDir: code }).environmentName, 'production');
    } finally {
      rmSync(code, { recursive: true, force: true });
    }
  });
});

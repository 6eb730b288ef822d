import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../bin/hieradrift.js', import.meta.url));
const repo = fileURLToPath(new URL('../../../fixtures/repos/example', import.meta.url));

describe('bin/hieradrift.js', () => {
  it('stops quietly when the reader closes the pipe early (`| head`)', async () => {
    const child = spawn(process.execPath, [bin, 'dump', `${repo}/data/common.yaml`, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // Read nothing: close our end at once, as `head -0` would.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(err, '');
    assert.ok(code === 0 || code === 1, `exit ${code}`);
  });
});

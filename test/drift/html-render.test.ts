import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from '../support/cli.js';
import { requireOracle } from '../support/oracle.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fleet = `${root}fixtures/drift/fleet`;

// Flags the workplace needs for a headless, offline Chromium (no background network, throwaway profile).
function chromium(args: string[], profile: string): { status: number | null; stdout: string } {
  const r = spawnSync(
    'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, ...args],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return { status: r.status, stdout: r.stdout };
}

describe('drift html report in headless Chromium', function () {
  before(function () {
    requireOracle(this, 'chromium');
  });

  it('renders the per-node table and draws a page', async () => {
    const { code, out: html } = await runCli(['drift', '--catalogs', `${fleet}/catalogs`, '--deployed', `${fleet}/deployed`, '--format', 'html'], root);
    assert.equal(code, 1);
    const dir = mkdtempSync(join(tmpdir(), 'hieradrift-html-'));
    try {
      const page = join(dir, 'report.html');
      writeFileSync(page, html);
      const dom = chromium(['--dump-dom', pathToFileURL(page).href], join(dir, 'profile'));
      assert.equal(dom.status, 0);
      // The browser's DOM, not our text: the table must survive parsing with both nodes in it.
      assert.match(dom.stdout, /<table[\s\S]*n1[\s\S]*n2[\s\S]*<\/table>/);
      const png = join(dir, 'shot.png');
      const shot = chromium([`--screenshot=${png}`, '--window-size=1024,768', pathToFileURL(page).href], join(dir, 'profile2'));
      assert.equal(shot.status, 0);
      assert.ok(statSync(png).size > 5000, 'screenshot has content');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

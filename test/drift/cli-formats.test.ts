import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { runCli } from '../support/cli.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fleet = `${root}fixtures/drift/fleet`;
const SECRETS = ['fx-mq-pw', 'fx-db-pw', 'fx-old-pw', 'fx-old-db-pw'];

const cli = (args: string[], isTTY = false) => runCli(['drift', ...args], root, isTTY);

describe('drift CLI and formats', () => {
  it('exit 0 for a node without drift, 1 with drift, 2 on usage errors', async () => {
    assert.equal((await cli(['--node', 'n1', '--catalog', `${fleet}/catalogs/n1.json`, '--deployed', `${fleet}/deployed`])).code, 0);
    assert.equal((await cli(['--node', 'n2', '--catalog', `${fleet}/catalogs/n2.json`, '--deployed', `${fleet}/deployed`])).code, 1);
    assert.equal((await cli(['--deployed', `${fleet}/deployed`])).code, 2);
    assert.equal((await cli(['--catalog', `${fleet}/nope.json`, '--deployed', `${fleet}/deployed`])).code, 2);
  });

  it('fleet mode: summary table, progress bar only on a TTY', async () => {
    const plain = await cli(['--catalogs', `${fleet}/catalogs`, '--deployed', `${fleet}/deployed`]);
    assert.equal(plain.code, 1);
    assert.match(plain.out, /^node +status +rewrite +effective\nn1 +ok +0 +0\nn2 +drift/m);
    assert.equal(plain.err, '');
    const tty = await cli(['--catalogs', `${fleet}/catalogs`, '--deployed', `${fleet}/deployed`], true);
    assert.match(tty.err, /2\/2/);
  });

  it('json matches schemas/drift-report.schema.json and reports every kind', async () => {
    const { out } = await cli(['--catalogs', `${fleet}/catalogs`, '--deployed', `${fleet}/deployed`, '--format', 'json', '--unmanaged']);
    const doc = JSON.parse(out) as { nodes: { node: string; files: { changes: unknown[] }[] }[] };
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(`${root}schemas/drift-report.schema.json`, 'utf8')));
    assert.ok(validate(doc), JSON.stringify(validate.errors));
    const n2 = doc.nodes.find((n) => n.node === "n2")!;
    const kinds = Object.fromEntries((n2.files[0]!.changes as { key: string; kind: string; puppetWillRewrite: boolean; effective: string }[]).map((c: { key: string; kind: string; puppetWillRewrite: boolean; effective: string }) => [c.key, `${c.kind}/${c.puppetWillRewrite}/${c.effective}`]));
    assert.deepEqual(kinds, {
      debug: 'cosmetic/true/same',
      my_ip: 'changed/true/differs',
      cpu_allocation_ratio: 'cosmetic/true/same', // Float: 16 == 16.0 for oslo
      transport_url: 'changed/true/differs',
      connection: 'changed/true/differs',
      available_filters: 'changed/false/differs',
      old: 'should-be-absent/true/differs',
      stray: 'unmanaged/true/differs',
    });
  });

  for (const format of ['text', 'json', 'markdown', 'junit', 'html']) {
    it(`secrets never appear in ${format} output, also with --diff`, async () => {
      const { out } = await cli(['--catalogs', `${fleet}/catalogs`, '--deployed', `${fleet}/deployed`, '--format', format, '--diff', '--unmanaged']);
      for (const s of SECRETS) assert.ok(!out.includes(s), `${format} leaks ${s}`);
      assert.ok(out.includes('n2'));
      if (format === 'junit') assert.match(out, /<testsuite name="n2" tests="1" failures="1">/);
      if (format === 'html') {
        assert.match(out, /^<!DOCTYPE html>/);
        assert.ok(!/<script|<link|src=/.test(out), 'self-contained');
      }
    });
  }
});

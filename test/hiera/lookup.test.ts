import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { createLookupContext, lookup, makeFacts } from '../../src/hiera/index.js';
import { Secret, type HValue } from '../../src/value/index.js';
import { FACTS, fakeIo, tree } from './helpers.js';

const facts = makeFacts('n1.example.com', new Map<string, HValue>([['clientcert', 'n1.example.com'], ['role', 'web']]));

describe('lookup: eyaml, explain, positions, the fleet command', () => {
  const dir = tree({
    'hiera.yaml':
      'version: 5\nhierarchy:\n  - name: secrets\n    lookup_key: eyaml_lookup_key\n    path: secrets.eyaml\n    options:\n      pkcs7_private_key: /k/private.pem\n  - name: common\n    path: common.yaml\n',
    'data/secrets.eyaml': 'db_password: ENC[PKCS7,MIIBeQYJKoZIhvcNAQcDoIIBajCCAWYCAQAx]\nembedded: "user:ENC[GPG,aGVsbG8=]@host"\nbad_token: ENC[PKCS7,notbase64!!]\nplain: visible\nunknown_scheme: ENC[FOO,aGVsbG8=]\nshort_b64: ENC[PKCS7,aGVsbG8]\n',
    'data/common.yaml': 'lookup_options:\n  h: {merge: hash}\nh: {a: 1}\nnot_whole: "x%{alias(\'h\')}"\nnum: 1.0\n',
    'facts.yaml': FACTS,
    'fleet/n1.example.com.yaml': FACTS,
    'fleet/n2.example.com.yaml': FACTS.replace(/n1/g, 'n2'),
  });

  it('resolves eyaml ENC[...] values to an opaque Secret, never the ciphertext', async () => {
    const ctx = await createLookupContext({ environmentDir: dir, facts });
    const pw = lookup(ctx, 'db_password');
    assert.ok(pw.value instanceof Secret);
    assert.equal((pw.value as Secret).scheme, 'PKCS7');
    assert.ok(lookup(ctx, 'embedded').value instanceof Secret);
    assert.equal(lookup(ctx, 'bad_token').value, 'ENC[PKCS7,notbase64!!]', 'a malformed token stays literal, as hiera-eyaml returns it');
    assert.equal(lookup(ctx, 'plain').value, 'visible');
    assert.match(lookup(ctx, 'unknown_scheme').error!.message, /encryptors\/foo/);
    const short = lookup(ctx, 'short_b64').error!;
    assert.match(short.message, /malformed base64/);
    assert.ok(!short.message.includes('aGVsbG8'), 'the ciphertext is never printed');
    assert.deepEqual([short.line, short.column], [6, 12]);
    const io = fakeIo(dir);
    assert.equal(await run(['lookup', 'db_password', '--facts', 'facts.yaml', '--render-as', 'json'], io), 0);
    assert.ok(!io.out.includes('MIIB'), io.out);
  });

  it('never prints eyaml tokens, URL credentials or password-like values, even from yaml_data strings', async () => {
    const d = tree({
      'hiera.yaml': 'version: 5\n',
      'data/common.yaml': 'url: "rabbit://nova:ENC[PKCS7,MIIBabc=]@h:5672/"\nplain_url: "mysql://u:hunter2@db/x"\ndb::password: hunter2\ncfg: {token: abc, name: n}\n',
      'facts.yaml': FACTS,
    });
    for (const key of ['url', 'plain_url', 'db::password', 'cfg']) {
      for (const extra of [['--render-as', 'json'], ['--explain']]) {
        const io = fakeIo(d);
        await run(['lookup', key, '--facts', 'facts.yaml', ...extra], io);
        assert.ok(!/MIIB|hunter2|abc/.test(io.out), `${key} ${extra.join(' ')}: ${io.out}`);
      }
    }
  });

  it('explains like Puppet: lookup_options first, layers, levels, paths, the result', async () => {
    const ctx = await createLookupContext({ environmentDir: dir, facts });
    const r = lookup(ctx, 'h', { explain: true });
    const text = r.explain!;
    assert.match(text, /^Searching for "lookup_options"\n  Environment Data Provider \(hiera configuration version 5\)\n/);
    assert.match(text, /\nUsing merge options from "lookup_options" hash\nSearching for "h"\n/);
    assert.match(text, /\nSearching for "h"\n  Merge strategy hash\n    Environment Data Provider/);
    assert.match(text, / {8}Hierarchy entry "common"\n {10}Path "[^"]*\/data\/common\.yaml"\n {12}Original path: "common\.yaml"\n {12}Found key: "h" value: \{\n {14}"a" => 1\n {12}\}/);
    assert.match(lookup(ctx, 'nope', { explain: true }).explain!, /Function lookup\(\) did not find a value for the name 'nope'\n$/);
  });

  it('positions errors Puppet keeps silent at the data value', async () => {
    const ctx = await createLookupContext({ environmentDir: dir, facts });
    const r = lookup(ctx, 'not_whole');
    assert.deepEqual([r.error!.file, r.error!.line, r.error!.column], [join(dir, 'data/common.yaml'), 4, 12]);
  });

  it('`resolve` prints {node: {key: value}} for a fleet, keeping Float as 1.0', async () => {
    const io = fakeIo(dir);
    const code = await run(['resolve', '--facts', 'fleet', '--keys', 'num,h,plain,nope'], io);
    assert.equal(code, 0, io.err);
    assert.equal(io.out, '{"n1.example.com":{"num":1.0,"h":{"a":1},"plain":"visible"},"n2.example.com":{"num":1.0,"h":{"a":1},"plain":"visible"}}\n');
  });

  it('`resolve --jobs` wants a whole number of threads; --jobs 2 prints what --jobs 1 prints', async () => {
    const bad = fakeIo(dir);
    assert.equal(await run(['resolve', '--facts', 'fleet', '--jobs', '0'], bad), 2);
    assert.match(bad.err, /--jobs wants a whole number of threads/);
    const one = fakeIo(dir);
    const two = fakeIo(dir);
    assert.equal(await run(['resolve', '--facts', 'fleet', '--keys', 'num,h,plain', '--jobs', '1'], one), 0, one.err);
    assert.equal(await run(['resolve', '--facts', 'fleet', '--keys', 'num,h,plain', '--jobs', '2'], two), 0, two.err);
    assert.equal(two.out, one.out);
  });

  it('`resolve` with a facts path that does not exist: exit 2 and the path, no internal error', async () => {
    const io = fakeIo(dir);
    assert.equal(await run(['resolve', '--facts', 'no-such-facts'], io), 2);
    assert.match(io.err, /^hieradrift: No such file or directory @ rb_sysopen - \S*\/no-such-facts\n$/);
  });

  it('exit 1 with the reason on stderr when not found; the first found of several keys wins', async () => {
    const io = fakeIo(dir);
    assert.equal(await run(['lookup', 'nope', '--facts', 'facts.yaml'], io), 1);
    assert.match(io.err, /did not find a value for the name 'nope'/);
    const io2 = fakeIo(dir);
    assert.equal(await run(['lookup', 'nope', 'plain', '--facts', 'facts.yaml', '--render-as', 's'], io2), 0);
    assert.equal(io2.out, 'visible\n');
  });
});

describe('lookup: mapped_paths', () => {
  // Puppet 7 `puppet lookup --explain` with mapped_paths ["::roles", x, "roles/%{x}.yaml"] and roles [web, db]
  // reads roles/web.yaml: the scope method takes `::roles` as the top-scope variable roles.
  it('reads `::var` as the top-scope variable, as Puppet does', async () => {
    const dir = tree({
      'hiera.yaml': 'version: 5\nhierarchy:\n  - name: top scope\n    mapped_paths: ["::roles", x, "roles/%{x}.yaml"]\n',
      'data/roles/web.yaml': 'k: web\n',
    });
    const f = makeFacts('n1.example.com', new Map<string, HValue>([['clientcert', 'n1.example.com'], ['roles', ['web', 'db']]]));
    const ctx = await createLookupContext({ environmentDir: dir, facts: f });
    assert.equal(lookup(ctx, 'k').value, 'web');
  });
});

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { lintProject } from '../../src/lint/project.js';
import { formatters, useColor, type FormatName } from '../../src/report/index.js';
import { ruleInfos } from '../../src/cli/commands/lint.js';
import { run } from '../../src/cli/main.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(import.meta.url);

function seeded() {
  const p = lintProject({ paths: ['fixtures/lint/seeded-secret'], cwd: root });
  return { results: p.run.results, rules: ruleInfos(), fileCount: p.run.files.length, files: p.run.files, toolVersion: '0.1.0' };
}

describe('reporters', () => {
  const input = seeded();

  it('the seeded fixture has findings, and no format shows a seeded secret', () => {
    assert.ok(input.results.flatMap((r) => r.diagnostics).length >= 6);
    for (const name of Object.keys(formatters) as FormatName[]) {
      const out = formatters[name](input, { color: false });
      assert.ok(!out.includes('SEEDED'), `${name} leaks a secret`);
    }
  });

  it('sarif validates against the official SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new (Ajv04 as unknown as typeof Ajv)({ allErrors: true, strict: false, unicodeRegExp: false });
    // The SARIF schema uses date-time and uri formats; check them rather than ignore them.
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(formatters.sarif(input, { color: false })) as any;
    const valid: boolean = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(log.version, '2.1.0');
    const r = log.runs[0].results[0];
    assert.ok(r.partialFingerprints['hieradrift/v1']);
    assert.equal(log.runs[0].tool.driver.rules[r.ruleIndex].id, r.ruleId);
  });

  it('json validates against schemas/lint-report.schema.json', () => {
    const schema = JSON.parse(readFileSync(`${root}/schemas/lint-report.schema.json`, 'utf8'));
    const ajv = new Ajv({ allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(JSON.parse(formatters.json(input, { color: false }))), JSON.stringify(validate.errors));
  });

  it('codeclimate issues carry the fields GitLab requires, with unique fingerprints', () => {
    const issues = JSON.parse(formatters.codeclimate(input, { color: false })) as Record<string, any>[];
    for (const i of issues) {
      assert.equal(i.type, 'issue');
      assert.ok(i.check_name && i.description && i.fingerprint && i.location.path && i.location.lines.begin >= 1);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(i.severity));
    }
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  });

  it('junit is well-formed XML with one failure per finding', () => {
    const xml = formatters.junit(input, { color: false });
    const n = input.results.reduce((s, r) => s + r.diagnostics.length, 0);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    assert.equal((xml.match(/<failure /g) ?? []).length, n);
    assert.match(xml, new RegExp(`failures="${n}"`));
    assert.equal((xml.match(/<testsuite /g) ?? []).length, (xml.match(/<\/testsuite>/g) ?? []).length);
  });

  it('github emits workflow commands with escaped properties', () => {
    const out = formatters.github(input, { color: false });
    assert.match(out, /^::group::/);
    assert.match(out, /::error file=data\/common.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=hiera\/plaintext-secret::/);
  });

  it('stylish colours only when asked; NO_COLOR and FORCE_COLOR decide', () => {
    assert.ok(!formatters.stylish(input, { color: false }).includes('\x1b['));
    assert.ok(formatters.stylish(input, { color: true }).includes('\x1b['));
    assert.equal(useColor({ NO_COLOR: '1' }, true), false);
    assert.equal(useColor({ FORCE_COLOR: '1' }, false), true);
    assert.equal(useColor({}, true), true);
  });
});

describe('hieradrift lint / check (CLI)', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), cwd: root, env: {}, isTTY: false } };
  };
  it('exit 1 on errors, 0 when clean, 2 on a bad format', async () => {
    let t = io();
    assert.equal(await run(['lint', 'fixtures/lint/seeded-secret'], t.io), 1);
    assert.ok(!t.out.stdout.includes('SEEDED'));
    t = io();
    assert.equal(await run(['lint', 'fixtures/repos/example/data/os/Debian.yaml'], t.io), 0);
    assert.match(t.out.stdout, /yaml\/version-float/);
    t = io();
    assert.equal(await run(['lint', '--max-warnings', '0', 'fixtures/repos/example/data/os/Debian.yaml'], t.io), 1);
    t = io();
    assert.equal(await run(['lint', '--format', 'nope', 'fixtures/repos/example'], t.io), 2);
  });
  it('check runs lint and OpenStack validation over the example repo', async () => {
    const t = io();
    const code = await run(['check', 'fixtures/repos/example', '--format', 'json'], t.io);
    const report = JSON.parse(t.out.stdout);
    const ids = report.results.flatMap((r: any) => r.messages.map((m: any) => m.ruleId));
    assert.ok(ids.includes('yaml/version-float'));
    assert.ok(ids.some((id: string) => id.startsWith('openstack/')));
    assert.equal(code, 1);
  });
});

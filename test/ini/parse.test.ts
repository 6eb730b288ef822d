import assert from 'node:assert/strict';
import { osloNormalizedSections, osloSections, parseIni, type IniDocument } from '../../src/ini/index.js';
import { toList } from './agree.js';

const slice = (doc: IniDocument, s: { start: number; end: number }): string => doc.text.slice(s.start, s.end);

describe('ini: parseIni positions and model', function () {
  it('spans every header, key and value', function () {
    const doc = parseIni('[DEFAULT]\n  \nkey = "quoted" \n[ Sec ]\r\na:b = c\nmulti =\n  one\n\ttwo  \nempty=\n', 'f.conf');
    assert.equal(doc.error, undefined);
    const [d, s] = doc.sections;
    assert.deepEqual([d!.name, d!.normalized, slice(doc, d!.span)], ['DEFAULT', 'DEFAULT', '[DEFAULT]']);
    assert.deepEqual([s!.name, s!.normalized, slice(doc, s!.span)], [' Sec ', ' sec ', '[ Sec ]']);
    const key = d!.entries[0]!;
    assert.deepEqual([key.key, key.value, slice(doc, key.keySpan), slice(doc, key.valueSpan), key.line], ['key', 'quoted', 'key', '"quoted"', 3]);
    const [ab, multi, empty] = s!.entries;
    assert.deepEqual([ab!.key, ab!.value, ab!.separator, slice(doc, ab!.valueSpan)], ['a', 'b = c', ':', 'b = c']);
    assert.deepEqual([multi!.value, multi!.continuation, slice(doc, multi!.valueSpan), multi!.line], ['\none\ntwo', true, '\n  one\n\ttwo', 6]);
    assert.deepEqual([empty!.value, empty!.valueSpan.start, empty!.valueSpan.end, slice(doc, empty!.keySpan)], ['', doc.text.length - 1, doc.text.length - 1, 'empty']);
    const pos = doc.lineCounter.position(multi!.valueSpan.end);
    assert.deepEqual(pos, { line: 8, column: 5 });
  });

  it('uses Python whitespace, not JavaScript trim', function () {
    const doc = parseIni('[s]\nk = \x1cv\x85\nk2 = \ufeffw\ufeff\n', 'f');
    assert.deepEqual(toList(osloSections(doc)), [['s', [['k', ['v']], ['k2', ['\ufeffw\ufeff']]]]]);
  });

  it('merges repeated and differently-cased sections as oslo does', function () {
    const doc = parseIni('[Database]\nConnection=x\n[database]\nconnection=y\n[default]\na=1\n[DEFAULT]\na=2\n', 'f');
    assert.equal(doc.sections.length, 4);
    assert.deepEqual(toList(osloNormalizedSections(doc)), [
      ['database', [['Connection', ['x']], ['connection', ['y']]]],
      ['default', [['a', ['1']]]],
      ['DEFAULT', [['a', ['2']]]],
    ]);
  });

  it('keeps __proto__ as plain data', function () {
    const doc = parseIni('[__proto__]\n__proto__ = x\n', 'f');
    assert.deepEqual(osloSections(doc).get('__proto__')?.get('__proto__'), ['x']);
  });

  const errors: [string, string, number, number, number][] = [
    ['[DEFAULT]\nnovalue\n', "No ':' or '=' found in assignment: 'novalue'", 2, 1, 8],
    ['[DEFAULT]\n= v\n', "Key cannot be empty: '= v'", 2, 1, 4],
    ['\tcont\n', "Unexpected continuation line: '\\tcont'", 1, 1, 6],
    ['[DEFAULT] # c\n', "Invalid section (must end with ]): '[DEFAULT] # c'", 1, 1, 14],
    ['[]\n', "Empty section name: '[]'", 1, 1, 3],
    ['k = v\n  c\n', 'Section must be started before assignment: None', 2, 1, 4],
    ['\ufeff[DEFAULT]\n', "No ':' or '=' found in assignment: '\\ufeff[DEFAULT]'", 1, 1, 11],
    [' password = hunter2\n', "Unexpected continuation line: ' password = <secret>'", 1, 1, 20],
    ['[DEFAULT]\n:rabbit://u:pw@h\n', "Key cannot be empty: ':rabbit://u:<secret>@h'", 2, 1, 17],
  ];
  for (const [text, message, line, column, endColumn] of errors) {
    it(`error: ${message}`, function () {
      const doc = parseIni(text, 'f.conf');
      assert.deepEqual(doc.error, { ruleId: 'ini/syntax', severity: 'error', message, file: 'f.conf', line, column, endLine: line, endColumn });
    });
  }

  it('never prints a secret in an error message', function () {
    assert.ok(!parseIni(' db_password: hunter2\n', 'f').error!.message.includes('hunter2'));
  });
});

describe('ini: Puppet-vs-oslo trap diagnostics', function () {
  const cases: [string, string, string, [number, number, number, number]][] = [
    ['key: value line', '[DEFAULT]\nmy_ip: 10.0.0.1\n', 'ini/puppet-colon-line', [2, 1, 2, 16]],
    ['a:b = c', '[DEFAULT]\na:b = c\n', 'ini/puppet-colon-line', [2, 1, 2, 8]],
    ['indented key', '[DEFAULT]\nstate_path = /x\n  indented_key = 1\n', 'ini/puppet-indented-key', [3, 1, 3, 19]],
    ['indented header', '[DEFAULT]\nk = v\n\t[sec]\n', 'ini/puppet-indented-section', [3, 1, 3, 7]],
    ['repeated section', '[a]\nx=1\n[a]\ny=2\n', 'ini/puppet-duplicate-section', [3, 1, 3, 4]],
    ['nbsp after header', '[a]\u00a0\nx=1\n', 'ini/puppet-section-differs', [1, 1, 1, 4]],
    ['nbsp in key', '[a]\nk\u00a0= 1\n', 'ini/puppet-key-differs', [2, 1, 2, 6]],
    ['lone CR', '[a]\rx=1\r', 'ini/puppet-cr-line', [1, 4, 1, 5]],
  ];
  for (const [name, text, ruleId, [line, column, endLine, endColumn]] of cases) {
    it(name, function () {
      const found = parseIni(text, 'f').diagnostics.filter((d) => d.ruleId === ruleId);
      assert.equal(found.length, 1, JSON.stringify(parseIni(text, 'f').diagnostics));
      assert.deepEqual([found[0]!.line, found[0]!.column, found[0]!.endLine, found[0]!.endColumn, found[0]!.severity], [line, column, endLine, endColumn, 'warning']);
    });
  }

  it('is quiet on an ordinary file and on indented plain continuations', function () {
    assert.deepEqual(parseIni('[DEFAULT]\n# c\ndebug = true\nlist = a,\n  b\n\n[database]\nconnection = x\n', 'f').diagnostics, []);
  });
});

describe('ini: Python whitespace set', function () {
  it('matches str.isspace() for every BMP code unit', async function () {
    const { isPySpace, pyStrip } = await import('../../src/ini/index.js');
    const python = [0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
      0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isPySpace(ch), python.includes(c), `U+${c.toString(16)}`);
      assert.equal(pyStrip(`${ch}x${ch}`) === 'x', python.includes(c), `strip U+${c.toString(16)}`);
    }
  });
});

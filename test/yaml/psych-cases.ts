/** Hand-written differential cases: every row of hiera-semantics.md §2.2/§2.3 plus YAML syntax forms. */
export const HAND_CASES: readonly string[] = [
  // booleans and null, Psych is case-insensitive; y/n stay strings
  'k: yes', 'k: Yes', 'k: ON', 'k: off', 'k: oN', 'k: tRUE', 'k: fAlSe', 'k: nUll', 'k: y', 'k: n', 'k: Y', 'k: No',
  'k: ~', 'k: null', 'k: NULL', 'k:', 'k: ""', "k: ''",
  // integers
  'k: 0755', 'k: 0o755', 'k: 08', 'k: 09', 'k: 0789', 'k: 0x1F', 'k: 0X1F', 'k: -0x1F', 'k: 0b101', 'k: -0b101', 'k: 1_000',
  'k: 1,000', 'k: 1,2,3', 'k: 0,1', 'k: 1__0', 'k: 1_', 'k: _1', 'k: 1,,0', 'k: +1', 'k: -0', 'k: 0', 'k: 00',
  'k: 123456789012345678901234567890', 'k: -123456789012345678901234567890', 'k: 0b_', 'k: 0x',
  // sexagesimal (Psych's base-60 bug)
  'k: 1:30', 'k: -1:30', 'k: 12:30:00', 'k: 190:20:30', 'k: 1:30.5', 'k: 1:60', 'k: 1:2:3:4', 'k: 1_0:30',
  // floats
  'k: 1,000.5', 'k: 1e3', 'k: 1.0e3', 'k: 1.e3', 'k: 1.0e+3', 'k: 1.2E+3', 'k: 6.8523015e+5', 'k: 1.', 'k: .5', 'k: +.5',
  'k: .', 'k: -.', 'k: 1.10', 'k: 16.0', 'k: 1.0e+20', 'k: 1.5e-7', 'k: 1.5e-07', 'k: 0.0001', 'k: 0.00001', 'k: 1.0e+400',
  'k: .e+1', 'k: 1_000.5', 'k: -0.0', 'k: 1234567890123456.0', 'k: 100000000000000.0',
  // special floats
  'k: .inf', 'k: .Inf', 'k: -.inf', 'k: +.inf', 'k: .iNf', 'k: .nan', 'k: .NaN', 'k: .NAN', 'k: -.nan', 'k: inf', 'k: nan',
  // dates and times are refused
  'k: 2024-01-15', 'k: 2024-1-5', 'k: 2024-02-30', 'k: 2024-13-01', 'k: 2024-01-15T10:20:30Z', 'k: 2024-01-15 10:20:30',
  "k: '2024-01-15'", 'k: 2024-01-15 10:20:30 +02:00', 'k: !!timestamp 2024-01-15', 'k: !!timestamp foo', 'k: 20240115',
  // symbols
  'k: :foo', ':foo: 1', 'k: :"a b"', "k: :'x'", 'k: !ruby/symbol foo', 'k: !ruby/sym bar', '{:a: 1, :b: {:c: 2}}', 'k: [:x]',
  // tags
  'k: !ruby/hash {a: 1}', 'k: !ruby/array [1]', 'k: !ruby/string x', 'k: !ruby/object:X {a: 1}', 'k: !ruby/object:Hash {a: 1}',
  'k: !ruby/regexp /a/', 'k: !ruby/range 1..2', 'k: !!set {a, b}', 'k: !foo bar', 'k: !foo 12', 'k: ! 12', "k: !foo '12'",
  'k: !!binary aGVsbG8=', 'k: !!binary /w==', 'k: !!omap [{a: 1}, {b: 2}]', 'k: !!omap [[a, b], {c: 1, d: 2}]', 'k: !!str 123',
  "k: !!int '12'", "k: !!float '1'", "k: !!bool 'yes'", 'k: !!float 1e3', "k: !!float ''", 'k: !!null ""', 'k: !!str',
  'k: !ruby/object:Foo bar', 'k: !!map {a: 1}', 'k: !!seq [1]', 'k: !<tag:yaml.org,2002:str> 12', 'k: !ruby/struct {a: 1}',
  '%TAG !e! tag:example.com,2000:\n---\nk: !e!foo 12',
  // structure
  'k: %{x}', 'k: 1\nk: 2', '1: a', 'yes: a', '~: a', '1.5: a', '0755: a', 'a: 1\n---\nb: 2', '', '# only a comment\n', '---\n',
  'a: 1\n...\n---\nb: 2', 'a: 1\n---\n[', 'k:\n\t- a', 'k:\tv', '%YAML 1.2\n---\nk: yes', '%YAML 2.0\n---\nk: 1', 'k: &a [*a]',
  'k: *nope', '- 1\n- 2', 'just a string', '42', 'a: [1, 2', 'a: {b: 1, c: [1, {d: e}]}', '[a, b, {c: d}]', 'a: [ ]\nb: { }',
  '__proto__: 1\nconstructor: {prototype: 2}', 'k: "\\x41\\u00e9\\t\\/"', "k: 'it''s'", 'k: "a\n  b\n\n  c"', 'k: a\n  b\n  c',
  'a: 1\r\nb: [1, 2]\r\nc: |\r\n  x\r\n  y\r\n', 'k: "\\q"', 'k: a # comment', 'k: a#b', '"quoted key": 1', "'<<': {a: 1}",
  // block scalars
  'k: |\n  a\n  b\n', 'k: >\n  a\n  b\n\n  c\n', 'k: |-\n  a\n', 'k: >+\n  a\n\n\nj: 1', 'k: |2\n    a\n   b\n', 'k: |+\n  a\n\n',
  'k: >-\n  folded\n  text\n    more\n  end\n', 'k: |\n', 'k: |\n  # not a comment\n', 'k: >1\n  a\n',
  // anchors and merge keys
  'a: &x 1\nb: *x', 'base: &b {x: 1, y: 2}\nz: {y: 3, <<: *b}', 'base: &b {x: 1, y: 2}\nz: {<<: *b, y: 3}',
  'a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc: {<<: [*a, *b]}', 'a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*b, *a]\n  z: 3', 'k: {<<: 1}',
  'a: &a [1]\nc: {<<: *a}', 'a: &a {x: 1}\nc: {"<<": *a}', 'a: &a {x: 1}\nc: {!!str <<: *a}', 'a: &a {x: 1}\nc: {<<: [*a, 1]}',
  'a: &a x\nb: &a y\nc: *a',
  // BOM
  '\uFEFFa: 1\nb: 2\n', '\uFEFF---\na: 1\n', '\uFEFFa:\n  x: 1\n  y: 2\nb: 2\n', '\uFEFF- a\n- b\n', '\uFEFF# c\na: 1\nb: 2\n',
  ' a: 1\nb: 2\n', '\uFEFF{a: 1, b: 2}',
];

/** json_data cases (Ruby json 2.6 via Puppet::Util::Json.load). */
export const JSON_CASES: readonly string[] = [
  '', '{}', '{"a":1,"a":2}', '// c\n{"a":1}', '/* c */{"a":1}', '{"a":NaN}', '{"a":1,}', '{"a":1e3}', '{"a":01}', '{"a":-0}',
  '{"a":1.0E+2}', '[1]', '"s"', '{"a":"\\u00e9\\ud83d\\ude00"}', '{"a":1.}', '{"a":.5}', '{"a":123456789012345678901234567890}',
  '{"a":"x\ty"}', ' {"a":1} x', '{"a":true,"b":null,"c":[1.5,"x",{"d":[]}]}', '{"a": 16.0}', '\uFEFF{"x": 1}',
];

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenariosDir, type OracleCase } from '../../test/support/puppet-lookup-oracle.js';

/**
 * Writes fixtures/hiera/convert-to/: one key per case, its `lookup_options` convert_to and its value
 * written as YAML text here, so the data file reads as the table below. Record the goldens afterwards:
 * npm run build && node dist/scripts/hiera/convert-to-fixture.js && node dist/scripts/hiera/record-goldens.js convert-to
 */
interface Row {
  id: string;
  /** convert_to as YAML flow text. */
  to: string;
  /** The value as YAML flow text. */
  value: string;
  knownDifference?: string;
}

type Section = [title: string, rows: Row[]];

const r = (id: string, to: string, value: string, knownDifference?: string): Row => ({ id, to, value, ...(knownDifference && { knownDifference }) });

const sections: Section[] = [
  ['String, default format', [
    r('s_str', 'String', 'hello'),
    r('s_int', 'String', '42'),
    r('s_neg', 'String', '-7'),
    r('s_float', 'String', '1.5'),
    r('s_float_big', 'String', '1.0e+20'),
    r('s_float_int', 'String', '3.0'),
    r('s_true', 'String', 'true'),
    r('s_nil', 'String', '~'),
    r('s_array', 'String', "[1, a, true, ~, 2.5, 'it''s']"),
    r('s_hash', 'String', '{a: 1, b: [x, y], 3: ~}'),
    r('s_nested', 'String', '[[1, [2]], {k: {l: m}}]'),
    r('s_empty_array', 'String', '[]'),
    r('s_quote', 'String', '[ "tab\\there", "dollar $x", "back\\\\slash", "ünï" ]'),
    r('s_list', '[String]', '5'),
  ]],
  ['String with a format', [
    r('sf_hex', "[String, '%x']", '255'),
    r('sf_hex_upper', "[String, '%X']", '255'),
    r('sf_hex_alt', "[String, '%#x']", '255'),
    r('sf_hex_neg', "[String, '%x']", '-255'),
    r('sf_hex_neg_plus', "[String, '%+x']", '-255'),
    r('sf_oct_alt', "[String, '%#o']", '8'),
    r('sf_oct', "[String, '%o']", '8'),
    r('sf_bin', "[String, '%b']", '5'),
    r('sf_bin_alt', "[String, '%#b']", '5'),
    r('sf_bin_neg', "[String, '%b']", '-5'),
    r('sf_width', "[String, '%5d']", '42'),
    r('sf_zero', "[String, '%05d']", '42'),
    r('sf_left', "[String, '%-5d']", '42'),
    r('sf_plus', "[String, '%+d']", '42'),
    r('sf_space', "[String, '% d']", '42'),
    r('sf_prec_int', "[String, '%.3d']", '7'),
    r('sf_char', "[String, '%c']", '65'),
    r('sf_int_s', "[String, '%s']", '42'),
    r('sf_int_alt_s', "[String, '%#s']", '42'),
    r('sf_int_p', "[String, '%p']", '42'),
    r('sf_int_f', "[String, '%.2f']", '3'),
    r('sf_int_e', "[String, '%e']", '1234'),
    r('sf_float_f', "[String, '%.2f']", '3.14159'),
    r('sf_float_f_def', "[String, '%f']", '2.5'),
    r('sf_float_e', "[String, '%.3e']", '12345.678'),
    r('sf_float_g', "[String, '%g']", '0.0001'),
    r('sf_float_g_big', "[String, '%g']", '1234567.0'),
    r('sf_float_d', "[String, '%d']", '3.99'),
    r('sf_float_x', "[String, '%x']", '255.5'),
    r('sf_float_s', "[String, '%s']", '1.5'),
    r('sf_float_s_width', "[String, '%8s']", '1.5'),
    r('sf_float_p', "[String, '%p']", '0.1'),
    r('sf_float_a', "[String, '%a']", '1.0', 'Ruby\'s hexadecimal float format (%a) is not modelled'),
    r('sf_bool_y', "[String, '%y']", 'true'),
    r('sf_bool_Y', "[String, '%Y']", 'false'),
    r('sf_bool_alt_t', "[String, '%#t']", 'true'),
    r('sf_bool_T', "[String, '%T']", 'true'),
    r('sf_bool_d', "[String, '%d']", 'true'),
    r('sf_bool_f', "[String, '%.1f']", 'false'),
    r('sf_bool_p', "[String, '%p']", 'true'),
    r('sf_bool_width', "[String, '%-6y']", 'true'),
    r('sf_nil_u', "[String, '%u']", '~'),
    r('sf_nil_n_alt', "[String, '%#n']", '~'),
    r('sf_nil_d', "[String, '%d']", '~'),
    r('sf_nil_s', "[String, '%s']", '~'),
    r('sf_nil_p', "[String, '%p']", '~'),
    r('sf_nil_v', "[String, '%V']", '~'),
    r('sf_str_p', "[String, '%p']", 'hello'),
    r('sf_str_p_alt', "[String, '%#p']", 'hello'),
    r('sf_str_p_dq', "[String, '%p']", '"line\\nbreak"'),
    r('sf_str_u', "[String, '%u']", 'hello'),
    r('sf_str_d', "[String, '%d']", 'HeLLo'),
    r('sf_str_c', "[String, '%c']", 'hello world'),
    r('sf_str_C', "[String, '%C']", 'foo::bar'),
    r('sf_str_t', "[String, '%t']", "'  padded  '"),
    r('sf_str_width', "[String, '%10s']", 'abc'),
    r('sf_str_left', "[String, '%-10s']", 'abc'),
    r('sf_str_prec', "[String, '%.2s']", 'abcdef'),
    r('sf_str_x', "[String, '%x']", 'abc'),
    r('sf_arr_s', "[String, '%s']", '[1, two]'),
    r('sf_arr_paren', "[String, '%(a']", '[1, two]'),
    r('sf_arr_brace', "[String, '%{a']", '[1, two]'),
    r('sf_arr_pipe', "[String, '%|s']", '[1, two]'),
    r('sf_arr_lt', "[String, '%<p']", '[1, two]'),
    r('sf_arr_d', "[String, '%d']", '[1, 2]'),
    r('sf_hash_a', "[String, '%a']", '{a: 1}'),
    r('sf_hash_s', "[String, '%s']", '{a: 1}'),
    r('sf_hash_paren', "[String, '%(h']", '{a: 1}'),
    r('sf_hash_x', "[String, '%x']", '{a: 1}'),
    r('sf_bad_fmt', "[String, 'x']", '1'),
    r('sf_bad_spec', "[String, '%5']", '1'),
    r('sf_dup_flag', "[String, '%--5d']", '1'),
    r('sf_two_delims', "[String, '%[(a']", '[1]'),
    r('sf_empty_fmt', "[String, '']", '1'),
    r('sf_int_fmt', '[String, 16]', '255'),
    r('sf_map', "[String, {Integer: '%x'}]", '255'),
    r('sf_map_container', "[String, {Array: {format: '%(a', separator: ';'}}]", '[1, 2]'),
    r('sf_default', '[String, default]', '1'),
    r('sf_extra', "[String, '%x', 1]", '255'),
  ]],
  ['Integer', [
    r('i_dec', 'Integer', "'42'"),
    r('i_neg', 'Integer', "'-42'"),
    r('i_plus', 'Integer', "'+42'"),
    r('i_sign_space', 'Integer', "'- 42'"),
    r('i_spaces', 'Integer', "'  42  '"),
    r('i_tab', 'Integer', '"\\t42\\n"'),
    r('i_hex', 'Integer', "'0x1F'"),
    r('i_hex_upper', 'Integer', "'0X1f'"),
    r('i_neg_hex', 'Integer', "'-0x10'"),
    r('i_oct', 'Integer', "'0755'"),
    r('i_oct_o', 'Integer', "'0o17'"),
    r('i_bad_oct', 'Integer', "'09'"),
    r('i_bin', 'Integer', "'0b101'"),
    r('i_bin_upper', 'Integer', "'0B11'"),
    r('i_zero', 'Integer', "'0'"),
    r('i_zeros', 'Integer', "'000'"),
    r('i_dec_prefix', 'Integer', "'0d19'"),
    r('i_underscore', 'Integer', "'1_000'"),
    r('i_double_underscore', 'Integer', "'1__000'"),
    r('i_exp', 'Integer', "'1e2'"),
    r('i_float_str', 'Integer', "'3.7'"),
    r('i_empty', 'Integer', "''"),
    r('i_word', 'Integer', 'abc'),
    r('i_trailing', 'Integer', "'12abc'"),
    r('i_big', 'Integer', "'123456789012345678901234567890'"),
    r('i_int', 'Integer', '42'),
    r('i_float', 'Integer', '3.99'),
    r('i_neg_float', 'Integer', '-3.99'),
    r('i_true', 'Integer', 'true'),
    r('i_false', 'Integer', 'false'),
    r('i_nil', 'Integer', '~'),
    r('i_array', 'Integer', '[1, 2]'),
    r('i_hash', 'Integer', '{a: 1}'),
    r('i_radix16', '[Integer, 16]', "'ff'"),
    r('i_radix16_prefixed', '[Integer, 16]', "'0xff'"),
    r('i_radix2', '[Integer, 2]', "'101'"),
    r('i_radix8', '[Integer, 8]', "'17'"),
    r('i_radix10_oct', '[Integer, 10]', "'0755'"),
    r('i_radix10_hex', '[Integer, 10]', "'0x10'"),
    r('i_radix16_bad', '[Integer, 16]', "'xyz'"),
    r('i_radix16_int', '[Integer, 16]', '10'),
    r('i_radix3', '[Integer, 3]', "'12'"),
    r('i_radix_default', '[Integer, default]', "'0x10'"),
    r('i_abs', '[Integer, 10, true]', "'-42'"),
    r('i_abs_false', '[Integer, 10, false]', "'-42'"),
    r('i_abs_float', '[Integer, 10, true]', '-3.5'),
    r('i_abs_string_radix', "[Integer, '16']", "'ff'"),
    r('i_hash_args', '[Integer, {radix: 16}]', "'ff'"),
    r('i_range_ok', "'Integer[0, 10]'", "'5'"),
    r('i_range_out', "'Integer[0, 10]'", "'50'"),
    r('i_range_int_out', "'Integer[0, 10]'", '50'),
    r('i_range_int_in', "'Integer[0, 10]'", '5'),
  ]],
  ['Float and Numeric', [
    r('f_str', 'Float', "'1.5'"),
    r('f_int_str', 'Float', "'3'"),
    r('f_exp', 'Float', "'1e3'"),
    r('f_neg_exp', 'Float', "'-2.5E-3'"),
    r('f_sign_space', 'Float', "'- 1.5'"),
    r('f_spaces', 'Float', "' 1.5 '"),
    r('f_lead_dot', 'Float', "'.5'"),
    r('f_trail_dot', 'Float', "'5.'"),
    r('f_hex', 'Float', "'0x10'"),
    r('f_bin', 'Float', "'0b11'"),
    r('f_oct', 'Float', "'017'"),
    r('f_underscore', 'Float', "'1_000.5'"),
    r('f_word', 'Float', 'abc'),
    r('f_int', 'Float', '3'),
    r('f_float', 'Float', '2.5'),
    r('f_true', 'Float', 'true'),
    r('f_nil', 'Float', '~'),
    r('f_array', 'Float', '[1]'),
    r('f_abs', '[Float, true]', "'-2.5'"),
    r('n_int_str', 'Numeric', "'42'"),
    r('n_float_str', 'Numeric', "'4.2'"),
    r('n_hex', 'Numeric', "'0x1f'"),
    r('n_oct', 'Numeric', "'010'"),
    r('n_bin', 'Numeric', "'0b11'"),
    r('n_exp', 'Numeric', "'1e2'"),
    r('n_sign_space', 'Numeric', "'- 3'"),
    r('n_bool', 'Numeric', 'true'),
    r('n_int', 'Numeric', '7'),
    r('n_word', 'Numeric', 'abc'),
    r('n_nil', 'Numeric', '~'),
    r('n_abs', '[Numeric, true]', "'-7'"),
  ]],
  ['Boolean', [
    r('b_true', 'Boolean', "'true'"),
    r('b_TRUE', 'Boolean', "'TRUE'"),
    r('b_False', 'Boolean', "'False'"),
    r('b_yes', 'Boolean', "'yes'"),
    r('b_No', 'Boolean', "'No'"),
    r('b_y', 'Boolean', "'Y'"),
    r('b_n', 'Boolean', "'n'"),
    r('b_on', 'Boolean', "'on'"),
    r('b_one_str', 'Boolean', "'1'"),
    r('b_empty', 'Boolean', "''"),
    r('b_spaced', 'Boolean', "' true'"),
    r('b_zero', 'Boolean', '0'),
    r('b_one', 'Boolean', '1'),
    r('b_float_zero', 'Boolean', '0.0'),
    r('b_float', 'Boolean', '0.5'),
    r('b_bool', 'Boolean', 'false'),
    r('b_nil', 'Boolean', '~'),
    r('b_array', 'Boolean', '[true]'),
    r('b_hash', 'Boolean', '{a: true}'),
  ]],
  ['Array', [
    r('a_array', 'Array', '[1, 2]'),
    r('a_hash', 'Array', '{a: 1, b: 2}'),
    r('a_string', 'Array', 'abc'),
    r('a_int', 'Array', '3'),
    r('a_neg_int', 'Array', '-1'),
    r('a_float', 'Array', '1.5'),
    r('a_bool', 'Array', 'true'),
    r('a_nil', 'Array', '~'),
    r('a_wrap_string', '[Array, true]', 'abc'),
    r('a_wrap_array', '[Array, true]', '[1, 2]'),
    r('a_wrap_hash', '[Array, true]', '{a: 1}'),
    r('a_wrap_nil', '[Array, true]', '~'),
    r('a_nowrap_string', '[Array, false]', 'abc'),
    r('a_wrap_bad', '[Array, yes]', 'abc'),
    r('a_typed', "'Array[Integer]'", "['1', '2']"),
    r('a_typed_ok', "'Array[Integer]'", '[1, 2]'),
  ]],
  ['Hash', [
    r('h_pairs', 'Hash', '[[a, 1], [b, 2]]'),
    r('h_flat', 'Hash', '[a, 1, b, 2]'),
    r('h_odd', 'Hash', '[a, 1, b]'),
    r('h_empty', 'Hash', '[]'),
    r('h_hash', 'Hash', '{a: 1}'),
    r('h_dup', 'Hash', '[[a, 1], [a, 2]]'),
    r('h_tree_keys', 'Hash', '[[[a, b], 1], [[c], 2]]', "Puppet makes a Hash with Array keys; hieradrift's value model holds scalar keys only"),
    r('h_tree', '[Hash, tree]', '[[[a, b], 1], [[a, c], 2]]'),
    r('h_hash_tree', '[Hash, hash_tree]', '[[[a, b], [x, y]]]'),
    r('h_triples', 'Hash', '[[a, 1, 2]]'),
    r('h_string', 'Hash', 'abc'),
    r('h_int', 'Hash', '2'),
    r('h_nil', 'Hash', '~'),
    r('h_bool', 'Hash', 'true'),
  ]],
  ['Sensitive, Optional, NotUndef, Variant', [
    r('sens_str', 'Sensitive', 'secret'),
    r('sens_int', 'Sensitive', '42'),
    r('sens_nil', 'Sensitive', '~'),
    r('sens_typed', "'Sensitive[String]'", 'secret'),
    r('sens_typed_int', "'Sensitive[Integer]'", "'42'"),
    r('opt_int', "'Optional[Integer]'", "'42'"),
    r('opt_int_nil', "'Optional[Integer]'", '~'),
    r('opt_bare', 'Optional', "'42'"),
    r('notundef_int', "'NotUndef[Integer]'", "'42'"),
    r('notundef_nil', "'NotUndef[Integer]'", '~'),
    r('variant', "'Variant[Integer, String]'", '1.5'),
    r('variant_match', "'Variant[Integer, String]'", "'x'"),
  ]],
  ['Types without a new', [
    r('enum_match', "'Enum[a, b]'", 'a'),
    r('enum_miss', "'Enum[a, b]'", 'c'),
    r('pattern_miss', "'Pattern[/^a/]'", 'bcd'),
    r('pattern_match', "'Pattern[/^a/]'", 'abc'),
    r('string_sized', "'String[1, 3]'", '12345'),
    r('string_sized_ok', "'String[1, 3]'", '123'),
    r('string_sized_int', "'String[1, 3]'", '12345'),
    r('float_range', "'Float[0.0, 1.0]'", "'2.5'"),
    r('scalar', 'Scalar', '[1]'),
    r('scalar_ok', 'Scalar', '1'),
    r('data', 'Data', '1'),
    r('any', 'Any', '1'),
    r('undef_type', 'Undef', '1'),
    r('undef_type_nil', 'Undef', '~'),
    r('struct', "'Struct[{a => Integer}]'", "{a: '1'}", 'Struct types are not modelled (Puppet reports the entry that does not match)'),
    r('tuple', "'Tuple[Integer, String]'", "['1', 2]", 'Tuple types are not modelled (Puppet reports each index that does not match)'),
    r('type_type', 'Type', 'Integer', 'Puppet returns a type object, which has no place in Hiera data'),
    r('regexp', 'Regexp', "'^a.*'", 'Puppet returns a Regexp object, which has no place in Hiera data'),
    r('default_type', 'Default', '1'),
  ]],
  ['Types out of reach', [
    r('timestamp', 'Timestamp', "'2020-01-01T00:00:00Z'", 'Timestamp values are not modelled'),
    r('timespan', 'Timespan', "'1-00:00:00'", 'Timespan values are not modelled'),
    r('semver', 'SemVer', "'1.2.3'", 'SemVer values are not modelled'),
    r('binary', 'Binary', "'aGVsbG8='", 'Binary values are not modelled'),
    r('deferred', 'Deferred', 'x', 'Deferred values are not modelled'),
    r('uri', 'URI', "'http://example.com/'", 'URI values are not modelled'),
  ]],
  ['Bad convert_to specs', [
    r('unknown_type', 'Foo', '1'),
    r('unknown_qualified', "'Foo::Bar'", '1'),
    r('lowercase', 'integer', "'1'"),
    r('lowercase_string', 'string', '1'),
    r('syntax_error', "'Integer['", '1'),
    r('bad_param', "'Integer[a]'", '1'),
    r('spec_nil', '~', "'1'"),
    r('spec_int', '1', '1'),
    r('spec_bool', 'true', '1'),
    r('spec_nil_list', '[~]', '1'),
    r('spec_empty_list', '[]', '1'),
    r('spec_hash', '{a: b}', '1'),
    r('spec_empty_string', "''", '1'),
    r('spec_spaces', "' Integer '", "'1'"),
    r('spec_absolute', "'::Integer'", "'1'"),
  ]],
  ['Arguments a new function does not take', [
    r('args_int_many', '[Integer, 10, true, 1]', "'1'"),
    r('args_int_abs', '[Integer, 10, 1]', "'1'"),
    r('args_float_abs', '[Float, 1]', "'1.5'"),
    r('args_numeric_abs', '[Numeric, 1]', "'1'"),
    r('args_bool', '[Boolean, true]', "'yes'"),
    r('args_array_wrap', '[Array, 1]', 'abc'),
    r('args_hash_option', '[Hash, foo]', '[[[a], 1]]'),
    r('args_sensitive', '[Sensitive, 1]', 'x'),
  ]],
];

const scenarioRoot = join(scenariosDir, 'convert-to');
const node = 'n1.example.com';

function dataYaml(): string {
  const out = ['# Generated by scripts/hiera/convert-to-fixture.ts: one key per case.', 'lookup_options:'];
  for (const [title, rows] of sections) {
    out.push(`  # ${title}`);
    for (const row of rows) out.push(`  ${row.id}: {convert_to: ${row.to}}`);
  }
  out.push(...MERGE_OPTIONS);
  for (const [title, rows] of sections) {
    out.push('', `# ${title}`);
    for (const row of rows) out.push(`${row.id}: ${row.value}`);
  }
  out.push('', ...MERGE_COMMON);
  return out.join('\n') + '\n';
}

/** Keys whose value comes from two levels, a dotted key, and a key never found. */
const MERGE_OPTIONS = [
  '  # Merges and dig',
  '  m_deep: {merge: deep, convert_to: Array}',
  '  m_unique: {merge: unique, convert_to: [String, "%(a"]}',
  '  m_deep_string: {merge: deep, convert_to: String}',
  '  m_first: {convert_to: Integer}',
  '  m_cli: {convert_to: Array}',
  '  m_dig: {convert_to: Integer}',
  '  m_absent: {convert_to: Integer}',
  '  m_interp: {convert_to: Integer}',
];
const MERGE_COMMON = [
  '# Merges and dig',
  'm_deep: {b: 2, nested: {y: 2}}',
  'm_unique: [b, c]',
  'm_deep_string: {b: 2}',
  "m_first: '10'",
  'm_cli: {b: 2}',
  "m_dig: {port: '8080'}",
  "m_interp: '%{facts.count}'",
];
const MERGE_NODE = [
  '# Generated by scripts/hiera/convert-to-fixture.ts: the node level of the merge cases.',
  'm_deep: {a: 1, nested: {x: 1}}',
  'm_unique: [a, b]',
  'm_deep_string: {a: 1}',
  "m_first: '0x20'",
  'm_cli: {a: 1}',
];

type CaseOut = OracleCase;

function cases(): CaseOut[] {
  const out: CaseOut[] = sections.flatMap(([, rows]) => rows.map((row) => ({ id: row.id, node, keys: [row.id], ...(row.knownDifference && { knownDifference: row.knownDifference }) })));
  for (const id of ['m_deep', 'm_unique', 'm_deep_string', 'm_first', 'm_interp']) out.push({ id, node, keys: [id] });
  out.push({ id: 'm_cli_hash', node, keys: ['m_cli'], merge: 'hash' });
  out.push({ id: 'm_cli_first', node, keys: ['m_cli'], merge: 'first' });
  out.push({ id: 'm_dig', node, keys: ['m_dig.port'] });
  out.push({ id: 'm_absent_default', node, keys: ['m_absent'], default: '12' });
  out.push({ id: 'm_absent_next', node, keys: ['m_absent', 'm_first'] });
  return out;
}

const env = join(scenarioRoot, 'code/environments/production');
mkdirSync(join(env, 'data/nodes'), { recursive: true });
mkdirSync(join(scenarioRoot, 'global'), { recursive: true });
mkdirSync(join(scenarioRoot, 'facts'), { recursive: true });
writeFileSync(join(env, 'hiera.yaml'), 'version: 5\nhierarchy:\n  - name: node\n    path: "nodes/%{trusted.certname}.yaml"\n  - name: common\n    path: common.yaml\n');
writeFileSync(join(env, 'data/common.yaml'), dataYaml());
writeFileSync(join(env, `data/nodes/${node}.yaml`), MERGE_NODE.join('\n') + '\n');
writeFileSync(join(scenarioRoot, 'global/hiera.yaml'), 'version: 5\nhierarchy: []\n');
writeFileSync(join(scenarioRoot, `facts/${node}.yaml`), 'clientcert: n1.example.com\nhostname: n1\ncount: 3\n');
const scenario = {
  description: "lookup_options convert_to: new(Type, value, *args) for each type an operator might write, values of every YAML kind, bad specs, merges and dig",
  cases: cases(),
};
writeFileSync(join(scenarioRoot, 'scenario.json'), JSON.stringify(scenario, null, 1) + '\n');
console.log(`convert-to: ${scenario.cases.length} cases`);

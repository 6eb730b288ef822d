import { isHash } from '../../src/value/index.js';
import type { YamlLoadResult } from '../../src/yaml/index.js';
import type { OracleAnswer } from '../support/psych-oracle.js';

/** Where hieradrift knowingly differs from Puppet: asserted both ways, with the reason. */
export interface KnownDifference {
  text: string;
  reason: string;
  /** Puppet's answer, as the oracle encodes it. */
  puppet: OracleAnswer;
  /** What hieradrift does instead. */
  check: (r: YamlLoadResult) => boolean;
}

const str = (v: string) => ({ t: 'str', v }) as const;

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    text: '? [a, b]\n: 1\n',
    reason: 'the value model has no Array keys (Puppet cannot look them up either: RichDataKey); the key becomes its Ruby inspect text, with a yaml/complex-key warning',
    puppet: { value: { t: 'hash', v: [[{ t: 'array', v: [str('a'), str('b')] }, { t: 'int', v: '1' }]] } },
    check: (r) => isHash(r.value) && r.value.get('["a", "b"]') === 1n && r.diagnostics.some((d) => d.ruleId === 'yaml/complex-key'),
  },
  {
    text: '? {a: 1}\n: x\n',
    reason: 'Hash keys, as Array keys above',
    puppet: { value: { t: 'hash', v: [[{ t: 'hash', v: [[str('a'), { t: 'int', v: '1' }]] }, str('x')]] } },
    check: (r) => isHash(r.value) && r.value.get('{"a"=>1}') === 'x' && r.diagnostics.some((d) => d.ruleId === 'yaml/complex-key'),
  },
  {
    text: 'k: !ruby/encoding UTF-8',
    reason: 'Psych builds an Encoding object that no Hiera value can hold (the lookup fails later); hieradrift refuses the file up front',
    puppet: { value: { t: 'hash', v: [[str('k'), { t: 'other', v: 'Encoding' }]] } },
    check: (r) => r.error !== undefined && /Encoding/.test(r.error.message),
  },
  {
    text: 'k: [-, a]\n',
    reason: "js-yaml (YAML 1.2) cannot read a bare '-' inside [ ] where libyaml reads the string '-'; hieradrift refuses the file (quote it: '-')",
    puppet: { value: { t: 'hash', v: [[str('k'), { t: 'array', v: [str('-'), str('a')] }]] } },
    check: (r) => r.error !== undefined && r.error.line === 1,
  },
  {
    text: 'k: [#c\n  a]\n',
    reason: "libyaml starts a comment at '#' right after '[' or '{' (YAML 1.2 needs a space before it); hieradrift refuses the file",
    puppet: { value: { t: 'hash', v: [[str('k'), { t: 'array', v: [str('a')] }]] } },
    check: (r) => r.error !== undefined,
  },
  {
    text: 'a: &a [*a]\na: 1\n',
    reason: 'a recursive alias is refused even when a later duplicate key discards it (Psych builds the cyclic value, then drops it); cyclic values cannot enter the value model',
    puppet: { value: { t: 'hash', v: [[str('a'), { t: 'int', v: '1' }]] } },
    check: (r) => r.error !== undefined && /recursive/.test(r.error.message),
  },
  {
    text: 'a: &a {<<: *a, x: 1}\n',
    reason: 'a merge of the mapping into itself is a no-op in Psych (the hash is still empty then); hieradrift refuses any alias to an enclosing collection',
    puppet: { value: { t: 'hash', v: [[str('a'), { t: 'hash', v: [[str('x'), { t: 'int', v: '1' }]] }]] } },
    check: (r) => r.error !== undefined && /recursive/.test(r.error.message),
  },
];

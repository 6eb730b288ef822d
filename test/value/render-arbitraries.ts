import fc from 'fast-check';

const tricky = fc.constantFrom(
  '', 'yes', 'No', 'y', 'n', '~', 'null', '123', '0755', '0o755', '1_000', '1,000', '1:30', '1e3', '1.5e+3', '.5', '.inf', ':sym', '- x', '-', '? x', '#x',
  'x #y', 'a: b', 'x:', ' x', 'x ', 'a\nb', 'a\nb\n', 'a\n\nb\n\n', '\tx', 'x\ty', '<<', '@x', '`x', '!x', '&x', '*x', '%x', '{x', '[x', '"x', "x'", "'x",
  'é', 'héllo ✓', 'plain words here', '2024-01-15', '08', '0x1F', '+1', '=', '|', '>', 'true', 'FALSE', 'x\u0001', ' ', 'a  b', 'a\n  indented\nb',
  ' leading\nlines', 'trailing \nspace', 'http://example.com:8080/x?y=1#z', '%{facts.os.family}', 'ENC[PKCS7,abc]',
);
const word = fc.oneof(tricky, fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '-', '#', '\n', "'", '"', '1', '.', 'é'), maxLength: 12 }));
const longText = fc.array(fc.constantFrom('lorem', 'ipsum', 'dolor', 'sit', 'amet,', 'consectetur', 'x'.repeat(30)), { minLength: 10, maxLength: 30 }).map((w) => w.join(' '));

/** JSON text (which YAML 1.1 reads the same) of random Hiera-like values. */
export const jsonDocument: fc.Arbitrary<string> = fc
  .letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.oneof(word, longText).map((s) => JSON.stringify(s)),
      fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
      fc.constantFrom('1.0', '16.0', '1.0e+20', '1.5e-07', '-0.5', '0.1', '1234567.125', 'true', 'false', 'null'),
      fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`),
      fc.array(fc.tuple(word, tie('value')), { maxLength: 4 }).map((ps) => `{${ps.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`),
    ),
  }))
  .value.map((v) => `{"k": ${v}}`);

import { LookupError, UnsupportedRegexpError } from './errors.js';
import { emit, UntranslatableError } from './ruby-regexp/emit.js';
import { parse, RubySyntaxError } from './ruby-regexp/parse.js';

export { UnsupportedRegexpError } from './errors.js';

type Translation = { js: string } | { error: LookupError };

const cache = new Map<string, Translation>();
const CACHE_SIZE = 2000;

/**
 * Ruby (Onigmo) regexp source to a JS RegExp with the same matches, for lookup_options patterns
 * (`Regexp.compile(key)`) and knockout prefixes (`%r{^#{prefix}}`): parsed as Onigmo's Ruby syntax, then
 * written for JS's `v` flag (src/hiera/ruby-regexp/). Throws LookupError with Ruby's message where Ruby
 * raises RegexpError, UnsupportedRegexpError where Ruby accepts a construct that has no exact translation.
 */
export function rubyRegExp(source: string, extraFlags = ''): RegExp {
  let t = cache.get(source);
  if (!t) {
    t = translate(source);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(source, t);
  }
  if ('error' in t) throw t.error;
  return new RegExp(t.js, 'v' + extraFlags);
}

function translate(source: string): Translation {
  try {
    const parsed = parse(source);
    const js = emit(parsed.root, parsed.groupCount);
    if (parsed.untranslatable) return { error: new UnsupportedRegexpError(parsed.untranslatable, source) };
    new RegExp(js, 'v');
    return { js };
  } catch (err) {
    if (err instanceof RubySyntaxError) return { error: new LookupError(`${err.message}: /${describe(source)}/`) };
    if (err instanceof UntranslatableError) return { error: new UnsupportedRegexpError(err.message, source) };
    throw err;
  }
}

/**
 * The pattern as Ruby's messages show it (rb_reg_expr_str): as is, unless it has a `/` or an ASCII control
 * character; then `/` gets a backslash, non-ASCII characters are \\uXXXX and controls other than spaces \\xXX.
 */
function describe(source: string): string {
  if (!/[/\x00-\x1f\x7f]/.test(source)) return source;
  return source.replace(/\\[\s\S]|[\s\S]/gu, (m) => {
    const c = m.codePointAt(0)!;
    if (m.length > 1 && m[0] === '\\') return m.replace(/[^\x00-\x7f]/gu, (x) => hexU(x.codePointAt(0)!));
    if (m === '/') return '\\/';
    if (c > 0x7f) return hexU(c);
    if ((c < 0x20 || c === 0x7f) && !/[\t\n\v\f\r]/.test(m)) return `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
    return m;
  });
}

function hexU(c: number): string {
  return c < 0x10000 ? `\\u${c.toString(16).toUpperCase().padStart(4, '0')}` : `\\u{${c.toString(16).toUpperCase()}}`;
}

import { LookupError } from './errors.js';

/**
 * Ruby (Onigmo) regexp source to a JS RegExp, for lookup_options patterns and knockout prefixes.
 * Ruby's `^`/`$` are line anchors (JS `m` flag); `\A`, `\z`, `\Z`, `\h` and a leading `(?i)` are mapped.
 */
export function rubyRegExp(source: string, extraFlags = ''): RegExp {
  let flags = 'm' + extraFlags;
  let src = source;
  // Onigmo option groups `(?i)` / `(?i:...)`: JS has no scoped modifiers before Node 23, so the
  // option is widened to the whole pattern (documented approximation).
  src = src.replace(/\(\?([imx]+)(\)|:)/g, (_m, opts: string, end: string) => {
    if (opts.includes('i') && !flags.includes('i')) flags += 'i';
    if (opts.includes('m') && !flags.includes('s')) flags += 's';
    return end === ')' ? '' : '(?:';
  });
  src = src
    .replace(/\\A/g, '(?<![\\s\\S])')
    .replace(/\\z/g, '(?![\\s\\S])')
    .replace(/\\Z/g, '(?=\\n?(?![\\s\\S]))')
    .replace(/\\h/g, '[0-9a-fA-F]');
  try {
    return new RegExp(src, flags);
  } catch (err) {
    throw new LookupError(`${(err as Error).message.replace(/^Invalid regular expression: /, '')}: /${source}/`);
  }
}

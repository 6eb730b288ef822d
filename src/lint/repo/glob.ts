/**
 * Ruby Pathname.glob patterns as hiera.yaml `glob`/`globs` use them, matched against the repo's
 * known data files (we never touch the filesystem per node): `*`, `**`, `?`, `[set]`, `{a,b}`.
 */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:[^/.][^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else re += '(?:(?!\\.)[^/]*)?'.replace('(?!\\.)', i === 0 || pattern[i - 1] === '/' ? '(?!\\.)' : '');
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      const close = pattern.indexOf('}', i + 1);
      if (close < 0) re += '\\{';
      else {
        const alts = pattern.slice(i + 1, close).split(',').map((a) => globToRegExp(a).source.slice(1, -1));
        re += `(?:${alts.join('|')})`;
        i = close;
      }
    } else re += /[.+^$()|\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${re}$`);
}

/**
 * Ruby Pathname.glob patterns as hiera.yaml `glob`/`globs` use them, matched against the repo's
 * known data files (we never touch the filesystem per node): `*`, `**`, `?`, `[set]`, `{a,b}`. `ruby` keeps
 * Ruby's reading of `**` (hierarchy globs); without it a trailing `**` matches any depth (config paths).
 */
export function globToRegExp(pattern: string): RegExp {
  return toRegExp(pattern, false);
}

/** A hierarchy glob as Ruby reads it: `**` that is not a whole segment before `/` is `*`. */
export function rubyGlobToRegExp(pattern: string): RegExp {
  return toRegExp(pattern, true);
}

function toRegExp(pattern: string, ruby: boolean): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const segmentStart = i === 0 || pattern[i - 1] === '/';
    if (c === '*' && pattern[i + 1] === '*' && (!ruby || (segmentStart && pattern[i + 2] === '/'))) {
      const slash = pattern[i + 2] === '/';
      // Config ignores/overrides read a trailing `dir/**` as everything below dir.
      re += slash ? '(?:[^/.][^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') {
      // Ruby: `**` that is not a whole segment before `/` is a plain `*` (node-glob agrees).
      while (pattern[i + 1] === '*') i++;
      re += segmentStart ? '(?:(?!\\.)[^/]*)?' : '(?:[^/]*)?';
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
        const alts = pattern.slice(i + 1, close).split(',').map((a) => toRegExp(a, ruby).source.slice(1, -1));
        re += `(?:${alts.join('|')})`;
        i = close;
      }
    } else re += /[.+^$()|\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${re}$`);
}

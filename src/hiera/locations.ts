import type { HValue } from '../value/index.js';
import type { HieraLevel } from './config-types.js';
import type { Layer, Location, LookupContext } from './context.js';
import { LookupError } from './errors.js';
import { interpolate, subLookup, type InterpolationHost } from './interpolate.js';
import { fileExists, pathPlus, rubyGlob } from './paths.js';
import { rubyClassName } from './ruby-compare.js';
import { splitKey } from './split-key.js';
import { toS } from './stringify.js';

/**
 * A level's locations for one node: hierarchy strings interpolated without methods, resolved with
 * Pathname#+ against the interpolated datadir. null means the level declares no location.
 */
export function levelLocations(ctx: LookupContext, layer: Layer, level: HieraLevel): Location[] | null {
  const cached = ctx.locations.get(level);
  if (cached !== undefined) return cached;
  const result = computeLocations(ctx, layer, level);
  ctx.locations.set(level, result);
  return result;
}

function pathHost(ctx: LookupContext, locals?: Map<string, HValue>): InterpolationHost {
  return {
    scopeVar: (name) => (locals?.has(name) ? locals.get(name) : ctx.scope.get(name)),
    lookup: () => '',
    warn: (m) => ctx.warnings.add(m),
    stack: [],
  };
}

function interp(s: string, host: InterpolationHost): string {
  const v = interpolate(s, host, false);
  return typeof v === 'string' ? v : toS(v);
}

function computeLocations(ctx: LookupContext, layer: Layer, level: HieraLevel): Location[] | null {
  const host = pathHost(ctx);
  const loc = level.location;
  if (loc.kind === 'none') return null;
  const datadir = pathPlus(layer.config.dir, interp(level.datadir, host));
  const base = ctx.base;
  const exists = (p: string): boolean => {
    let e = base.exists.get(p);
    if (e === undefined) base.exists.set(p, (e = fileExists(base.dirs, p)));
    return e;
  };
  if (loc.kind === 'path') {
    return loc.values.map((original) => {
      const path = pathPlus(datadir, interp(original, host));
      return exists(path) ? { original, path } : { original, path, missing: true };
    });
  }
  if (loc.kind === 'uri') return loc.values.map((original) => ({ original, path: interp(original, host), uri: true }));
  if (loc.kind === 'glob') {
    const out: Location[] = [];
    for (const g of loc.values) {
      const pattern = pathPlus(datadir, interp(g, host));
      let hits = base.globs.get(pattern);
      if (!hits) base.globs.set(pattern, (hits = rubyGlob(pattern)));
      for (const path of hits) out.push({ original: pattern, path });
    }
    return out;
  }
  const segs = splitKey(loc.variable) ?? [loc.variable];
  // The scope method reads `::x` as the top-scope variable x (Puppet 7's lookupvar), as interpolation does.
  const root = ctx.scope.get(String(segs[0]).replace(/^::/, ''));
  let v: HValue | undefined = root;
  if (v !== undefined && v !== null && segs.length > 1) v = subLookup(loc.variable, segs.slice(1), v);
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return [];
  // Puppet asks `mapped_vars.empty?` first: an Integer, Float or Boolean has no such method (Puppet 7 crashes so).
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') {
    throw new LookupError(`undefined method \`empty?' for ${toS(v)}:${rubyClassName(v)}`);
  }
  const items = Array.isArray(v) ? v : [v];
  return items.map((item) => {
    const path = pathPlus(datadir, interp(loc.template, pathHost(ctx, new Map([[loc.local, item]]))));
    return exists(path) ? { original: loc.template, path } : { original: loc.template, path, missing: true };
  });
}

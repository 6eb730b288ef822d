import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A class parameter (as its Hiera key) that a manifest writes verbatim into one option. */
export interface OptionMapping {
  /** e.g. nova_config */
  type: string;
  section: string;
  key: string;
  secret: boolean;
  /** Where the mapping came from: `.hieradrift.yaml` or `file:line`. */
  origin: string;
}

const CLASS = /^\s*class\s+([a-z][a-z0-9_]*(?:::[a-z][a-z0-9_]*)*)/m;
const TYPE_TOKEN = /\b([a-z][a-z0-9_]*_(?:config|ini))\b/g;
// Only the plain forms: `'S/k' => { value => $p }` (a hash for create_resources or a resource
// body) and `'S/k': value => $p` ending the title's attributes with `;`, `,` or `}`. Anything
// else (function calls, selectors, string interpolation, oslo::* defines) is not extracted.
const HASH_FORM = /(['"])([^'"/\s]+)\/([^'"\s]+)\1\s*=>\s*\{\s*value\s*=>\s*\$((?:::)?[a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)*)\s*(,\s*secret\s*=>\s*true\s*)?,?\s*\}/g;
const BODY_FORM = /(['"])([^'"/\s]+)\/([^'"\s]+)\1\s*:\s*value\s*=>\s*\$((?:::)?[a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)*)\s*(?=[;,}])([^;}]*)/g;

/** Hiera key -> mappings, from every `manifests/**.pp` of every module in the modulepath. */
export function extractMappings(modulepath: readonly string[], knownTypes: ReadonlySet<string>): Map<string, OptionMapping[]> {
  const out = new Map<string, OptionMapping[]>();
  for (const dir of modulepath) {
    if (!isDir(dir)) continue;
    for (const mod of readdirSync(dir).sort()) {
      for (const file of ppFiles(join(dir, mod, 'manifests'), 0)) {
        for (const [k, m] of mappingsInManifest(readFileSync(file, 'utf8'), file, knownTypes)) add(out, k, m);
      }
    }
  }
  return out;
}

/** The plain-form mappings of one manifest's text. */
export function mappingsInManifest(text: string, file: string, knownTypes: ReadonlySet<string>): [string, OptionMapping][] {
  const cm = CLASS.exec(text);
  const cls = cm?.[1];
  if (!cm || !cls) return [];
  // The parameter list: up to `) {` (or `) inherits x {`); locals such as `$x_real` are not Hiera keys.
  const rest = text.slice(cm.index);
  const end = /\)\s*(?:inherits\s+\S+\s*)?\{/.exec(rest);
  const params = end ? rest.slice(0, end.index) : '';
  const types = [...text.matchAll(TYPE_TOKEN)].filter((m) => knownTypes.has(m[1]!)).map((m) => ({ at: m.index, type: m[1]! }));
  const fallback = `${cls.split('::')[0]}_config`;
  const typeAt = (at: number): string | undefined => {
    let t: string | undefined;
    for (const x of types) if (x.at < at) t = x.type;
    return t ?? (knownTypes.has(fallback) ? fallback : undefined);
  };
  const found: [string, OptionMapping][] = [];
  const push = (m: RegExpMatchArray, secret: boolean): void => {
    const type = typeAt(m.index!);
    if (!type) return;
    const v = m[4]!.replace(/^::/, '');
    if (!v.includes('::') && !new RegExp(`\\$${v}\\b`).test(params)) return;
    // `$param` is the class's own parameter; `$mod::x` / `$::mod::x` name the key directly.
    const hieraKey = v.includes('::') ? v : `${cls}::${v}`;
    const line = text.slice(0, m.index).split('\n').length;
    found.push([hieraKey, { type, section: m[2]!, key: m[3]!, secret, origin: `${file}:${line}` }]);
  };
  for (const m of text.matchAll(HASH_FORM)) push(m, !!m[5]);
  for (const m of text.matchAll(BODY_FORM)) push(m, /secret\s*=>\s*true/.test(m[5] ?? ''));
  return found;
}

/** `.hieradrift.yaml` `drift.mappings`: `nova::debug: nova_config:DEFAULT/debug` (or a list of targets). */
export function configMappings(raw: unknown, origin: string): { mappings: Map<string, OptionMapping[]>; problems: string[] } {
  const mappings = new Map<string, OptionMapping[]>();
  const problems: string[] = [];
  const table = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  for (const hieraKey of Object.keys(table)) {
    const v = table[hieraKey];
    for (const target of Array.isArray(v) ? v : [v]) {
      const m = typeof target === 'string' ? /^([a-z][a-z0-9_]*):([^/\s]+)\/(\S+)$/.exec(target) : null;
      if (!m) {
        problems.push(`drift.mappings.${hieraKey}: expected TYPE:SECTION/key`);
        continue;
      }
      add(mappings, hieraKey, { type: m[1]!, section: m[2]!, key: m[3]!, secret: false, origin });
    }
  }
  return { mappings, problems };
}

function add(map: Map<string, OptionMapping[]>, key: string, m: OptionMapping): void {
  const list = map.get(key);
  if (!list) map.set(key, [m]);
  else if (!list.some((x) => x.type === m.type && x.section === m.section && x.key === m.key)) list.push(m);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** `.pp` files under a module's manifests directory (bounded depth: no symlink loops). */
function ppFiles(dir: string, depth: number): string[] {
  if (depth > 8 || !existsSync(dir) || !isDir(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...ppFiles(p, depth + 1));
    else if (e.isFile() && e.name.endsWith('.pp')) out.push(p);
  }
  return out;
}

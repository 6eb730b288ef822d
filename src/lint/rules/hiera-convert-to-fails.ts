import { posix } from 'node:path';
import { convertTo } from '../../hiera/convert-to.js';
import { LookupError, UnsupportedRegexpError } from '../../hiera/errors.js';
import { parseType } from '../../hiera/type-parser.js';
import { isSecretKey } from '../../security/index.js';
import { Secret, type HValue } from '../../value/index.js';
import { lookupOptionEntries, strategyOf } from '../repo/merge-options.js';
import type { RepoModel } from '../repo/model.js';
import { defineRule } from '../types.js';
import { deref } from '../yaml-nodes.js';

/** The message Puppet's convert_to failure carries, without the lead both shapes share. */
const LEAD = /^The convert_to lookup_option for key '(?:[^']|'(?!\s+raised))*' raised error: /;

export default defineRule({
  id: 'hiera/convert-to-fails',
  meta: {
    description: "A value its key's lookup_options convert_to cannot convert: every lookup that finds it fails",
    severity: 'error',
    scope: 'repo',
    messages: {
      fails: "lookup_options convert_to {{type}} fails on this value ({{reason}}): every lookup of '{{key}}' that finds it fails",
    },
    docs: {
      rationale:
        'Puppet converts the value a lookup finds with `new(Type, value)` when the key\'s lookup_options give `convert_to`, and ' +
        'a value the type cannot take (`Integer` on "8080a", `Boolean` on "enabled") fails the lookup, and with it the ' +
        "catalog, only on the nodes that find it. The rule converts each value as src/hiera does (Puppet's `new` for each " +
        'type, with its messages) where that is certain: the key has convert_to in every lookup_options entry that could ' +
        'apply to it and no merge (a merged value is converted after merging), one of those entries is read with the ' +
        'value (in the same file, or in a file every node reads, such as common.yaml), and the value holds no ' +
        'interpolation or eyaml block. Types hieradrift does not model are not judged.',
      invalid: 'lookup_options:\n  profile::web::port:\n    convert_to: Integer\nprofile::web::port: "8080a"\n',
      valid: 'lookup_options:\n  profile::web::port:\n    convert_to: Integer\nprofile::web::port: "8080"\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const { repo } = ctx;
    let entries: ReturnType<typeof lookupOptionEntries> | undefined;
    let staticFiles: ReadonlySet<string> | undefined;
    return {
      pair(pair, path, file) {
        if (path.length !== 1 || typeof path[0] !== 'string' || path[0] === 'lookup_options' || !ctx.isTarget(file.file)) return;
        // Cheap test first: most repos have few lookup_options, most keys none.
        const key = path[0];
        const options = (entries ??= lookupOptionEntries(repo))(key);
        if (options.length === 0) return;
        const specs: HValue[] = [];
        for (const { value: o } of options) {
          const spec = o instanceof Map ? o.get('convert_to') : undefined;
          if (spec === undefined || spec === null || strategyOf(o) !== 'first' || !judgeable(spec)) return;
          specs.push(spec);
        }
        // Some entry must apply to every lookup that finds the value: one in the value's own file, or in a file
        // every node reads (a level path without interpolation). Others apply only to the nodes that read them.
        const everywhere = (staticFiles ??= staticallyRead(repo));
        if (!options.some((o) => o.file === file.file || everywhere.has(o.file))) return;
        const node = deref(pair.value);
        const value = node.value;
        if (unknowable(value, 0)) return;
        // Every entry that could apply fails the value: the first message speaks for them.
        let reason: string | undefined;
        for (const spec of specs) {
          try {
            convertTo(key, value, spec);
            return;
          } catch (err) {
            // Only the value's failure: a broken spec is hiera/lookup-options' finding, and what is not modelled is not judged.
            if (!(err instanceof LookupError) || err instanceof UnsupportedRegexpError || !LEAD.test(err.message)) return;
            reason ??= err.message.replace(LEAD, '');
          }
        }
        ctx.report({
          source: file, node, messageId: 'fails', path,
          data: { key, type: typeText(specs[0]!), reason: reason! },
          ...(isSecretKey(key) ? { secretValue: true } : {}),
        });
      },
    };
  },
});

/** The data files every node reads: located by a path level whose datadir and path hold no interpolation. */
function staticallyRead(repo: RepoModel): ReadonlySet<string> {
  const out = new Set<string>();
  for (const h of repo.hiera) {
    for (const level of h.levels) {
      if (level.kind !== 'path' || level.datadir.includes('%{')) continue;
      for (const p of level.patterns) if (!p.text.includes('%{')) out.add(posix.join(level.datadir, p.text));
    }
  }
  return out;
}

/** A value whose converted form lint cannot know: interpolated text, an eyaml block or secret, too deep to read. */
function unknowable(v: HValue, depth: number): boolean {
  if (depth > 32 || v instanceof Secret) return true;
  if (typeof v === 'string') return v.includes('%{') || v.includes('ENC[');
  if (Array.isArray(v)) return v.some((x) => unknowable(x, depth + 1));
  if (v instanceof Map) return [...v].some(([k, x]) => (typeof k === 'string' && unknowable(k, depth + 1)) || unknowable(x, depth + 1));
  return false;
}

/**
 * A spec whose outcome depends on the value: a type string Puppet parses to a type hieradrift knows. A name it
 * does not know may be a module's type alias, which Puppet resolves and hieradrift cannot.
 */
function judgeable(spec: HValue): boolean {
  const head = Array.isArray(spec) ? spec[0] : spec;
  if (typeof head !== 'string') return false;
  // Type names anywhere in the expression (`Optional[Profile::Port]`), outside quoted strings and regexps.
  const names = head.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\/(?:[^/\\]|\\.)*\//g, '').match(/(?:::)?[A-Z]\w*(?:::\w+)*/g) ?? [];
  if (!names.every((n) => CORE_TYPES.has(n.replace(/^::/, '')))) return false;
  try {
    parseType(head);
    return true;
  } catch {
    return false;
  }
}

/** Puppet's built-in type names: any other name may be a type alias Puppet resolves and hieradrift cannot. */
const CORE_TYPES = new Set([
  'Any', 'Array', 'Binary', 'Boolean', 'Callable', 'CatalogEntry', 'Class', 'Collection', 'Data', 'Default', 'Deferred', 'Enum',
  'Error', 'Float', 'Hash', 'Init', 'Integer', 'Iterable', 'Iterator', 'NotUndef', 'Numeric', 'Object', 'Optional', 'Pattern',
  'Regexp', 'Resource', 'RichData', 'Runtime', 'Scalar', 'ScalarData', 'SemVer', 'SemVerRange', 'Sensitive', 'String', 'Struct',
  'Timespan', 'Timestamp', 'Tuple', 'Type', 'TypeAlias', 'TypeSet', 'Undef', 'Unit', 'URI', 'Variant',
]);

function typeText(spec: HValue): string {
  const head = Array.isArray(spec) ? spec[0] : spec;
  return typeof head === 'string' ? head : String(head);
}

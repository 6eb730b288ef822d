import { isIPv4, isIPv6 } from 'node:net';
import type { OsloType } from './model.js';
import { pyFloat, pyG, pyInt, pyRepr, pyStrip } from './py.js';

/** The result of converting a raw file value the way oslo.config's types.py does on access. */
export type Converted = { ok: true; value: unknown } | { ok: false; message: string };

const TRUE = ['true', '1', 'on', 'yes'];
const FALSE = ['false', '0', 'off', 'no'];
const HOSTNAME = /^(?!-)[A-Z0-9-]{1,63}(?<!-)$/i;
const DOMAIN = /^(?!-)[A-Z0-9-_]{1,63}(?<!-)$/i;
const USERINFO = String.raw`(?:[A-Za-z0-9._~\-!$&'()*+,;=:]|%[A-Fa-f0-9]{2})+`;
const REGNAME = String.raw`(?:%[0-9A-Fa-f]{2}|[!$&'()*+,;=A-Za-z0-9._~\-])*`;
const AUTHORITY = new RegExp(`^(?:${USERINFO}@)?(${REGNAME}|\\[[^\\]]*\\]):?(?:[0-9]{1,5})?$`);
const URI = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^\\/?#]*))?/;

const regexCache = new Map<string, RegExp | null>();

/** Python patterns in option definitions are simple; translate the few syntax differences. */
function pyRegex(pattern: string, ignoreCase: boolean): RegExp | null {
  const key = `${ignoreCase ? 'i' : ''}:${pattern}`;
  let re = regexCache.get(key);
  if (re === undefined) {
    try {
      const src = pattern.replace(/\(\?P</g, '(?<').replace(/\\Z/g, '$').replace(/\\A/g, '^');
      re = new RegExp(src, ignoreCase ? 'i' : '');
    } catch {
      re = null; // a pattern JavaScript cannot express: skip the check rather than guess
    }
    regexCache.set(key, re);
  }
  return re;
}

const fail = (message: string): Converted => ({ ok: false, message });
const ok = (value: unknown): Converted => ({ ok: true, value });

function choiceText(c: string | number | null): string {
  return c === null ? 'None' : String(c);
}

function convertString(v: string, t: OsloType): Converted {
  if (t.quotes && v) {
    if (v[0] === '"' || v[0] === "'") {
      if (v.length === 1 || v[v.length - 1] !== v[0]) return fail(`Non-closed quote: ${v}`);
      v = v.slice(1, -1);
    }
  }
  if (t.maxLength && v.length > t.maxLength) return fail(`Value '${v}' exceeds maximum length ${t.maxLength}`);
  if (t.regex !== undefined) {
    const re = pyRegex(t.regex, t.ignoreCase === true);
    if (re && !re.test(v)) return fail(`Value ${pyRepr(v)} doesn't match regex ${pyRepr(t.regex)}`);
  }
  if (!t.choices) return ok(v);
  const found = t.ignoreCase
    ? t.choices.some(([c]) => c !== null && String(c).toLowerCase() === v.toLowerCase())
    : t.choices.some(([c]) => c !== null && String(c) === v);
  if (found) return ok(v);
  return fail(`Valid values are [${t.choices.map(([c]) => choiceText(c)).join(', ')}], but found ${pyRepr(v)}`);
}

function convertNumber(v: string, t: OsloType, integer: boolean): Converted {
  if (pyStrip(v) === '') return ok(null); // an empty number means "unset": the code default applies
  let n: number;
  if (integer) {
    const i = pyInt(v);
    if (i === undefined) return fail(`invalid literal for int() with base 10: ${pyRepr(v)}`);
    n = Number(i);
  } else {
    const f = pyFloat(v);
    if (f === undefined) return fail(`could not convert string to float: ${pyRepr(v)}`);
    n = f;
  }
  if (t.choices) {
    if (t.choices.some(([c]) => c === n)) return ok(n);
    const dict = t.choices.map(([c, d]) => `(${choiceText(c)}, ${d === null ? 'None' : pyRepr(d)})`).join(', ');
    return fail(`Valid values are OrderedDict([${dict}]), but found ${pyG(n)}`);
  }
  if (t.min !== undefined && t.min !== null && n < t.min) return fail(`Should be greater than or equal to ${pyG(t.min)}`);
  if (t.max !== undefined && t.max !== null && n > t.max) return fail(`Should be less than or equal to ${pyG(t.max)}`);
  return ok(n);
}

function convertList(v: string, t: OsloType): Converted {
  let s = pyStrip(v).replace(/,+$/, '');
  if (t.bounds) {
    if (!s.startsWith('[')) return fail('Value should start with "["');
    if (!s.endsWith(']')) return fail('Value should end with "]"');
    s = s.slice(1, -1);
  }
  const parts = s ? s.split(',') : [];
  const item = t.item ?? { kind: 'string' };
  const out: unknown[] = [];
  // oslo re-joins an item that fails its type with the next one until it validates.
  while (parts.length) {
    let part = parts.shift()!;
    for (;;) {
      const r = convert(pyStrip(part), item);
      if (r.ok) {
        out.push(r.value);
        break;
      }
      // oslo means to raise the first error but resets it every round, so the last one wins.
      if (!parts.length) return r;
      part += ',' + parts.shift()!;
    }
  }
  return ok(out);
}

function convertDict(v: string, t: OsloType): Converted {
  let s = pyStrip(v);
  if (t.bounds) {
    if (!s.startsWith('{')) return fail('Value should start with "{"');
    if (!s.endsWith('}')) return fail('Value should end with "}"');
    s = s.slice(1, -1);
  }
  const out = new Map<string, unknown>();
  if (s === '') return ok(out);
  const pairs = s.split(',');
  const valueType = t.value ?? { kind: 'string' };
  while (pairs.length) {
    let pair = pairs.shift()!;
    let key = '';
    let value: unknown;
    for (;;) {
      const colon = pair.indexOf(':');
      const r: Converted =
        colon < 0 ? fail('Value should be NAME:VALUE pairs separated by ","') : convert(pyStrip(pair.slice(colon + 1)), valueType);
      if (r.ok) {
        key = pyStrip(pair.slice(0, colon));
        value = r.value;
        break;
      }
      if (!pairs.length) return r; // the last error, as in oslo (see convertList)
      pair += ',' + pairs.shift()!;
    }
    if (key === '') return fail('Key name should not be empty');
    if (out.has(key)) return fail(`Duplicate key ${key}`);
    out.set(key, value);
  }
  return ok(out);
}

function checkIp(v: string, version: 4 | 6 | undefined): Converted {
  if (!v) return fail('IP address cannot be an empty string');
  const v4 = isIPv4(v);
  const v6 = isIPv6(v) && !v.includes('%'); // inet_pton takes no zone index
  if (version === 4) return v4 ? ok(v) : fail(`${v} is not an IPv4 address`);
  if (version === 6) return v6 ? ok(v) : fail(`${v} is not an IPv6 address`);
  return v4 || v6 ? ok(v) : fail(`${v} is not IPv4 or IPv6 address`);
}

function checkHostname(v: string, label: RegExp): Converted {
  if (v.length === 0) return fail('Cannot have an empty hostname');
  if (v.length > 253) return fail(`hostname is greater than 253 characters: ${v}`);
  if (v.endsWith('.')) v = v.slice(0, -1);
  const labels = v.split('.');
  if (!/[a-zA-Z-]/.test(labels[labels.length - 1]!)) {
    return fail(`${v} contains no non-numeric characters in the top-level domain part of the host name and is invalid`);
  }
  if (labels.some((l) => !label.test(l))) return fail(`${v} is an invalid hostname`);
  return ok(v);
}

function checkUri(v: string, t: OsloType): Converted {
  const m = URI.exec(v)!;
  const scheme = m[1];
  const auth = m[2] !== undefined ? AUTHORITY.exec(m[2]) : null;
  const hostOk = auth !== null && auth[1] !== '' && (!auth[1]!.startsWith('[') || isIPv6(auth[1]!.slice(1, -1)));
  if (!scheme) return fail('scheme was required but missing');
  if (!hostOk) return fail('host was required but missing');
  if (t.schemes && !t.schemes.includes(scheme)) {
    return fail(`scheme was required to be one of [${t.schemes.map(pyRepr).join(', ')}] but was ${pyRepr(scheme)}`);
  }
  if (t.maxLength && v.length > t.maxLength) return fail(`Value '${v}' exceeds maximum length ${t.maxLength}`);
  return ok(v);
}

function convertRange(v: string): Converted {
  const m = /^(0|-?[1-9][0-9]*)(?:-(0|-?[1-9][0-9]*))?\n?$/.exec(v);
  return m ? ok(v) : fail(`Invalid Range: ${v}`);
}

/** Converts one raw value (a single occurrence; multi options call this per line). */
export function convert(v: string, t: OsloType): Converted {
  switch (t.kind) {
    case 'string':
      return convertString(v, t);
    case 'boolean': {
      const s = v.toLowerCase();
      if (TRUE.includes(s)) return ok(true);
      if (FALSE.includes(s)) return ok(false);
      return fail(`Unexpected boolean value ${pyRepr(v)}`);
    }
    case 'integer':
    case 'port':
      return convertNumber(v, t, true);
    case 'float':
      return convertNumber(v, t, false);
    case 'list':
      return convertList(v, t);
    case 'dict':
      return convertDict(v, t);
    case 'range':
      return convertRange(v);
    case 'ip':
      return checkIp(v, t.version);
    case 'hostname':
      return checkHostname(v, HOSTNAME);
    case 'hostaddress':
    case 'hostdomain': {
      if (checkIp(v, t.version).ok) return ok(v);
      if (checkHostname(v, HOSTNAME).ok) return ok(v.replace(/\.$/, ''));
      if (t.kind === 'hostdomain' && checkHostname(v, DOMAIN).ok) return ok(v.replace(/\.$/, ''));
      return fail(`${v} is not a valid host address`);
    }
    case 'uri':
      return checkUri(v, t);
    default:
      return ok(v);
  }
}

/** Last key segment names that mark a value as a secret (password, secret, token, key...). */
const SECRET_SEGMENT = /(?:^|_)(?:password|passwd|pass|pwd|passphrase|secret|token|key|credentials?|psk)$/i;
const NOT_SECRET = /(?:^|_)(?:public|pub)_key$|^key_?(?:id|name|type|size|file|path)$|_(?:file|path|name|id|type|size)$/i;

/** Whether a Hiera key (or a key path segment) names a secret: `mysql::server::root_password`, `api_token`. */
export function isSecretKey(key: string): boolean {
  const last = key.split(/::|\//).pop() ?? key;
  return SECRET_SEGMENT.test(last) && !NOT_SECRET.test(last);
}

const ENC = /ENC\[[^\]]*\]?/g;
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/@,]*):([^\s@/]*)@/gi;

/** Masks eyaml blocks and URL passwords in a text meant for output. */
export function maskText(text: string): string {
  let out = text;
  if (out.includes('ENC[')) out = out.replace(ENC, 'ENC[****]');
  if (out.includes('@')) out = out.replace(URL_CREDENTIALS, (_m, scheme: string, user: string) => `${scheme}${user}:****@`);
  return out;
}

/** Whether a string carries a password inside a URL (`amqp://user:pw@host`) that is not an interpolation. */
export function urlCredentials(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!text.includes('@')) return out;
  for (const m of text.matchAll(URL_CREDENTIALS)) {
    const password = m[3]!;
    if (password === '' || /^%\{[^}]*\}$/.test(password) || /^\$\{[^}]*\}$/.test(password)) continue;
    const start = m.index + m[1]!.length + m[2]!.length + 1;
    out.push({ start, end: start + password.length });
  }
  return out;
}

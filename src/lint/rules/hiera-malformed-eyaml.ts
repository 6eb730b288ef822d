import { EYAML_SCHEMES, encTokens } from '../../security/index.js';
import { spanInScalar } from '../positions.js';
import { defineRule } from '../types.js';

/** Every start of a block, grammatical or not (hiera.md §6); the grammar itself is src/security's. */
const DETECT = /ENC\[/g;

type Problem = 'unterminated' | 'badBlock' | 'unknownScheme' | 'badBase64' | 'notDecrypted';

export default defineRule<Problem>({
  id: 'hiera/malformed-eyaml',
  meta: {
    description: 'A malformed ENC[...] block, or one in a file that no eyaml level reads',
    severity: 'error',
    scope: 'repo',
    messages: {
      unterminated: "This eyaml block has no closing ']': hiera-eyaml returns the value literally, ciphertext included",
      badBlock: 'This eyaml block does not match the eyaml grammar (scheme, then base64): hiera-eyaml returns it literally',
      unknownScheme: "Unknown eyaml scheme '{{scheme}}': decryption fails unless a plugin for it is installed",
      badBase64: 'The eyaml payload is not valid base64 ({{reason}}): decryption fails',
      notDecrypted: 'Encrypted eyaml value in a file that no eyaml_lookup_key level reads: Puppet returns the ciphertext as a plain string',
    },
    docs: {
      rationale:
        'hiera-eyaml returns anything it cannot parse as a literal string, so a truncated or hand-edited block ends up ' +
        'as ciphertext in a config file. Encrypted values in a file read by `yaml_data` are never decrypted at all.',
      invalid: 'profile::db::password: ENC[PKCS7,MIIBeQYJKoZIhvcNAQcDoIIBajCCAWYC!!\nprofile::api::token: ENC[PKCS7,MIIBeQ]\n',
      valid: 'profile::db::password: ENC[PKCS7,MIIBeQYJKoZIhvcNAQcDoIIBajCCAWYCAQAx]\n',
      file: 'data/secrets.eyaml',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const { repo } = ctx;
    let eyamlFiles: Set<string> | undefined;
    const readByEyaml = (file: string): boolean => {
      if (!eyamlFiles) {
        eyamlFiles = new Set();
        const probe = repo.nodes.length ? repo.nodes : [{ node: '', facts: new Map(), trusted: new Map(), file: '' }];
        for (const h of repo.hiera) {
          if (!h.levels.some((l) => l.backend === 'eyaml_lookup_key')) continue;
          for (const n of probe) for (const r of repo.filesForNode(h, n)) if (r.level.backend === 'eyaml_lookup_key') eyamlFiles.add(r.file);
        }
      }
      return eyamlFiles.has(file) || file.endsWith('.eyaml');
    };
    return {
      scalar(node, path, file) {
        const v = node.value;
        if (typeof v !== 'string' || !v.includes('ENC[')) return;
        const valid: [number, number][] = [];
        for (const t of encTokens(v)) {
          valid.push([t.start, t.end]);
          const span = spanInScalar(node, v, t.start, t.end);
          const scheme = t.scheme;
          const reason = base64Problem(t.payload.replace(/\s+/g, ''));
          if (!EYAML_SCHEMES.has(scheme)) ctx.report({ source: file, span, messageId: 'unknownScheme', path, data: { scheme } });
          else if (reason) ctx.report({ source: file, span, messageId: 'badBase64', path, data: { reason } });
          else if (!readByEyaml(file.file)) ctx.report({ source: file, span, messageId: 'notDecrypted', path });
        }
        for (const m of v.matchAll(DETECT)) {
          if (valid.some(([s, e]) => m.index >= s && m.index < e)) continue;
          const close = v.indexOf(']', m.index);
          const end = close < 0 ? v.length : close + 1;
          ctx.report({ source: file, span: spanInScalar(node, v, m.index, end), messageId: close < 0 ? 'unterminated' : 'badBlock', path });
        }
      },
    };
  },
});

function base64Problem(payload: string): string | undefined {
  if (payload.length % 4 !== 0) return `length ${payload.length} is not a multiple of 4`;
  if (/=[^=]/.test(payload)) return "'=' padding inside the payload";
  return undefined;
}

import { secretKeyOfPath, urlCredentials } from '../../security/index.js';
import { spanInScalar } from '../positions.js';
import { defineRule } from '../types.js';

/** A value that takes its text from elsewhere (a lookup or an alias) holds no secret itself. */
const ONLY_INTERPOLATION = /^(?:%\{[^}]*\})+$/;

export default defineRule({
  id: 'hiera/plaintext-secret',
  meta: {
    description: 'A password, secret, token or key, or a URL with a password, stored as plain text instead of eyaml',
    severity: 'error',
    scope: 'file',
    messages: {
      secretKey: "'{{key}}' looks like a secret but its value is plain text: encrypt it with eyaml and read it through an eyaml_lookup_key level",
      urlPassword: 'This URL carries a plain-text password: encrypt the value with eyaml or interpolate the password from an encrypted key',
    },
    docs: {
      rationale:
        'Data in a control repo is read by everyone with access to the repository and ends up in logs and CI artifacts. ' +
        'Passwords belong in eyaml (`ENC[PKCS7,...]`), read through an `eyaml_lookup_key` level. hieradrift never prints ' +
        'the value it found.',
      invalid: 'mysql::server::root_password: hunter2\nnova::default_transport_url: "rabbit://nova:hunter2@rabbit01:5672/"\n',
      valid:
        'mysql::server::root_password: ENC[PKCS7,MIIBeQYJKoZIhvcNAQcDoIIBajCCAWYCAQAx]\n' +
        "nova::default_transport_url: \"rabbit://nova:%{lookup('profile::rabbit::password')}@rabbit01:5672/\"\n",
    },
  },
  defaultOptions: {},
  create(ctx) {
    return {
      scalar(node, path, file) {
        const v = node.value;
        if (v === null || typeof v === 'boolean' || typeof v === 'object') return;
        const text = typeof v === 'string' ? v : node.source;
        const key = secretKeyOfPath(path);
        if (key && text.trim() !== '' && !text.includes('ENC[') && !ONLY_INTERPOLATION.test(text.trim())) {
          ctx.report({ source: file, node, messageId: 'secretKey', path, data: { key }, secretValue: true });
          return;
        }
        if (typeof v !== 'string') return;
        for (const c of urlCredentials(v)) {
          ctx.report({ source: file, span: spanInScalar(node, v, c.start, c.end), messageId: 'urlPassword', path, secretValue: true });
        }
      },
    };
  },
});


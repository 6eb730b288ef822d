import { RubySymbol } from '../../value/index.js';
import { defineRule } from '../types.js';
import { deref } from '../yaml-nodes.js';

type Problem = 'leadingColons' | 'singleColon' | 'whitespace' | 'emptySegment' | 'badParamName';

export default defineRule<Problem>({
  id: 'hiera/key-format',
  meta: {
    description: "Keys that look like class::param but are not of that form, so automatic parameter lookup never finds them",
    severity: 'warning',
    scope: 'file',
    messages: {
      leadingColons: "'{{key}}' starts with '::': automatic parameter lookup asks for '{{fixed}}', never for this key",
      singleColon: "'{{key}}' has a single ':' where '::' separates class and parameter: did you mean '{{fixed}}'?",
      whitespace: "'{{key}}' has leading or trailing whitespace: Puppet looks up '{{fixed}}' and never finds it",
      emptySegment: "'{{key}}' has an empty namespace segment (':::' or more): did you mean '{{fixed}}'?",
      badParamName: "'{{param}}' in '{{key}}' is not a valid Puppet parameter name (lower case, digits and '_'), so no class parameter can match it",
    },
    docs: {
      rationale:
        'Automatic class parameter lookup asks Hiera for exactly `<class>::<param>`. A key with a leading `::`, a ' +
        'single colon, stray spaces or a camelCase parameter is valid YAML and looks right in review, but Puppet never ' +
        'looks it up, and the class silently uses its default.',
      invalid: '::ntp::servers: [0.pool.ntp.org]\nntp:iburst: true\n"ntp::burst ": false\nntp::maxPoll: 10\n',
      valid: 'ntp::servers: [0.pool.ntp.org]\nntp::iburst: true\nntp::burst: false\nntp::max_poll: 10\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    return {
      pair(pair, path, file) {
        if (path.length !== 1) return;
        const k = deref(pair.key);
        if (k.kind !== 'scalar') return;
        // `::a::b` is a Symbol for Psych; its text is what the author wrote.
        const key = typeof k.value === 'string' ? k.value : k.value instanceof RubySymbol ? k.source.replace(/^(['"])(.*)\1$/, '$2') : undefined;
        if (key === undefined) return;
        if (key === 'lookup_options' || !key.includes(':') || key.includes('%{')) return;
        const report = (messageId: Problem, data: Record<string, string>): void =>
          ctx.report({ source: file, node: pair.key, messageId, path, data: { key, ...data } });
        if (key.trim() !== key) report('whitespace', { fixed: key.trim() });
        else if (key.startsWith('::')) report('leadingColons', { fixed: key.replace(/^:+/, '') });
        else if (key.includes(':::')) report('emptySegment', { fixed: key.replace(/:{3,}/g, '::') });
        else if (hasSingleColon(key)) report('singleColon', { fixed: key.replace(/(?<!:):(?!:)/g, '::') });
        else if (key.includes('::')) {
          const param = key.slice(key.lastIndexOf('::') + 2);
          if (!/^[a-z_][a-z0-9_]*$/.test(param) && !key.includes('.')) report('badParamName', { param });
        }
      },
    };
  },
});

/** A ':' with no ':' on either side (a plain loop: this runs for every top-level key). */
function hasSingleColon(key: string): boolean {
  for (let i = key.indexOf(':'); i >= 0; i = key.indexOf(':', i + 1)) {
    if (key.charCodeAt(i - 1) !== 58 && key.charCodeAt(i + 1) !== 58) return true;
  }
  return false;
}

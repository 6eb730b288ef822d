import { defineRule, type DataFile } from '../types.js';

export default defineRule({
  id: 'yaml/bom',
  meta: {
    description: 'A UTF-8 byte order mark, which makes Puppet drop all but the first top-level key',
    severity: 'error',
    scope: 'file',
    messages: {
      truncates: 'The file starts with a byte order mark: Puppet reads only the first top-level entry and silently drops the rest. Save it as UTF-8 without BOM',
    },
    docs: {
      rationale:
        'Puppet does not strip a BOM before handing the text to libyaml, which then parses only the first entry of ' +
        'the top-level mapping. `puppet lookup` answers "not found" for every other key, with no warning.',
      invalid: '\uFEFFntp::servers:\n  - 0.pool.ntp.org\nntp::iburst: true\n',
      valid: 'ntp::servers:\n  - 0.pool.ntp.org\nntp::iburst: true\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const check = (file: DataFile): void => {
      if (file.text.charCodeAt(0) === 0xfeff) ctx.report({ source: file, messageId: 'truncates', span: { start: 0, end: 1 } });
    };
    return { file: check, hieraConfig: check };
  },
});

import type { DriftResult } from '../types.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatText } from './text.js';

export type DriftFormat = 'text' | 'json' | 'markdown' | 'junit' | 'html';
export const DRIFT_FORMATS: readonly DriftFormat[] = ['text', 'json', 'markdown', 'junit', 'html'];

export function formatDrift(r: DriftResult, format: DriftFormat, opts: { diff?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return formatJson(r, opts);
    case 'markdown':
      return formatMarkdown(r, opts);
    case 'junit':
      return formatJunit(r);
    case 'html':
      return formatHtml(r, opts);
    default:
      return formatText(r, opts);
  }
}
export { formatText, formatJson, formatMarkdown, formatJunit, formatHtml };

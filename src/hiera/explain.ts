import type { HValue } from '../value/index.js';
import { inspect } from './stringify.js';

/**
 * Builds the `--explain` tree as Puppet's Explainer prints it: two spaces per level, values dumped
 * as Ruby inspect with multi-line hashes and arrays.
 */
export interface ExplainNode {
  text?: string;
  lines: (string | ExplainNode)[];
}

export class Explainer {
  readonly root: ExplainNode = { lines: [] };
  /** lookup_options searches already explained: Puppet explains each once per lookup. */
  readonly optionsShown = new Set<string>();
  private stack: ExplainNode[] = [this.root];

  private get top(): ExplainNode {
    return this.stack[this.stack.length - 1]!;
  }

  line(text: string): void {
    this.top.lines.push(text);
  }

  found(key: string, value: HValue, label = 'Found key'): void {
    this.line(`${label}: "${key}" value: ${dumpValue(value)}`);
  }

  with<T>(text: string | undefined, fn: () => T): T {
    const node: ExplainNode = { lines: [] };
    if (text !== undefined) node.text = text;
    this.top.lines.push(node);
    this.stack.push(node);
    try {
      return fn();
    } finally {
      this.stack.pop();
    }
  }

  render(): string {
    const out: string[] = [];
    const walk = (n: ExplainNode, depth: number): void => {
      let d = depth;
      if (n.text !== undefined) {
        pushIndented(out, n.text, depth);
        d = depth + 1;
      }
      for (const l of n.lines) {
        if (typeof l === 'string') pushIndented(out, l, d);
        else walk(l, d);
      }
    };
    walk(this.root, 0);
    return out.join('\n') + '\n';
  }
}

function pushIndented(out: string[], text: string, depth: number): void {
  const pad = '  '.repeat(depth);
  for (const l of text.split('\n')) out.push(pad + l);
}

/** Puppet's Explainer#dump_value: hashes and arrays one entry per line. */
export function dumpValue(v: HValue, indent = ''): string {
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + dumpValue(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v instanceof Map) {
    if (v.size === 0) return '{}';
    const parts = [...v].map(([k, x]) => `${inner}${inspect(k as HValue)} => ${dumpValue(x, inner)}`);
    return `{\n${parts.join(',\n')}\n${indent}}`;
  }
  return inspect(v);
}

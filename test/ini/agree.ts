import assert from 'node:assert/strict';
import { osloNormalizedSections, osloSections, type IniDocument } from '../../src/ini/index.js';
import type { OsloParseResult, OsloSectionList } from '../support/oslo-oracle.js';

export function toList(m: Map<string, Map<string, string[]>>): OsloSectionList {
  return [...m].map(([s, keys]) => [s, [...keys]]);
}

/** Asserts that hieradrift's parse of a file agrees with oslo's: sections, values, and the first error. */
export function assertAgrees(doc: IniDocument, oslo: OsloParseResult, path: string, label: string): void {
  if (oslo.ok) {
    assert.equal(doc.error?.message, undefined, `${label}: oslo parses it, hieradrift refuses`);
    assert.deepEqual(toList(osloSections(doc)), oslo.sections, `${label}: sections`);
    assert.deepEqual(toList(osloNormalizedSections(doc)), oslo.normalized, `${label}: normalized sections`);
    return;
  }
  assert.equal(oslo.type, 'ParseError', `${label}: unexpected oslo failure ${oslo.type}: ${oslo.str}`);
  assert.ok(doc.error, `${label}: oslo refuses it (${oslo.str}), hieradrift parses it`);
  assert.equal(`at ${path}:${doc.error.line}, ${doc.error.message}`, oslo.str, `${label}: error text`);
  assert.equal(doc.error.line, oslo.lineno, `${label}: error line`);
  assert.deepEqual(toList(osloSections(doc)), oslo.sections, `${label}: sections stored before the error`);
}

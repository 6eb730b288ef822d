import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMON_SUBJECTS, NAMED_CASES } from '../../test/hiera/ruby-regexp-cases.js';
import { rubyAnswers, rubyVersion } from '../../test/support/ruby-regexp-oracle.js';

/**
 * Records fixtures/hiera/_ruby-regexp/golden.json: Ruby's answers for test/hiera/ruby-regexp-cases.ts (one ruby
 * process, scripts/hiera/ruby-regexp-oracle.rb). Usage: npm run build && node dist/scripts/hiera/record-ruby-regexp-goldens.js
 */
export const GOLDEN = join('fixtures', 'hiera', '_ruby-regexp', 'golden.json');

const probes = NAMED_CASES.map((c) => ({ source: c.source, subjects: [...(c.subjects ?? []), ...COMMON_SUBJECTS] }));
const answers = rubyAnswers(probes);
const cases = NAMED_CASES.map((c, i) => ({ name: c.name, source: c.source, subjects: probes[i]!.subjects, ruby: answers[i] }));
writeFileSync(GOLDEN, JSON.stringify({ ruby: rubyVersion(), cases }, null, 1) + '\n');
console.log(`${cases.length} patterns recorded in ${GOLDEN}`);

import { parentPort, workerData } from 'node:worker_threads';
import { createLintSession } from './engine.js';
import { adoptValues, dataTargetCount, splitTargets, valuesOf, type LintMessage, type WorkerInput } from './parallel.js';
import { prepareProject } from './project.js';
import { ruleMap } from './rules/index.js';

// The worker half of lintProjectParallel: the same project, the other share of the files.
const input = workerData as WorkerInput;
const port = parentPort!;
const send = (m: LintMessage): void => port.postMessage(m);

try {
  const prep = prepareProject(input.opts);
  if (dataTargetCount(prep) >= input.minFiles) {
    const mine = splitTargets(prep, 'worker');
    const baseline = input.opts.baseline ? { baseline: input.opts.baseline } : {};
    const session = createLintSession(prep.repo, { rules: ruleMap, config: prep.config, targets: mine, ...baseline });
    session.visit();
    send({ kind: 'values', values: valuesOf(prep.repo, mine) });
    port.once('message', (m: LintMessage) => {
      try {
        if (m.kind !== 'values') throw new Error(`expected values, got ${m.kind}`);
        adoptValues(prep.repo, m.values);
        session.end();
        send({ kind: 'results', run: session.results() });
      } catch (err) {
        send({ kind: 'failed', message: (err as Error).message });
      }
    });
  }
} catch (err) {
  send({ kind: 'failed', message: (err as Error).message });
}

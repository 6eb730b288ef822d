import { parentPort, workerData } from 'node:worker_threads';
import { splitTargets, type LintMessage, type WorkerInput } from '../../src/lint/parallel.js';
import { prepareProject } from '../../src/lint/project.js';

// A worker that sends wrong values for its share (the main thread adopts them) and then dies.
const input = workerData as WorkerInput;
const prep = prepareProject(input.opts);
const message: LintMessage = { kind: 'values', values: splitTargets(prep, 'worker').map((f) => [f, undefined]) };
parentPort!.postMessage(message);
parentPort!.once('message', () => {
  throw new Error('worker crashed');
});

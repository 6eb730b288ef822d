import { parentPort, workerData } from 'node:worker_threads';
import { HieradriftError } from '../source/index.js';
import { runChunk, type WorkerInput, type WorkerOutput } from './fleet.js';

// Resolves one chunk of the fleet on another core and posts the rows back. A refusal (a facts file Puppet
// would not read, a NaN that JSON cannot hold) crosses as data, so the caller rethrows it with its code.
let out: WorkerOutput;
try {
  out = runChunk(workerData as WorkerInput);
} catch (err) {
  if (!(err instanceof HieradriftError)) throw err;
  out = { errors: new Map(), keys: [], failure: { code: err.code, message: err.message, ...(err.diagnostic && { diagnostic: err.diagnostic }) } };
}
parentPort!.postMessage(out);

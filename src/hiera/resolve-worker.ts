import { parentPort, workerData } from 'node:worker_threads';
import type { HValue } from '../value/index.js';
import { encodeValue, runChunk, type WorkerInput } from './fleet.js';

// Resolves one chunk of the fleet on another core and posts the rows back.
const r = runChunk(workerData as WorkerInput);
parentPort!.postMessage({
  values: (() => {
    for (const row of r.values.values()) for (const [k, v] of row) row.set(k, encodeValue(v) as HValue);
    return r.values;
  })(),
  errors: r.errors,
  keys: r.keys,
});

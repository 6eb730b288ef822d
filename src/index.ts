/**
 * hieradrift's public API. Each domain exposes what callers need through its own index.
 */
export * from './source/index.js';
export * from './value/index.js';
export * from './security/index.js';
export * from './yaml/index.js';
export * from './hiera/index.js';
export * from './ini/index.js';
export * from './openstack/index.js';
export * from './schema/index.js';
export * from './lint/index.js';
export * from './drift/index.js';
export * from './report/index.js';
export { run } from './cli/main.js';
export type { CliIo } from './cli/io.js';

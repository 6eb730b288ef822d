export type { ScalarStyle, YScalar, YPair, YMap, YSeq, YAlias, YNode, YamlLoadResult, YamlLoadOptions } from './types.js';
export { loadYaml, loadDataFile, decodeDataBytes, readDataTextSync, utf8Problem, failedLoad, tooLarge as tooLargeDataFile, DEFAULT_MAX_BYTES } from './load.js';
export { loadJson } from './json.js';
export { tokenize as psychTokenize } from './scalar-scanner.js';

export type {
  ProviderKind, ResourceFile, ExpectedEnsure, ExpectedSetting, ExpectedFile, ExpectedNode, DeployedFile,
  DriftKind, DriftChange, FileDrift, ReportEvent, NodeDrift, DriftSummary, DriftResult,
} from './types.js';
export { readCatalog, toSetting } from './catalog.js';
export { resourceFileTable, scanModulepath, shippedResourceFiles, type ResourceFileTable } from './resource-files.js';
export { readDeployedFiles, readDeployedFile, nodeRoot } from './deployed.js';
export { compareFile, sameEffective, type CompareOptions } from './compare.js';
export { computeDrift, summarize, isDrift, nodeHasDrift, type DriftOptions } from './drift.js';
export { readRunReport, type RunReport } from './run-report.js';
export { simulateRun, puppetWillRewrite } from './simulate.js';
export { PuppetIniFile, puppetInSync } from './puppet-ini.js';
export { mungeValue } from './munge.js';
export { formatDrift, DRIFT_FORMATS, type DriftFormat } from './format/index.js';
export { driftFleet, type FleetOptions } from './fleet.js';
export { expectedFromHiera, driftConfigFile, type HieraSourceOptions } from './hiera-source.js';
export { extractMappings, mappingsInManifest, configMappings, type OptionMapping } from './manifest-mappings.js';

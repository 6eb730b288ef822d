export type { IniDocument, IniEntry, IniSection, OsloErrorMessage } from './types.js';
export { parseIni } from './parse.js';
export { osloSections, osloNormalizedSections, normalizeGroupName } from './oslo-sections.js';
export {
  puppetIniView,
  matchPuppetSetting,
  matchPuppetSection,
  type PuppetIniView,
  type PuppetIniProvider,
  type PuppetSection,
  type PuppetSetting,
} from './puppet-view.js';
export { pyStrip, pyLower, pyRepr, isPySpace } from './pystr.js';
export { decodeIniBytes, readIniFile } from './read.js';
export { dumpIniFile, loadIniForDump, renderIniJson, renderIniYaml, isIniPath } from './dump.js';

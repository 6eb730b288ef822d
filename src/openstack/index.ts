export type { OptionDef, OsloType, ServiceSchema } from './model.js';
export type { IniDocumentView } from './ini-view.js';
export { loadServiceSchema, loadSchemaFile, schemaFromJson, serviceForFile, serviceFiles, defaultRelease } from './schema-loader.js';
export { validateConfig } from './validate.js';
export { isSecretOption } from './secrets.js';
export { convert as convertOsloValue, type Converted } from './oslo-types.js';
export { openstackRules, type OpenstackRuleId } from './rules.js';

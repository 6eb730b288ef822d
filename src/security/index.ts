export { isSecretKey, isSecretOptionName, secretKeyOfPath } from './names.js';
export { SECRET_MASK, encScheme, maskEncBlocks, maskText, maskUrlCredentials, urlCredentials } from './text.js';
export { maskValue } from './values.js';
export { EYAML_SCHEMES, encTokens, type EncToken } from './eyaml.js';

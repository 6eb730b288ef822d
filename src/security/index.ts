export { isSecretKey, isSecretOptionName, secretKeyOfPath } from './names.js';
export { SECRET_MASK, encScheme, maskEncBlocks, maskText, maskUrlCredentials, urlCredentials } from './text.js';
export { maskValue } from './values.js';

export { compileCached, defineKeyword, instancePathSegments, type ErrorObject, type ValidateFunction } from './ajv.js';

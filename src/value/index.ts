export * from './types.js';
export { renderJson, renderYaml, rubyInspect, rubyToS, valueEquals, rubyFloatToS, SECRET_MASK } from './render.js';

export * from './types.js';
export { renderJson, renderYaml, rubyInspect, rubyToS, valueEquals, rubyFloatToS } from './render.js';

import { rubyInspect, rubyToS, type HValue } from '../value/index.js';

/** Ruby `to_s` as interpolation renders a value inside a string (`[1, 2]`, `{"a"=>1}`, `1.0e+20`). */
export function toS(v: HValue): string {
  return rubyToS(v);
}

/** Ruby `inspect`, for explain output and `--render-as s`. */
export function inspect(v: HValue): string {
  return rubyInspect(v);
}

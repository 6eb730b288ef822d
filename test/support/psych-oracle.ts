import { spawnSync } from 'node:child_process';
import { rubyFloatToS } from '../../src/value/render.js';
import { Binary, RubySymbol, Secret, isHash, type HValue } from '../../src/value/types.js';

/** A type-exact encoding shared by the Ruby side and ours: Integer vs Float vs String never blur. */
export type Encoded =
  | { t: 'nil' }
  | { t: 'bool'; v: boolean }
  | { t: 'int'; v: string }
  | { t: 'float'; v: string }
  | { t: 'str'; v: string }
  | { t: 'sym'; v: string }
  | { t: 'binary'; v: string }
  | { t: 'array'; v: Encoded[] }
  | { t: 'hash'; v: [Encoded, Encoded][] }
  | { t: 'other'; v: string };

export type OracleAnswer = { value: Encoded } | { error: string };

export interface OracleCase {
  text: string;
  /** 'yaml' (yaml_data: safe_load + symkeys_to_string) or 'json' (json_data: Puppet::Util::Json.load). */
  mode?: 'yaml' | 'json';
}

// One Ruby process answers a whole batch: requiring puppet costs ~1 s, a case costs microseconds.
const SCRIPT = String.raw`
require "puppet"
require "json"
def enc(v, d = 0)
  raise "too deep" if d > 300
  case v
  when nil then {"t" => "nil"}
  when true, false then {"t" => "bool", "v" => v}
  when Integer then {"t" => "int", "v" => v.to_s}
  when Float then {"t" => "float", "v" => v.to_s}
  when Symbol then {"t" => "sym", "v" => v.to_s}
  when String then v.encoding == Encoding::ASCII_8BIT ? {"t" => "binary", "v" => [v].pack("m0")} : {"t" => "str", "v" => v}
  when Hash then {"t" => "hash", "v" => v.map { |k, x| [enc(k, d + 1), enc(x, d + 1)] }}
  when Array then {"t" => "array", "v" => v.map { |x| enc(x, d + 1) }}
  else {"t" => "other", "v" => v.class.to_s}
  end
end
cases = JSON.parse($stdin.read)
out = cases.map do |c|
  begin
    if c["mode"] == "json"
      {"value" => enc(Puppet::Util::Json.load(c["text"]))}
    else
      data = Puppet::Util::Yaml.safe_load(c["text"], [Symbol], "/oracle.yaml")
      data = Puppet::Pops::Lookup::HieraConfig.symkeys_to_string(data) if data.is_a?(Hash)
      {"value" => enc(data)}
    end
  rescue Exception => e
    {"error" => "#{e.class}: #{e.message}"}
  end
end
$stdout.write(JSON.generate(out))
`;

/** Runs every case through the real Puppet loader in one Ruby process. */
export function runPsychOracle(cases: readonly OracleCase[]): OracleAnswer[] {
  const r = spawnSync('ruby', ['-e', SCRIPT], {
    input: JSON.stringify(cases.map((c) => ({ text: c.text, mode: c.mode ?? 'yaml' }))),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`psych oracle failed: ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout) as OracleAnswer[];
}

/** Our value in the oracle's encoding (Float text in Ruby's Float#to_s form). */
export function encodeValue(v: HValue): Encoded {
  if (v === null) return { t: 'nil' };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (typeof v === 'bigint') return { t: 'int', v: v.toString() };
  if (typeof v === 'number') return { t: 'float', v: rubyFloatToS(v) };
  if (typeof v === 'string') return { t: 'str', v };
  if (Array.isArray(v)) return { t: 'array', v: v.map(encodeValue) };
  if (isHash(v)) return { t: 'hash', v: [...v].map(([k, x]) => [encodeValue(k), encodeValue(x)] as [Encoded, Encoded]) };
  if (v instanceof RubySymbol) return { t: 'sym', v: v.name };
  if (v instanceof Binary) return { t: 'binary', v: Buffer.from(v.bytes).toString('base64') };
  if (v instanceof Secret) return { t: 'other', v: 'Secret' };
  return { t: 'other', v: 'unknown' };
}

export interface RenderAnswer {
  /** Ruby's `inspect` of the loaded data (`--render-as s` and the explainer show values so). */
  inspect?: string;
  json?: string;
  jsonError?: string;
  yaml?: string;
  loadError?: string;
}

const RENDER_SCRIPT = String.raw`
require "puppet"
require "json"
out = JSON.parse($stdin.read).map do |text|
  begin
    data = Puppet::Util::Yaml.safe_load(text, [Symbol], "/oracle.yaml")
    data = Puppet::Pops::Lookup::HieraConfig.symkeys_to_string(data) if data.is_a?(Hash)
    r = {"yaml" => data.to_yaml, "inspect" => data.inspect}
    begin
      r["json"] = data.to_json
    rescue Exception => e
      r["jsonError"] = e.message
    end
    r
  rescue Exception => e
    {"loadError" => e.message}
  end
end
$stdout.write(JSON.generate(out))
`;

/** Loads each YAML text with Puppet and renders it as `puppet lookup --render-as json|yaml` does (to_json, to_yaml), and inspect. */
export function runRenderOracle(texts: readonly string[]): RenderAnswer[] {
  const r = spawnSync('ruby', ['-e', RENDER_SCRIPT], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (r.status !== 0) throw new Error(`render oracle failed: ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout) as RenderAnswer[];
}

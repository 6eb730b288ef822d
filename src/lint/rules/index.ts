import type { Rule } from '../types.js';
import hieraAliasNotWholeString from './hiera-alias-not-whole-string.js';
import hieraConfig from './hiera-config.js';
import hieraConvertToFails from './hiera-convert-to-fails.js';
import hieraInterpolation from './hiera-interpolation.js';
import hieraKeyFormat from './hiera-key-format.js';
import hieraLevelMatchesNoFile from './hiera-level-matches-no-file.js';
import hieraLookupOptions from './hiera-lookup-options.js';
import hieraMalformedEyaml from './hiera-malformed-eyaml.js';
import hieraMappedPathsScalar from './hiera-mapped-paths-scalar.js';
import hieraModuleNamespace from './hiera-module-namespace.js';
import hieraPlaintextSecret from './hiera-plaintext-secret.js';
import hieraRedundantOverride from './hiera-redundant-override.js';
import hieraUndefinedFact from './hiera-undefined-fact.js';
import hieraUnreachableDataFile from './hiera-unreachable-data-file.js';
import hieraUntranslatableRegexp from './hiera-untranslatable-regexp.js';
import lintUnusedSuppression from './lint-unused-suppression.js';
import yamlBom from './yaml-bom.js';
import yamlCommaNumber from './yaml-comma-number.js';
import yamlDuplicateKey from './yaml-duplicate-key.js';
import yamlLoaderWarning from './yaml-loader-warning.js';
import yamlOctal from './yaml-octal.js';
import yamlRefused from './yaml-refused.js';
import yamlSexagesimal from './yaml-sexagesimal.js';
import yamlTruthy from './yaml-truthy.js';
import yamlVersionFloat from './yaml-version-float.js';

/** The registry: every rule by id. `RuleId` is derived from it. */
export const rules = {
  'yaml/refused': yamlRefused,
  'yaml/bom': yamlBom,
  'yaml/duplicate-key': yamlDuplicateKey,
  'yaml/loader-warning': yamlLoaderWarning,
  'yaml/truthy': yamlTruthy,
  'yaml/version-float': yamlVersionFloat,
  'yaml/sexagesimal': yamlSexagesimal,
  'yaml/octal': yamlOctal,
  'yaml/comma-number': yamlCommaNumber,
  'hiera/config': hieraConfig,
  'hiera/interpolation': hieraInterpolation,
  'hiera/alias-not-whole-string': hieraAliasNotWholeString,
  'hiera/undefined-fact': hieraUndefinedFact,
  'hiera/unreachable-data-file': hieraUnreachableDataFile,
  'hiera/level-matches-no-file': hieraLevelMatchesNoFile,
  'hiera/mapped-paths-scalar': hieraMappedPathsScalar,
  'hiera/redundant-override': hieraRedundantOverride,
  'hiera/key-format': hieraKeyFormat,
  'hiera/module-namespace': hieraModuleNamespace,
  'hiera/lookup-options': hieraLookupOptions,
  'hiera/untranslatable-regexp': hieraUntranslatableRegexp,
  'hiera/convert-to-fails': hieraConvertToFails,
  'hiera/plaintext-secret': hieraPlaintextSecret,
  'hiera/malformed-eyaml': hieraMalformedEyaml,
  'lint/unused-suppression': lintUnusedSuppression,
} as const;

export type RuleId = keyof typeof rules;

/** The registry as a Map, the shape the engine and config take. */
export const ruleMap: ReadonlyMap<string, Rule> = new Map(Object.entries(rules) as [string, Rule][]);

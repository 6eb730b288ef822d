import type { HieraConfigIssue } from '../repo/hiera-config.js';
import { defineRule } from '../types.js';

export default defineRule<HieraConfigIssue>({
  id: 'hiera/config',
  meta: {
    description: 'hiera.yaml errors that make Puppet fail or ignore the hierarchy',
    severity: 'error',
    scope: 'file',
    messages: {
      notAHash: "hiera.yaml does not contain a YAML hash: Puppet falls back to the Hiera 3 default config",
      badVersion: "entry 'version' expects an Integer value, got '{{got}}'",
      unsupportedVersion: 'hiera.yaml version {{version}} is not version 5 (versions 3 and 4 are deprecated; Puppet ignores version 3 outside the global layer)',
      unknownKey: "unrecognized key '{{key}}' in {{where}}",
      missingName: "entry 'hierarchy' index {{index}} expects a value for key 'name'",
      badValue: "'{{key}}' expects {{expected}}",
      multipleFunctions: 'Only one of data_hash, lookup_key, data_dig, or hiera3_backend can be defined in {{where}}',
      noFunction: "One of data_hash, lookup_key, data_dig, or hiera3_backend must be defined in hierarchy '{{name}}'",
      multipleLocations: "Only one of path, paths, glob, globs, uri, uris, or mapped_paths can be defined in hierarchy '{{name}}'",
      noLocation: "Hierarchy '{{name}}' declares no path, paths, glob, globs or mapped_paths: '{{fn}}' fails for every lookup",
      reservedOption: "Option key '{{key}}' used in {{where}} is reserved by Puppet",
      duplicateName: "Hierarchy name '{{name}}' defined more than once",
      methodInPath: 'Interpolation using method syntax is not allowed in this context',
      unknownFunction: "Unable to find '{{kind}}' function named '{{fn}}' (built in: yaml_data, json_data, hocon_data, eyaml_lookup_key)",
      defaultHierarchyOutsideModule: "'default_hierarchy' is only allowed in the module layer",
    },
    docs: {
      rationale:
        'Puppet checks hiera.yaml against a strict type and a few semantic rules, and most failures make every lookup ' +
        'fail, often silently (`puppet lookup` exits 1 without a message). The messages follow Puppet\'s own.',
      file: 'hiera.yaml',
      invalid: 'version: 5\nhierarchy:\n  - name: Common\n    path: common.yaml\n    glob: "*.yaml"\n  - name: Common\n    paths: []\n',
      valid: 'version: 5\nhierarchy:\n  - name: Common\n    path: common.yaml\n  - name: Extras\n    glob: "extras/*.yaml"\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const issues = ctx.repo.hieraIssues;
    return {
      hieraConfig(file) {
        for (const i of issues.get(file.file) ?? []) ctx.report({ source: file, node: i.node, messageId: i.code, data: i.data });
      },
    };
  },
});

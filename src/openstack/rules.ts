import type { Severity } from '../source/index.js';

/** Every finding `validateConfig` emits, with its default severity. */
export const openstackRules = {
  'openstack/unknown-section': { severity: 'error', description: 'a section no option group of the service uses' },
  'openstack/unknown-option': { severity: 'error', description: 'a key no option of its group has (oslo ignores it)' },
  'openstack/dashed-option-name': { severity: 'error', description: 'the option name with "-" instead of its dest; oslo ignores it' },
  'openstack/invalid-value': { severity: 'error', description: 'a value the option type rejects when the service reads it' },
  'openstack/renamed-option': { severity: 'warning', description: 'a deprecated name or group of an option' },
  'openstack/deprecated-for-removal': { severity: 'warning', description: 'an option marked deprecated for removal' },
  'openstack/duplicate-option': { severity: 'warning', description: 'a non-multi option set again; only the last value counts' },
  'openstack/inline-comment': { severity: 'warning', description: 'comment text after a value: oslo keeps it as part of the value' },
  'openstack/unknown-reference': { severity: 'error', description: 'a $var interpolation of an option that does not exist' },
  'openstack/lowercase-default': { severity: 'error', description: '[default] is not [DEFAULT]; oslo never reads it' },
} as const satisfies Record<string, { severity: Severity; description: string }>;

export type OpenstackRuleId = keyof typeof openstackRules;

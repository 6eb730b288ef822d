/** User-facing texts for refusals, in terms a Puppet user recognises. */

const WHY: Record<string, string> = {
  Date: 'timestamps/dates are not allowed in Hiera data',
  Time: 'timestamps/dates are not allowed in Hiera data',
  DateTime: 'timestamps/dates are not allowed in Hiera data',
  'Psych::Set': '!!set is not allowed in Hiera data',
  'Psych::Omap': '!!omap on a mapping is not allowed in Hiera data',
  Regexp: '!ruby/regexp values are not allowed in Hiera data',
  Range: '!ruby/range values are not allowed in Hiera data',
  Symbol: 'Ruby symbols (:name) are not allowed in this file',
};

export const REFUSED = 'Puppet refuses this file';

/** Text for Psych's DisallowedClass, e.g. for a date: Puppet refuses this file: timestamps/dates ... (Psych: Tried to load unspecified class: Date). */
export function describeDisallowed(className: string): string {
  const why = WHY[className] ?? `Ruby objects (${className}) are not allowed in Hiera data`;
  return `${REFUSED}: ${why} (Psych: Tried to load unspecified class: ${className})`;
}

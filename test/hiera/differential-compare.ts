import { isDeepStrictEqual } from 'node:util';
import type { Answer } from '../support/puppet-lookup-oracle.js';

/** Strips Puppet's "Lookup of key 'k' failed: " wrappers: the cause is what both must agree on. */
export function errorCause(message: string): string {
  return message.replace(/^(Lookup of key '[^']*' failed: )+/, '');
}

/** Why two answers disagree (found, type-exact value, error), or undefined when they agree. */
export function disagreement(puppet: Omit<Answer, 'id'>, ours: Omit<Answer, 'id'>): string | undefined {
  if (puppet.error !== undefined || ours.error !== undefined) {
    if (puppet.error === undefined) return `hieradrift failed (${ours.error}) where Puppet answered ${JSON.stringify(puppet.value)}`;
    if (ours.error === undefined) return `Puppet failed (${puppet.error}) where hieradrift answered found=${ours.found} ${JSON.stringify(ours.value)}`;
    return undefined;
  }
  if (!!puppet.found !== !!ours.found) return `found: Puppet ${!!puppet.found}, hieradrift ${!!ours.found}`;
  if (puppet.found && !isDeepStrictEqual(puppet.value, ours.value)) {
    return `value: Puppet ${JSON.stringify(puppet.value)}, hieradrift ${JSON.stringify(ours.value)}`;
  }
  return undefined;
}

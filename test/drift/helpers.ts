import { readCatalog, shippedResourceFiles, type ExpectedNode } from '../../src/drift/index.js';
import type { DriftSchema } from '../../src/drift/schema-view.js';

/** A catalog in `puppet catalog compile --render-as json` shape from compact resource rows. */
export function catalog(node: string, resources: { type: string; title: string; parameters: Record<string, unknown> }[]): string {
  return `Notice: Compiled catalog for ${node} in environment production in 0.2 seconds\n` +
    JSON.stringify({ name: node, version: 1, resources: resources.map((r) => ({ ...r, tags: [], exported: false })) }, null, 1);
}

export function expectedFrom(node: string, resources: Parameters<typeof catalog>[1], raw?: string): ExpectedNode {
  return readCatalog(raw ?? catalog(node, resources), 'catalog.json', shippedResourceFiles());
}

export const nova = (title: string, parameters: Record<string, unknown>): Parameters<typeof catalog>[1][number] => ({ type: 'Nova_config', title, parameters });

/** A small typed schema, shaped like src/openstack's, so the typed level is tested without the generated data. */
export function fakeSchema(): DriftSchema {
  const def = (type: string, multi = false, secret = false, itemType?: string) => ({ type, multi, secret, ...(itemType ? { itemType } : {}) });
  return {
    groups: new Map([
      ['DEFAULT', new Map([
        ['debug', def('boolean')], ['my_ip', def('string')], ['cpu_allocation_ratio', def('float')],
        ['osapi_compute_workers', def('integer')], ['state_path', def('string')], ['quoted', def('string')],
      ])],
      ['filter_scheduler', new Map([['available_filters', def('multistring', true)], ['enabled_filters', def('list')]])],
      ['database', new Map([['connection', def('string', false, true)]])],
      ['vendordata_dynamic_auth', new Map([['password', def('string', false, true)]])],
    ]),
  };
}

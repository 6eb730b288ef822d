"""Dump every oslo.config Opt of one service file as JSON (stdout), richer than oslo-config-generator's JSON.

Run with Debian's python (/usr/bin/python3). Usage: dump_opts.py SERVICE  (nova, keystone, neutron, glance-api, cinder)
The generator's own machine-readable output drops list item types, regex, ignore_case, schemes and the multi flag,
so we read the Opt objects through the same private API the generator and validator use.
"""
import json
import logging
import subprocess
import sys
import warnings

from oslo_config import cfg, generator, types

# The namespace lists Debian's samples were generated with (their "# From <namespace>" lines).
NAMESPACES = {
    'nova': ['nova.conf', 'oslo.log', 'oslo.messaging', 'oslo.policy', 'oslo.privsep',
             'oslo.service.periodic_task', 'oslo.service.service', 'oslo.middleware', 'oslo.concurrency',
             'oslo.reports', 'oslo.limit', 'keystonemiddleware.auth_token', 'osprofiler'],
    'keystone': ['keystone', 'oslo.cache', 'oslo.log', 'oslo.messaging', 'oslo.policy', 'oslo.db',
                 'oslo.middleware', 'osprofiler'],
    'neutron': ['neutron', 'neutron.agent', 'neutron.db', 'neutron.experimental', 'neutron.extensions',
                'nova.auth', 'ironic.auth', 'placement.auth', 'oslo.log', 'oslo.cache', 'oslo.db', 'oslo.policy',
                'oslo.privsep', 'oslo.concurrency', 'oslo.messaging', 'oslo.middleware.cors',
                'oslo.middleware.healthcheck', 'oslo.middleware.http_proxy_to_wsgi', 'oslo.reports',
                'oslo.service.periodic_task', 'oslo.service.service', 'oslo.service.sslutils',
                'oslo.service.wsgi', 'keystonemiddleware.auth_token'],
    'glance-api': ['castellan.config', 'glance.api', 'glance.store', 'glance.multi_store', 'os_brick',
                   'oslo.concurrency', 'oslo.messaging', 'oslo.db', 'oslo.limit', 'oslo.policy',
                   'keystonemiddleware.auth_token', 'oslo.log', 'oslo.middleware.cors',
                   'oslo.middleware.healthcheck', 'oslo.middleware.http_proxy_to_wsgi', 'oslo.reports'],
    'cinder': ['castellan.config', 'cinder', 'keystonemiddleware.auth_token', 'os_brick', 'osprofiler',
               'oslo.config', 'oslo.concurrency', 'oslo.db', 'oslo.log', 'oslo.messaging', 'oslo.middleware',
               'oslo.policy', 'oslo.privsep', 'oslo.reports', 'oslo.service.periodic_task',
               'oslo.service.service', 'oslo.service.sslutils', 'oslo.service.wsgi', 'oslo.versionedobjects'],
    # Secondary files, namespaces again from the Debian samples' "# From" lines.
    'neutron-dhcp-agent': ['neutron.az.agent', 'neutron.base.agent', 'neutron.dhcp.agent', 'oslo.log'],
    'neutron-l3-agent': ['neutron.az.agent', 'neutron.base.agent', 'neutron.l3.agent', 'oslo.log'],
    'neutron-ml2': ['neutron.ml2', 'oslo.log'],
    'neutron-openvswitch-agent': ['neutron.ml2.ovs.agent', 'oslo.log'],
    'neutron-ovn': ['neutron.ml2.ovn', 'oslo.log'],
    'glance-cache': ['glance.cache', 'glance.store', 'os_brick', 'oslo.log', 'oslo.policy'],
    'glance-scrubber': ['glance.scrubber', 'glance.store', 'os_brick', 'oslo.concurrency', 'oslo.db', 'oslo.log',
                        'oslo.policy'],
    'glance-manage': ['oslo.db', 'oslo.log'],
    'glance-image-import': ['glance'],
}
PACKAGES = {
    'nova': ['nova-common', 'python3-oslo.config'],
    'keystone': ['keystone', 'python3-oslo.config'],
    'neutron': ['neutron-common', 'python3-oslo.config'],
    'glance-api': ['glance-common', 'python3-glance-store', 'python3-oslo.config'],
    'cinder': ['cinder-common', 'python3-oslo.config'],
    'neutron-dhcp-agent': ['neutron-common', 'python3-oslo.config'],
    'neutron-l3-agent': ['neutron-common', 'python3-oslo.config'],
    'neutron-ml2': ['neutron-common', 'python3-oslo.config'],
    'neutron-openvswitch-agent': ['neutron-common', 'python3-oslo.config'],
    'neutron-ovn': ['neutron-common', 'python3-oslo.config'],
    'glance-cache': ['glance-common', 'python3-glance-store', 'python3-oslo.config'],
    'glance-scrubber': ['glance-common', 'python3-glance-store', 'python3-oslo.config'],
    'glance-manage': ['glance-common', 'python3-oslo.config'],
    'glance-image-import': ['glance-common', 'python3-oslo.config'],
}
COMMON_PACKAGES = ['python3-keystoneauth1', 'python3-keystonemiddleware', 'python3-oslo.messaging',
                   'python3-oslo.db', 'python3-oslo.log']


def norm_group(name):
    if name is None:
        return 'DEFAULT'
    name = getattr(name, 'name', name)
    return name if name == 'DEFAULT' else name.lower()


def plain(v):
    """A JSON-safe, deterministic rendering of a default value."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return v if v == v and v not in (float('inf'), float('-inf')) else repr(v)
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in sorted(v.items(), key=lambda kv: str(kv[0]))}
    return str(v)


def ip_version(t):
    checker = getattr(t, 'version_checker', None)
    name = getattr(checker, '__name__', '')
    return 4 if name.endswith('ipv4') else 6 if name.endswith('ipv6') else None


def dump_type(t):
    if t is None or t is str:
        return {'kind': 'string'}  # keystoneauth plugin opts are plain Opt(type=str)
    if t is int:
        return {'kind': 'integer'}
    if t is float:
        return {'kind': 'float'}
    out = {}
    if isinstance(t, types.MultiString):
        out['kind'] = 'string'
    elif isinstance(t, types.String):
        out['kind'] = 'string'
    elif isinstance(t, types.Boolean):
        out['kind'] = 'boolean'
    elif isinstance(t, types.Port):
        out['kind'] = 'port'
    elif isinstance(t, types.Integer):
        out['kind'] = 'integer'
    elif isinstance(t, types.Float):
        out['kind'] = 'float'
    elif isinstance(t, types.List):
        out['kind'] = 'list'
        out['item'] = dump_type(t.item_type)
        if t.bounds:
            out['bounds'] = True
    elif isinstance(t, types.Dict):
        out['kind'] = 'dict'
        out['value'] = dump_type(t.value_type)
        if t.bounds:
            out['bounds'] = True
    elif isinstance(t, types.Range):
        out['kind'] = 'range'
    elif isinstance(t, types.HostDomain):
        out['kind'] = 'hostdomain'
    elif isinstance(t, types.HostAddress):
        out['kind'] = 'hostaddress'
        v = ip_version(t.ip_address)
        if v:
            out['version'] = v
    elif isinstance(t, types.Hostname):
        out['kind'] = 'hostname'
    elif isinstance(t, types.IPAddress):
        out['kind'] = 'ip'
        v = ip_version(t)
        if v:
            out['version'] = v
    elif isinstance(t, types.URI):
        out['kind'] = 'uri'
        if t.schemes:
            out['schemes'] = list(t.schemes)
        if t.max_length:
            out['maxLength'] = t.max_length
    else:
        out['kind'] = 'unknown'
        out['class'] = getattr(t, '__qualname__', type(t).__name__)
    choices = getattr(t, 'choices', None)
    if choices:
        out['choices'] = [[plain(k), v] for k, v in choices.items()]
    for attr in ('min', 'max'):
        v = getattr(t, attr, None)
        if v is not None and out['kind'] in ('integer', 'float', 'port'):
            out[attr] = plain(v)
    if isinstance(t, types.String):
        if t.regex is not None:
            out['regex'] = t.regex.pattern
        if t.ignore_case:
            out['ignoreCase'] = True
        if t.quotes:
            out['quotes'] = True
        if t.max_length:
            out['maxLength'] = t.max_length
    return out


def first_line(text):
    text = (text or '').strip()
    if not text:
        return None
    para = text.split('\n\n')[0]
    return ' '.join(para.split())[:300]


def dump_opt(opt, group):
    deprecated = []
    for d in opt.deprecated_opts:
        name = d.name or opt.name
        if '-' in name:
            continue  # oslo never matches a dashed alias (the generator drops them too)
        deprecated.append({'group': norm_group(d.group) if d.group else group, 'name': name})
    entry = {
        'name': opt.name,
        'dest': opt.dest,
        'type': dump_type(opt.type),
        'multi': bool(opt.multi),
        'secret': bool(opt.secret),
        'default': plain(opt.default),
    }
    if opt.sample_default is not None:
        entry['sampleDefault'] = plain(opt.sample_default)
    if deprecated:
        entry['deprecatedNames'] = deprecated
    if opt.deprecated_for_removal:
        entry['deprecatedForRemoval'] = {'reason': first_line(opt.deprecated_reason)}
        if opt.deprecated_since:
            entry['deprecatedForRemoval']['since'] = str(opt.deprecated_since)
    help_ = first_line(opt.help)
    if help_:
        entry['help'] = help_
    return entry


def package_versions(names):
    out = {}
    for n in names:
        r = subprocess.run(['dpkg-query', '-W', '-f=${Version}', n], capture_output=True, text=True)
        out[n] = r.stdout.strip() if r.returncode == 0 else None
    return out


def auth_plugins():
    from keystoneauth1 import loading
    out = {}
    for name in sorted(loading.get_available_plugin_names()):
        try:
            opts = loading.get_auth_plugin_conf_options(name)
        except Exception:  # a plugin whose extra dependency is missing
            continue
        out[name] = [dump_opt(o, 'plugin') for o in opts]
    return out


def main(service):
    logging.disable(logging.CRITICAL)
    warnings.simplefilter('ignore')
    namespaces = NAMESPACES[service]
    groups = {}
    for namespace, listing in generator._list_opts(namespaces):
        for group, opts in listing:
            name = norm_group(group)
            g = groups.setdefault(name, {'opts': {}, 'namespaces': []})
            if namespace not in g['namespaces']:
                g['namespaces'].append(namespace)
            if hasattr(group, 'help') and group.help and 'help' not in g:
                g['help'] = first_line(group.help)
            if getattr(group, 'driver_option', None):
                g['driverOption'] = group.driver_option
            for opt in opts:
                e = dump_opt(opt, name)
                e['namespace'] = namespace
                g['opts'].setdefault(opt.dest, e)  # first registration wins, like the generator's dedup
    out = {
        'service': service,
        'namespaces': namespaces,
        'packages': package_versions(PACKAGES[service] + COMMON_PACKAGES),
        'groups': {k: groups[k] for k in sorted(groups)},
        'authPlugins': auth_plugins(),
    }
    json.dump(out, sys.stdout, sort_keys=True, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv[1])

"""Batch oracle for the openstack tests (one process answers all cases). Run with /usr/bin/python3.

stdin: {"validate": [{"service": S, "file": F}, ...], "types": [{"type": OSLO_TYPE_JSON, "value": V}, ...]}
stdout: {"validate": [[{"level": L, "message": M}, ...], ...], "types": [{"ok": bool, "message": str}, ...]}
"validate" runs oslo_config.validator._validate itself (as oslo-config-validator --opt-data does), with the
generator's machine-readable data built from the namespaces in scripts/openstack/dump_opts.py and cached in /tmp.
"types" rebuilds each oslo type object from its JSON description and calls it.
"""
import json
import logging
import os
import subprocess
import sys
import tempfile
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'scripts', 'openstack'))
import dump_opts  # noqa: E402
from oslo_config import cfg, generator, types, validator  # noqa: E402


class Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append({'level': record.levelname, 'message': record.getMessage()})


def opt_data(service, cache={}):
    if service in cache:
        return cache[service]
    versions = dump_opts.package_versions(dump_opts.PACKAGES[service])
    key = '-'.join(v or 'none' for v in versions.values()).replace(':', '_').replace('~', '_')
    path = os.path.join(tempfile.gettempdir(), 'hieradrift-optdata-%s-%s.json' % (service, key))
    if not os.path.exists(path):
        # Each service's entry points in a fresh process: loading two services in one can clash.
        subprocess.run([sys.executable, __file__, '--optdata', service, path], check=True)
    with open(path) as f:
        cache[service] = json.load(f)
    return cache[service]


def write_opt_data(service, path):
    if True:
        conf = cfg.ConfigOpts()
        generator.register_cli_opts(conf)
        args = [a for ns in dump_opts.NAMESPACES[service] for a in ('--namespace', ns)]
        conf(args, project='x', default_config_files=[], default_config_dirs=[])
        groups = generator._get_groups(generator._list_opts(dump_opts.NAMESPACES[service]))
        data = generator._generate_machine_readable_data(groups, conf)
        with open(path + '.tmp', 'w') as f:
            json.dump(data, f, default=str)
        os.replace(path + '.tmp', path)


def run_validator(service, path):
    data = opt_data(service)
    validator.load_opt_data = lambda conf: data
    conf = cfg.ConfigOpts()
    validator._register_cli_opts(conf)
    conf(['--opt-data', 'cached.json', '--input-file', path], default_config_files=[], default_config_dirs=[])
    cap = Capture()
    root = logging.getLogger()
    root.addHandler(cap)
    root.setLevel(logging.DEBUG)
    try:
        rc = validator._validate(conf)
    except Exception as e:  # the validator crashes on parse errors
        cap.records.append({'level': 'CRASH', 'message': str(e)})
        rc = 1
    finally:
        root.removeHandler(cap)
    return {'rc': rc, 'records': cap.records}


def build_type(t):
    kind = t['kind']
    choices = [(c, d) for c, d in t['choices']] if t.get('choices') else None
    if kind == 'string':
        return types.String(choices=choices, quotes=t.get('quotes', False), regex=t.get('regex'),
                            ignore_case=t.get('ignoreCase', False), max_length=t.get('maxLength'))
    if kind == 'boolean':
        return types.Boolean()
    if kind == 'integer':
        return types.Integer(min=t.get('min'), max=t.get('max'), choices=choices)
    if kind == 'port':
        return types.Port(min=t.get('min'), max=t.get('max'), choices=choices)
    if kind == 'float':
        return types.Float(min=t.get('min'), max=t.get('max'))
    if kind == 'list':
        return types.List(item_type=build_type(t.get('item') or {'kind': 'string'}), bounds=t.get('bounds', False))
    if kind == 'dict':
        return types.Dict(value_type=build_type(t.get('value') or {'kind': 'string'}), bounds=t.get('bounds', False))
    if kind == 'ip':
        return types.IPAddress(version=t.get('version'))
    if kind == 'hostname':
        return types.Hostname()
    if kind == 'hostaddress':
        return types.HostAddress(version=t.get('version'))
    if kind == 'hostdomain':
        return types.HostDomain(version=t.get('version'))
    if kind == 'uri':
        return types.URI(max_length=t.get('maxLength'), schemes=t.get('schemes'))
    if kind == 'range':
        return types.Range()
    raise ValueError('unknown kind %s' % kind)


def run_type(t, value):
    try:
        build_type(t)(value)
        return {'ok': True}
    except ValueError as e:
        return {'ok': False, 'message': str(e)}


def main():
    warnings.simplefilter('ignore')
    req = json.load(sys.stdin)
    out = {'validate': [run_validator(c['service'], c['file']) for c in req.get('validate', [])],
           'types': [run_type(c['type'], c['value']) for c in req.get('types', [])]}
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    if sys.argv[1:2] == ['--optdata']:
        logging.disable(logging.CRITICAL)
        write_opt_data(sys.argv[2], sys.argv[3])
    else:
        main()

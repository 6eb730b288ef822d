import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A synthetic control repo for the Hiera benchmark: `nodes` nodes with facts, 5 hierarchy levels
 * (node, role, datacenter, os, common), ~400 keys with nested hashes, interpolation (scope and lookup())
 * and lookup_options (hash, deep, unique by regex). Deterministic, written under `dir`.
 */
export function generateHieraRepo(dir: string, nodes = 1000, keys = 400): { envDir: string; factsDir: string } {
  const envDir = join(dir, 'env');
  const factsDir = join(dir, 'facts');
  const write = (rel: string, text: string): void => {
    const p = join(envDir, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  };
  write(
    'hiera.yaml',
    `version: 5
defaults:
  datadir: data
  data_hash: yaml_data
hierarchy:
  - name: node
    path: "nodes/%{trusted.certname}.yaml"
  - name: role
    path: "roles/%{facts.role}.yaml"
  - name: datacenter
    path: "dc/%{facts.dc}.yaml"
  - name: os
    path: "os/%{facts.os.family}-%{facts.os.release.major}.yaml"
  - name: common
    path: common.yaml
`,
  );
  const roles = Array.from({ length: 10 }, (_, i) => `role${i}`);
  const dcs = ['ams', 'fra', 'par', 'lon'];
  const oses = [['Debian', '12'], ['Debian', '11'], ['RedHat', '9']] as const;
  const key = (i: number): string => `profile::k${i}::setting`;
  const lo: string[] = ['lookup_options:', '  "^profile::k1\\\\d::setting$": {merge: unique}'];
  for (let i = 0; i < keys; i += 20) lo.push(`  ${key(i)}: {merge: ${i % 40 ? 'hash' : 'deep'}}`);
  const common = [...lo];
  for (let i = 0; i < keys; i++) {
    if (i % 20 === 0) common.push(`${key(i)}:\n  base: {port: ${8000 + i}, tls: true, ratio: ${i}.5}\n  list: [a, b]\n  owner: "%{facts.hostname}"`);
    else if (i >= 10 && i < 20) common.push(`${key(i)}: [c${i}, shared]`);
    else if (i % 7 === 0) common.push(`${key(i)}: "%{lookup('${key(i - 1)}')}-%{facts.dc}"`);
    else if (i % 5 === 0) common.push(`${key(i)}:\n  nested:\n    deeper: {value: ${i}, host: "%{trusted.certname}"}\n  flag: ${i % 2 === 0}`);
    else common.push(`${key(i)}: value-${i}`);
  }
  write('data/common.yaml', common.join('\n') + '\n');
  roles.forEach((r, ri) => {
    const lines: string[] = [];
    for (let i = ri; i < keys; i += 4) {
      if (i % 20 === 0) lines.push(`${key(i)}:\n  base: {port: ${9000 + i}}\n  ${r}: {enabled: true}`);
      else if (i >= 10 && i < 20) lines.push(`${key(i)}: [${r}, shared]`);
      else lines.push(`${key(i)}: ${r}-${i}`);
    }
    write(`data/roles/${r}.yaml`, lines.join('\n') + '\n');
  });
  dcs.forEach((dc) => {
    const lines: string[] = [];
    for (let i = 1; i < keys; i += 8) lines.push(i % 20 === 0 ? `${key(i)}:\n  dc: ${dc}` : `${key(i)}: "${dc}-%{facts.networking.ip}"`);
    write(`data/dc/${dc}.yaml`, lines.join('\n') + '\n');
  });
  oses.forEach(([fam, maj]) => {
    const lines: string[] = [];
    for (let i = 2; i < keys; i += 10) lines.push(`${key(i)}: ${fam.toLowerCase()}${maj}`);
    lines.push(`${key(40)}:\n  base: {os: ${fam}}`);
    write(`data/os/${fam}-${maj}.yaml`, lines.join('\n') + '\n');
  });
  mkdirSync(factsDir, { recursive: true });
  for (let n = 0; n < nodes; n++) {
    const name = `node${String(n).padStart(4, '0')}.example.com`;
    const [fam, maj] = oses[n % oses.length]!;
    writeFileSync(
      join(factsDir, `${name}.yaml`),
      `clientcert: ${name}\nhostname: node${n}\ndomain: example.com\nfqdn: ${name}\nrole: ${roles[n % roles.length]}\ndc: ${dcs[n % dcs.length]}\n` +
        `os: {family: ${fam}, release: {major: "${maj}"}}\nnetworking: {ip: 10.0.${n >> 8}.${n & 255}}\n`,
    );
    if (n % 10 === 0) write(`data/nodes/${name}.yaml`, `${key(3)}: node-specific\n${key(0)}:\n  base: {port: 1}\n`);
  }
  return { envDir, factsDir };
}

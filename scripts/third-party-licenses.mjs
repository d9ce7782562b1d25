// The licences of the packages bundled into a build: written as THIRD-PARTY-LICENSES.txt beside it, so
// the notices that Lit (BSD-3-Clause), Leaflet (BSD-2-Clause) and the others ask to be kept travel with
// the files without costing a byte of the bundles themselves.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'license.md', 'LICENCE', 'COPYING'];

/** Every `node_modules/<package>` folder named by the source maps under `dir`. */
function bundledPackages(dir) {
  const found = new Map();
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.map')) {
        for (const source of JSON.parse(readFileSync(path, 'utf8')).sources ?? []) {
          const match = /^(.*node_modules\/)((?:@[^/]+\/)?[^/]+)\//.exec(join(dirname(path), source));
          if (match) found.set(match[2], match[1] + match[2]);
        }
      }
    }
  };
  walk(dir);
  return found;
}

/** Writes `dir/THIRD-PARTY-LICENSES.txt`; returns the package names in it. */
export function writeThirdPartyLicenses(dir) {
  const sections = [];
  for (const [name, folder] of [...bundledPackages(dir)].sort(([a], [b]) => a.localeCompare(b))) {
    if (!existsSync(join(folder, 'package.json'))) continue;
    const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const file = LICENSE_FILES.map((f) => join(folder, f)).find((f) => existsSync(f));
    sections.push(`${name} ${pkg.version} (${pkg.license ?? 'see below'})\n${'-'.repeat(60)}\n${file ? readFileSync(file, 'utf8').trim() : `License: ${pkg.license}`}\n`);
  }
  writeFileSync(
    join(dir, 'THIRD-PARTY-LICENSES.txt'),
    `Veche bundles code of these packages; their licences follow.\n\n${sections.join('\n')}`,
  );
  return sections.map((s) => s.split(' ')[0]);
}

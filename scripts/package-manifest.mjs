// What a published package's package.json must say, in the repository and once packed
// (scripts/check-packages.mjs; packages/harness/test/package-manifests.test.ts runs it on every package).
import { readdir, readFile } from 'node:fs/promises';

/** The in-repo export condition that points workspace packages at their TypeScript sources. */
const sourceCondition = '@harness/source';

/** Every package under `packagesDir` that is published (not `private`), with its folder name. */
export async function publishedPackages(packagesDir) {
  const found = [];
  for (const dir of (await readdir(packagesDir)).sort()) {
    let text;
    try {
      text = await readFile(new URL(`${dir}/package.json`, packagesDir), 'utf8');
    } catch {
      continue;
    }
    const manifest = JSON.parse(text);
    if (manifest.private !== true) found.push({ dir, manifest });
  }
  return found;
}

/** `exports` as published: the source condition removed at every level. */
function withoutSourceCondition(exports) {
  if (exports === null || typeof exports !== 'object') return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([key]) => key !== sourceCondition)
      .map(([key, value]) => [key, withoutSourceCondition(value)]),
  );
}

const mentionsSource = (value) => JSON.stringify(value ?? null).includes(`"${sourceCondition}"`);

/** Problems of a package.json in the repository (`dir` is its folder under packages/). */
export function manifestProblems(manifest, dir, rootManifest) {
  const problems = [];
  const need = (ok, text) => {
    if (!ok) problems.push(text);
  };
  for (const key of ['name', 'version', 'description', 'license', 'homepage']) {
    need(typeof manifest[key] === 'string' && manifest[key] !== '', `"${key}" is missing`);
  }
  need(manifest.type === 'module', '"type" must be "module" (the packages are ESM only)');
  need(manifest.engines?.node === rootManifest.engines?.node, `"engines.node" must be "${rootManifest.engines?.node}"`);
  need(typeof manifest.types === 'string', '"types" is missing');
  need(Array.isArray(manifest.files) && manifest.files.includes('dist'), '"files" must list "dist"');
  need(manifest.exports?.['./package.json'] === './package.json', '"exports" must list "./package.json"');
  const repoUrl = rootManifest.repository?.url;
  need(
    manifest.repository?.url === repoUrl && manifest.repository?.directory === `packages/${dir}`,
    `"repository" must be { "type": "git", "url": "${repoUrl}", "directory": "packages/${dir}" }`,
  );
  need(typeof manifest.bugs?.url === 'string', '"bugs.url" is missing');
  const publish = manifest.publishConfig ?? {};
  need(publish.access === 'public', '"publishConfig.access" must be "public"');
  need(publish.provenance === true, '"publishConfig.provenance" must be true (npm provenance from CI)');
  if (mentionsSource(manifest.exports) || publish.exports !== undefined) {
    need(
      JSON.stringify(publish.exports) === JSON.stringify(withoutSourceCondition(manifest.exports)),
      `"publishConfig.exports" must equal "exports" without the "${sourceCondition}" condition`,
    );
  }
  return problems;
}

/** Problems of the package.json inside a packed tarball, whose file list is `listing` (package/…). */
export function packedManifestProblems(packed, listing) {
  const problems = [];
  const files = new Set(listing.map((path) => path.replace(/^package\//, '')));
  if (mentionsSource(packed.exports))
    problems.push(`the packed "exports" still has the "${sourceCondition}" condition`);
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(packed[field] ?? {})) {
      if (String(range).startsWith('workspace:')) problems.push(`packed ${field}.${name} is still "${range}"`);
    }
  }
  for (const [bin, path] of Object.entries(packed.bin ?? {})) {
    if (!files.has(path.replace(/^\.\//, ''))) problems.push(`bin "${bin}" points at ${path}, which is not packed`);
  }
  if (!files.has('LICENSE')) problems.push(`no LICENSE is packed (package.json says "${packed.license}")`);
  for (const path of files) {
    if (/(^|\/)\.tsbuildinfo$|\.test\.[cm]?[jt]s$/.test(path)) problems.push(`${path} is packed (build or test file)`);
  }
  return problems;
}

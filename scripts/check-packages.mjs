#!/usr/bin/env zx
// Package quality on what npm would receive (docs/development.md, "Releasing"): every published
// package is packed the way `pnpm publish` packs it (publishConfig applied, workspace: ranges
// replaced), and each tarball must pass publint (strict: warnings are errors) and
// Are the Types Wrong (`attw --profile esm-only`), besides the publishing metadata checked below.
// Needs the packages built (dist/). `--keep DIR` leaves the tarballs in DIR for a later step.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { manifestProblems, packedManifestProblems, publishedPackages } from './package-manifest.mjs';

$.verbose = false;
const root = new URL('..', import.meta.url);
const keep = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1] : undefined;
const packs = keep ?? (await mkdtemp(join(tmpdir(), 'harness-check-packages-')));
const rootManifest = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const packages = await publishedPackages(new URL('packages/', root));
const problems = [];
const report = (name, lines) => {
  for (const line of lines) problems.push(`${name}: ${line}`);
};

/** Lints the tarball of `manifest` (publint, attw, the packed package.json) and reports what it finds. */
async function lintPacked(manifest, tarballs) {
  const file = tarballs.find((f) => f === `${manifest.name}-${manifest.version}.tgz`);
  if (file === undefined) {
    report(manifest.name, [`pnpm pack wrote no ${manifest.name}-${manifest.version}.tgz`]);
    return;
  }
  const tarball = join(packs, file);
  const listing = (await $`tar -tzf ${tarball}`).stdout.split('\n').filter(Boolean);
  const packed = JSON.parse((await $`tar -xzOf ${tarball} package/package.json`).stdout);
  report(manifest.name, packedManifestProblems(packed, listing));
  const buffer = await readFile(tarball);
  const tarballData = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  const lint = await publint({ pack: { tarball: tarballData }, level: 'suggestion', strict: true });
  report(
    manifest.name,
    lint.messages.map((m) => `publint ${m.type} ${m.code}: ${formatMessage(m, lint.pkg, { color: false })}`),
  );
  const attw = await $`attw --profile esm-only --format ascii --no-color --no-emoji ${tarball}`.quiet().nothrow();
  if (attw.exitCode !== 0) report(manifest.name, [`attw --profile esm-only:\n${attw.stdout}${attw.stderr}`]);
  console.log(`${manifest.name}@${manifest.version}: ${listing.length} files, publint and attw done`);
}

try {
  for (const { dir, manifest } of packages) report(manifest.name, manifestProblems(manifest, dir, rootManifest));
  const filters = packages.flatMap(({ manifest }) => ['--filter', manifest.name]);
  await $({ cwd: root })`pnpm ${filters} --recursive pack --pack-destination ${packs}`.quiet();
  const tarballs = (await readdir(packs)).filter((f) => f.endsWith('.tgz'));
  // Two at a time: attw and publint are mostly CPU, and CI runners have two cores or more.
  const queue = [...packages];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await lintPacked(next.manifest, tarballs);
  };
  await Promise.all([worker(), worker()]);
} finally {
  if (keep === undefined) await rm(packs, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\n${problems.length} package problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`${packages.length} packages: publint and attw (esm-only) clean, metadata complete.`);

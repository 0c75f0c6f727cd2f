// Generates the repository the init benchmark runs `harness init` on: the docs benchmark's
// real-shaped monorepo (about 10,000 files, 1,300 markdown files of real sizes, a Docusaurus site,
// 35 workspace packages, 200 commits) with, inside it, a layered service from the layers benchmark
// (services/orders: domains with six layers, providers, shared utils, real imports and about 1%
// deliberate violations), so that init has both docs and an import graph to read.
// Deterministic. Runs under Node's type stripping.
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generateRealShapedRepo } from '../docs/generate-real-shaped.ts';
import { generateLayeredRepo } from '../layers/generate-repo.ts';

interface GeneratedInitRepo {
  files: number;
  markdownFiles: number;
  sourceFiles: number;
}

/** 24 domains × 6 layers × 10 files, plus shared, platform and provider code: about 1,600 files (15% of the repository, enough for a model to matter). */
const serviceSize = { domains: 24, filesPerLayer: 10, fillerFunctions: 12 };

export async function generateInitRepo(root: string): Promise<GeneratedInitRepo> {
  const docs = await generateRealShapedRepo(root);
  const service = join(root, 'services/orders');
  await generateLayeredRepo(service, serviceSize);
  // The layers benchmark's own config is not this repository's: init must find the layers itself.
  await rm(join(service, 'harness.config.yaml'));
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.com',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.com',
      },
    });
  git('add', '-A');
  git('commit', '-qm', 'the orders service');
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n')
    .filter((f) => f !== '');
  return {
    files: files.length,
    markdownFiles: docs.markdownFiles,
    sourceFiles: files.filter((f) => /\.[cm]?[jt]sx?$/.test(f)).length,
  };
}

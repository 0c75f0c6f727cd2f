// Where the templates `harness init` writes live. In this repository they are
// the top-level templates/ folder; in the published package the build has
// copied them to <package>/templates (see scripts/copy-templates.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the templates folder, with a trailing separator. */
export function templatesDir(): string {
  const packageRoot = new URL('../', import.meta.url);
  // A checkout has src/ next to dist/; the packed package ships only dist/ and templates/.
  const inWorkspace =
    existsSync(new URL('src/', packageRoot)) && existsSync(new URL('../../templates/README.md', packageRoot));
  return fileURLToPath(inWorkspace ? new URL('../../templates/', packageRoot) : new URL('templates/', packageRoot));
}

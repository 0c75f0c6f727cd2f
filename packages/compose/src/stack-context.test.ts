import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveComposeFiles } from './stack-context.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'harness-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveComposeFiles', () => {
  it('takes compose.yaml by default', () => {
    writeFileSync(join(dir, 'compose.yaml'), '');
    writeFileSync(join(dir, 'docker-compose.yml'), '');
    expect(resolveComposeFiles(dir, undefined)).toEqual([join(dir, 'compose.yaml')]);
  });

  it('falls back to compose’s other default names when compose.yaml is absent', () => {
    writeFileSync(join(dir, 'docker-compose.yml'), '');
    expect(resolveComposeFiles(dir, undefined)).toEqual([join(dir, 'docker-compose.yml')]);
    expect(resolveComposeFiles(dir, { files: ['compose.yaml'], shared: [], sharedVolumes: [] })).toEqual([
      join(dir, 'docker-compose.yml'),
    ]);
  });

  it('takes the configured files in order', () => {
    writeFileSync(join(dir, 'base.yaml'), '');
    writeFileSync(join(dir, 'dev.yaml'), '');
    expect(resolveComposeFiles(dir, { files: ['base.yaml', 'dev.yaml'], shared: [], sharedVolumes: [] })).toEqual([
      join(dir, 'base.yaml'),
      join(dir, 'dev.yaml'),
    ]);
  });

  it('points at compose.files when a configured file is missing', () => {
    expect(() => resolveComposeFiles(dir, { files: ['ops/compose.yaml'], shared: [], sharedVolumes: [] })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', place: { file: 'harness.config.yaml', key: 'compose.files' } }),
    );
  });

  it('names every default it looked for when there is none', () => {
    expect(() => resolveComposeFiles(dir, undefined)).toThrow(expect.objectContaining({ code: 'CONFIG_NOT_FOUND' }));
  });
});

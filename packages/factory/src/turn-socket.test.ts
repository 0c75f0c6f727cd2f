import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { mergeSocketPlace } from './turn-socket.js';

it('puts the socket beside the loop’s state when the path fits a unix socket', () => {
  expect(mergeSocketPlace('/srv/app', 7)).toEqual({
    root: '/srv/app/.harness/factory',
    path: '/srv/app/.harness/factory/merge-7.sock',
  });
});

it('falls back to a short hashed name in the temporary folder when the repository path is too long', () => {
  const long = `/home/someone/${'very-long-folder-name/'.repeat(5)}app`;
  const place = mergeSocketPlace(long, 7);
  expect(place.root).toBe(tmpdir());
  expect(place.path).toMatch(new RegExp(`^${join(tmpdir(), 'harness-factory-')}[0-9a-f]{16}\\.sock$`));
  expect(Buffer.byteLength(place.path)).toBeLessThanOrEqual(100);
  expect(mergeSocketPlace(long, 7)).toEqual(place);
  expect(mergeSocketPlace(long, 8).path).not.toBe(place.path);
  expect(mergeSocketPlace(`${long}2`, 7).path).not.toBe(place.path);
});

import { describe, expect, it } from 'vitest';
import { parseBodyDependencies } from './issue-dependencies.js';

describe('parseBodyDependencies', () => {
  it('reads blocked by and depends on, in lists, any case', () => {
    expect(parseBodyDependencies('Blocked by #12.\nThis depends on #3, #4 and #5; see #99 too.')).toEqual([
      3, 4, 5, 12,
    ]);
    expect(parseBodyDependencies('depends on: #7')).toEqual([7]);
  });

  it('ignores code and plain mentions', () => {
    expect(parseBodyDependencies('Mentions #2.\n```\nblocked by #8\n```\nand `depends on #9`')).toEqual([]);
    expect(parseBodyDependencies(null)).toEqual([]);
  });
});

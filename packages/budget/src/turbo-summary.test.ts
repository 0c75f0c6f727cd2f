import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isInside, readTurboRun, summaryPathInLine, userWantsSummaries } from './turbo-summary.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

describe('turbo run summaries', () => {
  it('finds the path turbo prints after a run', () => {
    expect(summaryPathInLine('Summary:    /repo/.turbo/runs/3MSufw6pVGN59RVkkN6jRmxM9Hz.json')).toBe(
      '/repo/.turbo/runs/3MSufw6pVGN59RVkkN6jRmxM9Hz.json',
    );
    expect(summaryPathInLine('@fx/a:build: Summary: of the build')).toBeUndefined();
  });

  it('times each task as end − start, with the cache status (real turbo 2.11 summaries)', async () => {
    expect(await readTurboRun([fixture('turbo-summary-miss.json')], {})).toEqual({
      hit: 0,
      miss: 2,
      tasks: { '@fx/a#build': { ms: 469, cache: 'MISS' }, '@fx/b#build': { ms: 373, cache: 'MISS' } },
    });
    expect(await readTurboRun([fixture('turbo-summary-hit.json')], {})).toEqual({
      hit: 2,
      miss: 0,
      tasks: {
        '@fx/a#build': { ms: 0, cache: 'HIT', savedMs: 468 },
        '@fx/b#build': { ms: 0, cache: 'HIT', savedMs: 372 },
      },
    });
  });

  it('adds up a task that two turbo runs in one command both ran, a MISS if either missed', async () => {
    const run = await readTurboRun([fixture('turbo-summary-miss.json'), fixture('turbo-summary-hit.json')], {});
    expect(run?.tasks['@fx/a#build']).toEqual({ ms: 469, cache: 'MISS' });
  });

  it('removes the summaries it read when asked, and ignores files that are not summaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-summary-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    copyFileSync(fixture('turbo-summary-miss.json'), join(dir, 'a.json'));
    expect(await readTurboRun([join(dir, 'a.json')], { removeFrom: dir })).toMatchObject({ miss: 2 });
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
    expect(await readTurboRun([join(dir, 'missing.json')], { removeFrom: dir })).toBeUndefined();
  });

  it('keeps only summaries inside the repository and the ones the user asked for', () => {
    expect(isInside('/repo', '/repo/.turbo/runs/x.json')).toBe(true);
    expect(isInside('/repo', '/tmp/fixture/.turbo/runs/x.json')).toBe(false);
    expect(userWantsSummaries('turbo run build --summarize', {})).toBe(true);
    expect(userWantsSummaries('turbo run build', { TURBO_RUN_SUMMARY: 'true' })).toBe(true);
    expect(userWantsSummaries('turbo run build', {})).toBe(false);
  });
});

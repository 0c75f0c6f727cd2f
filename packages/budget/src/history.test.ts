import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { entry } from './history-entry.fixture.js';
import { appendHistoryEntry, historyFile, parseHistory, readHistory } from './history.js';

describe('history', () => {
  it('appends one line per entry and reads them back in order', async () => {
    const root = mkdtempSync(join(tmpdir(), 'harness-history-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    expect(await readHistory(root)).toEqual({ entries: [], badLines: [] });
    await appendHistoryEntry(root, entry({ run: 1 }));
    await appendHistoryEntry(root, entry({ run: 2 }));
    expect(readFileSync(join(root, historyFile), 'utf8').split('\n')).toHaveLength(3);
    expect((await readHistory(root)).entries.map((e) => e.run)).toEqual([1, 2]);
  });

  it('skips lines that are not entries and says which', () => {
    const good = JSON.stringify(entry());
    const text = [good, '{"v":1,"budget":"bu', '{"v":2}', '', good].join('\n');
    const history = parseHistory(text);
    expect(history.entries).toHaveLength(2);
    expect(history.badLines).toEqual([2, 3]);
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsCacheFile, ParseCache } from './parse-cache.js';
import { parseMarkdown } from './parse-markdown.js';
import { writeTempRepo } from './temp-repo.fixture.js';

const docs = [
  '---\ntitle: x\nowner: "@ana"\n---\n# Doc\n\n## Doc\n\nSee [a](a.md), ![i](i.png) and [r].\n\n[r]: r.md\n',
  '# Code\n\n```ts title="t"\nconst a = 1;\n```\n\n    indented\n\n`src/x.ts` and @docs/a.md and <a id="top"></a>\n',
  'No headings, no links.\n',
];

describe('ParseCache', () => {
  it('gives back, from the file it wrote, what was parsed: links, runs with info strings, headings, anchors, front matter', async () => {
    const root = await writeTempRepo({ 'README.md': '# r\n' });
    const first = ParseCache.load(root, docsCacheFile);
    expect(first.empty).toBe(true);
    for (const text of docs) first.store(text, parseMarkdown(text));
    await first.save(root, docsCacheFile);
    const second = ParseCache.load(root, docsCacheFile);
    expect(second.empty).toBe(false);
    for (const text of docs) expect(second.lookup(text)).toEqual(parseMarkdown(text));
    expect(second.lookup('# not stored\n')).toBeUndefined();
    // The same text twice (two copies of one file) is found twice.
    expect(second.lookup(docs[0] as string)).toEqual(parseMarkdown(docs[0] as string));
  });

  it('writes each kind of fact as one flat list, without a property name per fact', async () => {
    const root = await writeTempRepo({ 'README.md': '# r\n' });
    const cache = ParseCache.load(root, docsCacheFile);
    for (const text of docs) cache.store(text, parseMarkdown(text));
    await cache.save(root, docsCacheFile);
    const written = readFileSync(join(root, docsCacheFile), 'utf8');
    for (const name of ['"column"', '"start"', '"url"', '"slug"']) expect(written).not.toContain(name);
  });

  it('writes nothing when every entry was used and nothing changed, and drops the entries no file used', async () => {
    const root = await writeTempRepo({ 'README.md': '# r\n' });
    const first = ParseCache.load(root, docsCacheFile);
    for (const text of docs) first.store(text, parseMarkdown(text));
    await first.save(root, docsCacheFile);
    const second = ParseCache.load(root, docsCacheFile);
    for (const text of docs) second.lookup(text);
    await rm(join(root, docsCacheFile));
    await second.save(root, docsCacheFile);
    expect(existsSync(join(root, docsCacheFile))).toBe(false);
    await first.save(root, docsCacheFile);
    const third = ParseCache.load(root, docsCacheFile);
    third.lookup(docs[1] as string);
    await third.save(root, docsCacheFile);
    const fourth = ParseCache.load(root, docsCacheFile);
    expect(fourth.lookup(docs[0] as string)).toBeUndefined();
    expect(fourth.lookup(docs[1] as string)).toEqual(parseMarkdown(docs[1] as string));
  });

  it('writes the entries it read back as they were read, one per line, and new ones beside them', async () => {
    const root = await writeTempRepo({ 'README.md': '# r\n' });
    const first = ParseCache.load(root, docsCacheFile);
    for (const text of docs.slice(0, 2)) first.store(text, parseMarkdown(text));
    await first.save(root, docsCacheFile);
    const file = join(root, docsCacheFile);
    // A line changed on disk (the same facts, written differently) is written back as it was read.
    const spaced = readFileSync(file, 'utf8').replace('"link",', '"link" ,');
    writeFileSync(file, spaced);
    const second = ParseCache.load(root, docsCacheFile);
    for (const text of docs.slice(0, 2)) second.lookup(text);
    second.store(docs[2] as string, parseMarkdown(docs[2] as string));
    await second.save(root, docsCacheFile);
    const written = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.replace(/,$/, ''));
    expect(written).toHaveLength(5);
    expect(spaced).toContain('"link" ,');
    for (const line of spaced.split('\n').slice(1, 3)) expect(written).toContain(line.replace(/,$/, ''));
    const third = ParseCache.load(root, docsCacheFile);
    for (const text of docs) expect(third.lookup(text)).toEqual(parseMarkdown(text));
  });
});

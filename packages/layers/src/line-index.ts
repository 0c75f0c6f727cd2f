// Offsets to 1-based line and column. Imports sit near the top of a file and are asked for in
// order, so the newlines are counted from the last offset asked for up to the next one, instead of
// indexing every line start of every file first (an array per file, most of a cold scan's garbage).
// An offset before the last one asked for counts again from the start.

export interface LineIndex {
  position(offset: number): { line: number; column: number };
}

export function createLineIndex(source: string): LineIndex {
  // The line holding `at` is `line`, starting at `lineStart`.
  let at = 0;
  let line = 1;
  let lineStart = 0;
  return {
    position(offset) {
      if (offset < at) {
        at = 0;
        line = 1;
        lineStart = 0;
      }
      for (let i = source.indexOf('\n', at); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
        line += 1;
        lineStart = i + 1;
      }
      at = offset;
      return { line, column: offset - lineStart + 1 };
    },
  };
}

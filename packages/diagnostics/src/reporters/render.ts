// One entry point over the five reporters, so every command renders alike.
import type { ResultDocument } from '../diagnostic.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderPretty } from './pretty.js';
import { renderSarif } from './sarif.js';

const formats = ['pretty', 'json', 'github', 'sarif', 'markdown'] as const;
export type Format = (typeof formats)[number];

export interface RenderOptions {
  color?: boolean;
  toolVersion?: string;
  /** markdown: the most bytes the text may take (a step summary's 1 MiB); findings past it are counted, not shown. */
  maxBytes?: number | undefined;
}

export function isFormat(value: string): value is Format {
  return (formats as readonly string[]).includes(value);
}

export function renderResult(doc: ResultDocument, format: Format, options: RenderOptions = {}): string {
  switch (format) {
    case 'pretty':
      return renderPretty(doc, { color: options.color ?? false });
    case 'json':
      return renderJson(doc);
    case 'github':
      return renderGithub(doc);
    case 'sarif':
      return renderSarif(doc, options.toolVersion === undefined ? {} : { toolVersion: options.toolVersion });
    case 'markdown':
      return renderMarkdown(doc, { maxBytes: options.maxBytes });
  }
}

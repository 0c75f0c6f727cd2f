// markdown-it (https://github.com/markdown-it/markdown-it) set up for parse-fast.ts: CommonMark, and
// an inline tokenizer that is markdown-it's own loop plus one thing it lacks, where each inline
// token starts and ends in its block's inline text. markdown-it gives blocks their lines but inline
// tokens no position; the rules need a link's line and column. Every inline rule is markdown-it's,
// unchanged: after a rule has run, the tokens it pushed get the span it consumed, and the text it
// flushed gets the span the text was read from.
import type { StateInline, Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';

/** Deeper nesting is markdown-limits.ts's to catch (markdown-it's default is 20; micromark has none). */
const maxNesting = 1000;

/** Where the pending text started, by inline state (a label's alt is parsed in a state of its own). */
const pendingStart = new WeakMap<StateInline, number>();

/** A CommonMark parser whose inline tokens carry `map` = [start, end] offsets into their block's inline text. */
export function createPositionedParser(): MarkdownIt {
  // Nesting deeper than markdown-it's default of 20 is parsed as micromark parses it (the line
  // scanner takes pathological nesting before either parser sees it: markdown-limits.ts).
  const md = new MarkdownIt('commonmark');
  Object.assign(md.options, { maxNesting });
  // Adjacent text stays apart: parse-fast.ts joins it into mdast's text nodes, positions and all.
  md.core.ruler.disable('text_join');
  // URLs as written: mdast's are, and encoding them for HTML costs a fifth of the inline parse.
  md.normalizeLink = (url: string): string => url;
  md.normalizeLinkText = (url: string): string => url;
  md.inline.ruler2.disable('fragments_join');
  const rules = md.inline.ruler.getRules('');
  md.inline.tokenize = (state: StateInline): void => tokenize(state, rules);
  return md;
}

type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** markdown-it's ParserInline.tokenize (14.x), with positions recorded after each step. */
function tokenize(state: StateInline, rules: readonly InlineRule[]): void {
  const end = state.posMax;
  while (state.pos < end) {
    const prevPos = state.pos;
    const pendingBefore = state.pending;
    // A link's label is tokenized inside its step, and its text starts pending text of its own.
    const startBefore = pendingBefore === '' ? prevPos : (pendingStart.get(state) ?? prevPos);
    const tokensBefore = state.tokens.length;
    let ok = false;
    if (state.level < maxNesting) {
      for (const rule of rules) {
        ok = rule(state, false);
        if (ok) {
          if (prevPos >= state.pos) throw new Error("inline rule didn't increment state.pos");
          break;
        }
      }
    }
    if (!ok) state.pending += state.src[state.pos++];
    if (state.tokens.length > tokensBefore) place(state, prevPos, pendingBefore, startBefore, tokensBefore);
    else if (pendingBefore === '' && state.pending !== '') pendingStart.set(state, prevPos);
    if (ok && state.pos >= end) break;
  }
  if (state.pending !== '') {
    const start = pendingStart.get(state) ?? state.posMax;
    state.pushPending().map = [start, state.posMax];
  }
}

/**
 * Gives the tokens one step pushed their spans, and notes where new pending text starts. The step
 * started at `prevPos` with `pendingBefore` pending since `startBefore`, after `tokensBefore` tokens.
 */
function place(
  state: StateInline,
  prevPos: number,
  pendingBefore: string,
  startBefore: number,
  tokensBefore: number,
): void {
  const tokens = state.tokens;
  let i = tokensBefore;
  // A push flushes the pending text first: that text ran from where it started to this step, less
  // the spaces the line-ending rule trimmed off it.
  if (pendingBefore !== '' && i < tokens.length) {
    const first = tokens[i] as Token;
    if (first.type === 'text' && first.map === null && pendingBefore.startsWith(first.content)) {
      first.map = [startBefore, prevPos - (pendingBefore.length - first.content.length)];
      i++;
    }
  }
  const fresh = tokens.slice(i).filter((t) => t.map === null);
  // Emphasis pushes one text token per delimiter character: each is its own character.
  const oneEach =
    fresh.length > 1 &&
    fresh.length === state.pos - prevPos &&
    fresh.every((t) => t.type === 'text' && t.content.length === 1);
  for (const [n, token] of fresh.entries()) {
    token.map = oneEach ? [prevPos + n, prevPos + n + 1] : [prevPos, state.pos];
    // An autolink's text is what is between its angle brackets.
    if (token.type === 'text' && fresh[0]?.markup === 'autolink') token.map = [prevPos + 1, state.pos - 1];
    if ((token.type === 'link_open' && token.markup !== 'autolink') || token.type === 'image')
      token.meta = {
        url: destination(state, token.type === 'image' ? prevPos + 1 : prevPos, token.type === 'link_open'),
      };
  }
  if (state.pending !== '' && (pendingBefore === '' || i > tokensBefore)) pendingStart.set(state, prevPos);
}

/**
 * The destination of the link whose label opens at `labelStart`, escapes undone (mdast's `url`), as
 * markdown-it's link rule reads it: its own helpers, before the URL is normalized for HTML.
 */
function destination(state: StateInline, labelStart: number, link: boolean): string {
  // A link's label holds no link; an image's may.
  const labelEnd = state.md.helpers.parseLinkLabel(state, labelStart, link);
  let pos = labelEnd + 2;
  const max = state.posMax;
  while (pos < max && (state.src[pos] === ' ' || state.src[pos] === '\n')) pos++;
  const parsed = state.md.helpers.parseLinkDestination(state.src, pos, max);
  return parsed.ok ? parsed.str : '';
}

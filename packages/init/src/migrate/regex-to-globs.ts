// dependency-cruiser paths are JavaScript regular expressions matched against
// a module's path from the repository root; harness contracts take globs, and a
// glob names a file or a folder (everything under a matching folder matches).
// The common shapes convert exactly (`^src/a/`, `^src/(a|b)/`, `\.spec\.ts$`);
// anything else is refused with the construct named, never guessed.

export type GlobConversion = { ok: true; globs: string[] } | { ok: false; reason: string };

type Token =
  | { kind: 'lit'; text: string }
  | { kind: 'segment' }
  | { kind: 'any' }
  | { kind: 'one' }
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'group'; alts: Token[][]; optional: boolean };

class Unsupported extends Error {}

const maxAlternatives = 32;
const escapable = new Set([...'.-/$^()[]{}|?*+\\_@~']);
const globSpecial = /[*?[\]{}()]/;

/** Globs matching the same files and folders as `regex`, or why there are none. */
export function regexToGlobs(regex: string): GlobConversion {
  if (/\$\d/.test(regex))
    return { ok: false, reason: `\`${regex}\` uses a group matched in \`from\` ($1): harness has no per-match rule` };
  try {
    const parser = { src: regex, i: 0 };
    const alts = parseAlternatives(parser);
    if (parser.i < regex.length) throw new Unsupported(`an unbalanced \`)\``);
    const globs = new Set<string>();
    for (const alt of alts) for (const flat of expand(alt)) globs.add(toGlob(flat));
    return { ok: true, globs: dropCovered([...globs]) };
  } catch (error) {
    if (error instanceof Unsupported)
      return { ok: false, reason: `\`${regex}\` has ${error.message}, which has no glob equivalent` };
    throw error;
  }
}

function parseAlternatives(p: { src: string; i: number }): Token[][] {
  const alts: Token[][] = [[]];
  while (p.i < p.src.length && p.src[p.i] !== ')') {
    const c = p.src[p.i] ?? '';
    const current = alts[alts.length - 1] ?? [];
    if (c === '|') {
      alts.push([]);
      p.i++;
    } else if (c === '?' || c === '*' || c === '+' || c === '{') {
      applyQuantifier(current, c, p);
    } else {
      current.push(parseAtom(p));
    }
  }
  return alts;
}

function parseAtom(p: { src: string; i: number }): Token {
  const c = p.src[p.i] ?? '';
  const next = p.src[p.i + 1];
  p.i++;
  if (c === '\\') {
    p.i++;
    if (next !== undefined && escapable.has(next)) return { kind: 'lit', text: next };
    throw new Unsupported(`\`\\${next ?? ''}\``);
  }
  if (c === '^') return { kind: 'start' };
  if (c === '$') return { kind: 'end' };
  if (c === '.') {
    if (next === '*' || next === '+') {
      p.i++;
      return { kind: 'any' };
    }
    return { kind: 'one' };
  }
  if (c === '[') return parseClass(p);
  if (c === '(') {
    if (p.src.startsWith('?:', p.i)) p.i += 2;
    else if (p.src[p.i] === '?') throw new Unsupported('a lookaround `(?`');
    const alts = parseAlternatives(p);
    if (p.src[p.i] !== ')') throw new Unsupported('an unclosed `(`');
    p.i++;
    return { kind: 'group', alts, optional: false };
  }
  return { kind: 'lit', text: c };
}

/** `[^/]+` and `[^/]*` are one name; `[jt]` is a choice of characters; other classes are refused. */
function parseClass(p: { src: string; i: number }): Token {
  const close = p.src.indexOf(']', p.i);
  if (close === -1) throw new Unsupported('an unclosed `[`');
  const body = p.src.slice(p.i, close);
  p.i = close + 1;
  if (body === '^/') {
    const q = p.src[p.i];
    if (q !== '+' && q !== '*') throw new Unsupported('`[^/]` without `+` or `*`');
    p.i++;
    return { kind: 'segment' };
  }
  if (!/^[\w-]+$/.test(body) || /\w-\w/.test(body)) throw new Unsupported(`the character class \`[${body}]\``);
  return { kind: 'group', alts: [...body].map((ch) => [{ kind: 'lit', text: ch }]), optional: false };
}

function applyQuantifier(tokens: Token[], q: string, p: { src: string; i: number }): void {
  p.i++;
  const last = tokens.pop();
  if (
    q !== '?' ||
    last === undefined ||
    last.kind === 'start' ||
    last.kind === 'end' ||
    last.kind === 'any' ||
    last.kind === 'segment'
  ) {
    throw new Unsupported(`a repetition \`${q}\``);
  }
  tokens.push(last.kind === 'group' ? { ...last, optional: true } : { kind: 'group', alts: [[last]], optional: true });
}

/** Every flat token list the groups stand for; a group of plain names stays one `{a,b}` brace. */
function expand(tokens: readonly Token[]): Token[][] {
  let results: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind !== 'group') {
      results = results.map((r) => [...r, token]);
      continue;
    }
    const brace = braceOf(token);
    if (brace !== undefined) {
      results = results.map((r) => [...r, brace]);
      continue;
    }
    const options = [...token.alts.flatMap((alt) => expand(alt)), ...(token.optional ? [[]] : [])];
    results = results.flatMap((r) => options.map((o) => [...r, ...o]));
    if (results.length > maxAlternatives) throw new Unsupported(`more than ${maxAlternatives} alternatives`);
  }
  return results;
}

function braceOf(group: Extract<Token, { kind: 'group' }>): Token | undefined {
  if (group.optional) return undefined;
  const names = group.alts.map((alt) =>
    alt.every((t) => t.kind === 'lit') ? alt.map((t) => (t as { text: string }).text).join('') : undefined,
  );
  if (names.some((n) => n === undefined || n === '' || /[/,]/.test(n))) return undefined;
  return { kind: 'lit', text: names.length === 1 ? (names[0] ?? '') : `{${names.join(',')}}` };
}

function toGlob(flat: Token[]): string {
  const tokens = [...flat];
  const anchoredStart = tokens[0]?.kind === 'start';
  if (anchoredStart) tokens.shift();
  if (tokens.at(-1)?.kind === 'end') tokens.pop();
  const anchoredEnd = flat.at(-1)?.kind === 'end' && tokens.at(-1)?.kind !== 'any';
  if (tokens.some((t) => t.kind === 'start' || t.kind === 'end')) throw new Unsupported('`^` or `$` in the middle');
  while (tokens[0]?.kind === 'any') tokens.shift();
  while (tokens.at(-1)?.kind === 'any') tokens.pop();
  const start = anchoredStart && flat[1]?.kind !== 'any';
  let body = '';
  tokens.forEach((token, index) => {
    body += globText(token, body, tokens[index + 1], start || body !== '');
  });
  if (body === '') return '**';
  return openEnds(body, start, anchoredEnd);
}

/** An end the regex leaves open matches any folders and names there. */
function openEnds(body: string, start: boolean, anchoredEnd: boolean): string {
  let glob = body;
  if (!start) glob = glob.startsWith('/') ? `**${glob}` : glob.startsWith('*') ? `**/${glob}` : `**/*${glob}`;
  if (!anchoredEnd) glob = glob.endsWith('/') ? `${glob}**` : glob.endsWith('*') ? glob : `${glob}*`;
  return glob;
}

function globText(token: Token, before: string, next: Token | undefined, anchored: boolean): string {
  switch (token.kind) {
    case 'lit':
      if (globSpecial.test(token.text) && !/^\{[^{}]*\}$/.test(token.text))
        throw new Unsupported(`the character \`${token.text}\` in a name`);
      return token.text;
    case 'segment':
      return '*';
    case 'one':
      return '?';
    case 'any': {
      const afterSlash = before.endsWith('/') || (before === '' && anchored);
      const beforeSlash = next?.kind === 'lit' && next.text.startsWith('/');
      if (afterSlash && beforeSlash) return '**';
      if (afterSlash) return '**/*';
      if (beforeSlash) return '*/**';
      throw new Unsupported('`.*` inside a name');
    }
    default:
      throw new Unsupported('an unexpected construct');
  }
}

/** `(^|/)x` gives `x` and `**\/x`; the second covers the first. */
function dropCovered(globs: string[]): string[] {
  const set = new Set(globs);
  return globs.filter((g) => !set.has(`**/${g}`));
}

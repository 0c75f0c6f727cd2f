// The package graph an architecture document draws, read modestly: arrows (`a -> b`, `a → b`, a
// mermaid flowchart with `id[label]` nodes) and bullet lists (`- a: depends on b, c`). Only names of
// workspace packages count (full name, name without scope, or folder); everything else is prose.
import type { WorkspacePackage } from '../repo-facts.js';

export interface DocPackageGraph {
  /** Package name → the package names the document says it depends on. */
  dependsOn: Map<string, Set<string>>;
  /** Arrows were read as "is imported by" (pointing from a dependency to its dependents). */
  reversed: boolean;
}

const arrow = /\s*(<--|<-|<==|-\.->|--+>|==+>|->|→|⟶)(?:\|[^|]*\|)?\s*/;
const arrowGlobal = new RegExp(arrow.source, 'g');
const mermaidNode = /([\w@./-]+)\s*(?:\[\[?|\(\(?|\{)\s*"?([^"\]})]+)"?\s*(?:\]\]?|\)\)?|\})/g;
const dependVerb = /\b(?:depends? on|imports?|uses?|requires?|built on|may (?:import|use|depend on))\b/i;
const nameToken = /`[^`]+`|\*\*[^*]+\*\*|[\w@./-]+/g;
const reverseVerb = /\b(?:used|imported|depended on|consumed|required) by\b/i;
const noneWord = /\b(?:none|nothing|no (?:internal |workspace )?(?:dependencies|packages|imports))\b/i;
const reverseHint = /arrows?[^.\n]*\b(?:imported by|used by|depended on by)\b/i;

/** Undefined when the document names no dependency between two workspace packages. */
export function readPackageGraph(text: string, packages: readonly WorkspacePackage[]): DocPackageGraph | undefined {
  const resolve = aliasResolver(packages);
  const labels = new Map<string, string>();
  for (const match of text.matchAll(mermaidNode)) labels.set(match[1] ?? '', match[2] ?? '');
  const arrows: [string, string][] = [];
  const bullets: [string, string][] = [];
  const speaks = new Set<string>();
  for (const line of text.split('\n')) {
    if (arrow.test(line)) arrows.push(...arrowEdges(line, labels, resolve, speaks));
    else bullets.push(...bulletEdges(line, resolve, speaks));
  }
  if (arrows.length + bullets.length === 0) return undefined;
  const reversed = shouldReverse(arrows, packages, text);
  const dependsOn = new Map<string, Set<string>>([...speaks].map((p) => [p, new Set<string>()]));
  for (const [from, to] of [...arrows.map(([a, b]) => (reversed ? [b, a] : [a, b])), ...bullets])
    dependsOn.set(from ?? '', (dependsOn.get(from ?? '') ?? new Set()).add(to ?? ''));
  return { dependsOn, reversed };
}

function aliasResolver(packages: readonly WorkspacePackage[]): (token: string) => string | undefined {
  const aliases = new Map<string, string>();
  for (const p of packages) {
    const base = p.dir.slice(p.dir.lastIndexOf('/') + 1);
    for (const alias of [p.dir, base, p.name.slice(p.name.lastIndexOf('/') + 1), p.name])
      if (alias !== '' && alias !== '.') aliases.set(alias.toLowerCase(), p.name);
  }
  return (token) =>
    aliases.get(
      token
        .trim()
        .replace(/^[`*"'[(]+|[`*"')\]:,.;]+$/g, '')
        .toLowerCase(),
    );
}

function arrowEdges(
  line: string,
  labels: ReadonlyMap<string, string>,
  resolve: (token: string) => string | undefined,
  speaks: Set<string>,
): [string, string][] {
  const body = line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '');
  const parts = body.split(arrowGlobal);
  const edges: [string, string][] = [];
  const nodes = (part: string) =>
    part
      .split(/\s*(?:&|,|\band\b)\s*/)
      .map((token) => resolveNode(token.trim(), labels, resolve))
      .filter((n): n is string => n !== undefined);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const left = nodes(parts[i - 1] ?? '');
    const right = nodes(parts[i + 1] ?? '');
    const backwards = (parts[i] ?? '').startsWith('<');
    for (const a of left)
      for (const b of right) {
        speaks.add(a).add(b);
        if (a !== b) edges.push(backwards ? [b, a] : [a, b]);
      }
  }
  return edges;
}

const nodeWithLabel = /^([\w@./-]+)\s*(?:\[\[?|\(\(?|\{)\s*"?([^"\]})]*)"?/;

/** A node of an arrow line: `id[label]` (the label, else the id), a mermaid id defined elsewhere, or a name. */
function resolveNode(
  token: string,
  labels: ReadonlyMap<string, string>,
  resolve: (token: string) => string | undefined,
): string | undefined {
  const node = nodeWithLabel.exec(token);
  const id = node?.[1] ?? token;
  for (const name of [node?.[2], labels.get(id), id]) {
    const found = name === undefined ? undefined : resolve(name);
    if (found !== undefined) return found;
  }
  return undefined;
}

function bulletEdges(
  line: string,
  resolve: (token: string) => string | undefined,
  speaks: Set<string>,
): [string, string][] {
  const bullet = /^\s*(?:[-*+]|\d+\.)\s+(.*)$/.exec(line);
  if (bullet === null) return [];
  const text = bullet[1] ?? '';
  const first = /^(`[^`]+`|\*\*[^*]+\*\*|[\w@./-]+)\s*(.*)$/.exec(text);
  const subject = first === null ? undefined : resolve(first[1] ?? '');
  const rest = first?.[2] ?? '';
  // A colon right after the name counts when a list of packages (or "none") follows: `- api: core, config`.
  const verb = reverseVerb.exec(rest) ?? dependVerb.exec(rest) ?? /^\s*:/.exec(rest);
  if (subject === undefined || verb === null) return [];
  const reverse = reverseVerb.test(verb[0]);
  const after = rest.slice(verb.index + verb[0].length);
  if (verb[0].trim() === ':' && !isList(after, resolve)) return [];
  const named = [...after.matchAll(nameToken)]
    .map((m) => resolve(m[0]))
    .filter((n): n is string => n !== undefined && n !== subject);
  if (named.length === 0 && !reverse && noneWord.test(after)) speaks.add(subject);
  if (!reverse && named.length > 0) speaks.add(subject);
  return named.map((n) => (reverse ? [n, subject] : [subject, n]));
}

/** Text that is only package names and separators, or says there are none. */
function isList(text: string, resolve: (token: string) => string | undefined): boolean {
  if (noneWord.test(text)) return true;
  const left = text.replace(nameToken, (token) => (resolve(token) === undefined ? token : ''));
  return /^[\s,;.&()]*(?:and[\s,;.&()]*)*$/i.test(left);
}

/** Arrows point from dependent to dependency unless the manifests (or the document) say otherwise. */
function shouldReverse(
  edges: readonly [string, string][],
  packages: readonly WorkspacePackage[],
  text: string,
): boolean {
  const deps = new Map(packages.map((p) => [p.name, new Set(p.internalDeps)]));
  const agree = edges.filter(([a, b]) => deps.get(a)?.has(b)).length;
  const disagree = edges.filter(([a, b]) => deps.get(b)?.has(a)).length;
  return agree === disagree ? reverseHint.test(text) : disagree > agree;
}

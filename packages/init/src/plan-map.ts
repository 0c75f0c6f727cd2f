// The AGENTS.md map in init's plan: written when there is none, replaced by a short map with
// --split, otherwise kept (a symbolic link to the user's map is never replaced without --force).
import type { PlannedFile } from './init-plan.js';
import type { Desired } from './plan-file-action.js';
import type { SplitPlan } from './plan-split.js';
import { planSplit } from './plan-split.js';
import { planLayout } from './propose-docs-config.js';
import { splitDir } from './split-map.js';
import type { InitInspection } from './prepare-init.js';
import { countLines } from './prepare-init.js';
import type { MapContext } from './render-docs.js';
import {
  architectureLines,
  commandLines,
  knowledgeBaseLines,
  mapTitleName,
  plansDirOf,
  renderSplitMap,
  repositoryLines,
} from './render-docs.js';
import { renderTemplate } from './render-template.js';
import type { RepoEntry } from './repo-entry.js';
import { entryOf, readInside } from './repo-entry.js';

type MapLink = Extract<RepoEntry, { kind: 'link' }>;

/** The options of the plan that decide what happens to an existing map. */
export interface MapFlags {
  force?: boolean | undefined;
  split?: boolean | undefined;
}

export interface MapSplit {
  split: SplitPlan | undefined;
  /** AGENTS.md when it is a symbolic link. */
  mapLink: MapLink | undefined;
}

export interface MapFiles {
  files: PlannedFile[];
  desired: Desired[];
}

/** The --split plan, when asked for and allowed. */
export async function planMapSplit(inspection: InitInspection, flags: MapFlags, maxLines: number): Promise<MapSplit> {
  const { facts } = inspection;
  const mapEntry = await entryOf(facts.root, 'AGENTS.md');
  const mapLink = mapEntry.kind === 'link' ? mapEntry : undefined;
  // A linked map is split only with --force, and only when the link points at a file in the repository.
  const splitLink = mapLink !== undefined && (flags.force !== true || mapLink.resolves !== 'file');
  const split =
    flags.split === true && facts.agentsMd !== undefined && !splitLink
      ? await planSplit(facts.root, maxLines, inspection.mapLines ?? 0, splitFolder(inspection, flags))
      : undefined;
  return { split, mapLink };
}

/** docs/agents, or agents/ in the knowledge base's folder when that is not docs/ (beside a docs site). */
function splitFolder(inspection: InitInspection, flags: MapFlags): string {
  const root = planLayout(inspection, flags.force === true).root;
  return root === 'docs' ? splitDir : `${root}/agents`;
}

/** The section files of a split, then the map: a new one to write, or what happens to the existing one. */
export async function planMap(
  context: MapContext,
  inspection: InitInspection,
  flags: MapFlags,
  maxLines: number,
  mapSplit: MapSplit,
): Promise<MapFiles> {
  const files = [...(mapSplit.split?.planned ?? [])];
  if (inspection.facts.agentsMd === undefined) {
    const content = await renderMap(context);
    return {
      files,
      desired: [{ path: 'AGENTS.md', content, purpose: `the map: links to ${context.layout.root}/ and the commands` }],
    };
  }
  const existing = await planExistingMap(context, inspection.mapLines ?? 0, flags, maxLines, mapSplit);
  return { files: existing === undefined ? files : [...files, existing], desired: [] };
}

async function renderMap(context: MapContext): Promise<string> {
  return renderTemplate('AGENTS.md', {
    name: mapTitleName(context.facts.name),
    repository: repositoryLines(context),
    commands: commandLines(context),
    architecture: architectureLines(context),
    knowledgeBase: knowledgeBaseLines(context),
    docsRoot: context.layout.root,
    plansDir: plansDirOf(context.layout, context.facts.files),
  });
}

/** Undefined when a split stopped: its own plan already says why AGENTS.md is kept. */
async function planExistingMap(
  context: MapContext,
  lines: number,
  flags: MapFlags,
  maxLines: number,
  { split, mapLink }: MapSplit,
): Promise<PlannedFile | undefined> {
  if (split?.sections !== undefined) {
    const content = renderSplitMap(split.title, split.sections, context);
    return {
      path: 'AGENTS.md',
      action: 'update',
      reason: `--split: a ${countLines(content)}-line map linking ${split.sections.length} section files${mapLink === undefined ? '' : `; --force: replaces the symbolic link to ${mapLink.to}, which is not touched`}`,
      content,
      ...(mapLink === undefined ? {} : { replacesLink: true }),
    };
  }
  if (split !== undefined) return undefined;
  if (mapLink !== undefined) return { path: 'AGENTS.md', action: 'keep', reason: linkedMapReason(mapLink, flags) };
  const same = (await readInside(context.facts.root, 'AGENTS.md')) === (await renderMap(context));
  return same
    ? { path: 'AGENTS.md', action: 'unchanged', reason: 'already as init writes it' }
    : { path: 'AGENTS.md', action: 'keep', reason: keepMapReason(lines, maxLines) };
}

function linkedMapReason(link: MapLink, flags: MapFlags): string {
  const what = `a symbolic link to ${link.to}`;
  if (flags.split !== true) return `${what}; it stays the map (init never replaces a link to your map)`;
  if (flags.force !== true)
    return `${what}; --split replaces the link with the short map only with --force (what it points to is never written)`;
  return `${what} ${link.inside ? 'that points nowhere' : 'outside the repository'}; --split reads only files inside the repository`;
}

function keepMapReason(lines: number, maxLines: number): string {
  return lines > maxLines
    ? `exists, ${lines} lines (over the limit of ${maxLines}); --split moves its sections into docs/agents/`
    : `exists (${lines} lines); it stays the map`;
}

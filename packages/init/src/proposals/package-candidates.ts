// Package tiers of a monorepo as a `layers` contract with an `allow` DAG: each workspace package is
// a layer that may import the workspace packages it depends on. An architecture document's package
// graph wins over the manifests for every package it speaks of; the manifests alone are the fallback.
import type { WorkspacePackage } from '../repo-facts.js';
import type { Candidate, GraphView } from './candidate.js';
import { isScaffolding } from './folder-tree.js';
import type { EdgeCounts } from './learn-order.js';
import { orderByImports } from './learn-order.js';
import type { DocPackageGraph } from './read-package-graph.js';
import { readPackageGraph } from './read-package-graph.js';

type Allow = Map<string, Set<string>>;

/** At most this many differences between the document and the manifests are named. */
const shown = 6;

export function packageCandidates(
  graph: GraphView,
  workspaces: readonly WorkspacePackage[],
  doc: { path: string; text: string } | undefined,
): Candidate[] {
  const packages = workspaces.filter(
    (p) =>
      p.dir !== '' &&
      p.dir !== '.' &&
      !isScaffolding(`${p.dir}/`) &&
      graph.files.some((f) => f.startsWith(`${p.dir}/`)),
  );
  if (packages.length < 2) return [];
  const names = new Set(packages.map((p) => p.name));
  const manifests: Allow = new Map(packages.map((p) => [p.name, new Set(p.internalDeps.filter((d) => names.has(d)))]));
  const documented = doc === undefined ? undefined : readPackageGraph(doc.text, packages);
  const candidates: Candidate[] = [];
  if (doc !== undefined && documented !== undefined) {
    const merged: Allow = new Map(
      [...manifests].map(([p, deps]) => [
        p,
        new Set([...(documented.dependsOn.get(p) ?? deps)].filter((d) => names.has(d))),
      ]),
    );
    candidates.push(
      candidate(packages, merged, [
        `${doc.path} describes the package graph (${describeDoc(documented)}); where it speaks of a package, it wins over package.json.`,
        ...differences(manifests, documented),
      ]),
    );
  }
  if ([...manifests.values()].some((deps) => deps.size > 0))
    candidates.push(
      candidate(packages, manifests, [
        `${packages.length} workspace packages; each may import the workspace packages its package.json depends on (as declared, not transitively).`,
      ]),
    );
  return candidates;
}

function candidate(packages: readonly WorkspacePackage[], allow: Allow, explanation: string[]): Candidate {
  const counts: EdgeCounts = new Map([...allow].map(([p, deps]) => [p, new Map([...deps].map((d) => [d, 1]))]));
  const { order } = orderByImports(
    packages.map((p) => p.name),
    counts,
  );
  const dirOf = new Map(packages.map((p) => [p.name, p.dir]));
  const depth = (name: string) => (dirOf.get(name) ?? '').split('/').length;
  // A file takes the first layer whose glob matches: a package nested in another's folder comes first.
  const nested = packages.some((p) => packages.some((q) => q !== p && p.dir.startsWith(`${q.dir}/`)));
  const written = nested ? [...order].sort((a, b) => depth(b) - depth(a)) : order;
  const rank = new Map(order.map((n, i) => [n, i]));
  return {
    kind: 'package-tiers',
    axis: 'packages',
    contract: {
      name: 'packages',
      type: 'layers',
      layers: Object.fromEntries(written.map((n) => [n, [`${dirOf.get(n)}/**`]])),
      allow: Object.fromEntries(
        order
          .filter((n) => (allow.get(n)?.size ?? 0) > 0)
          .map((n) => [n, [...(allow.get(n) ?? [])].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))]),
      ),
    },
    explanation,
  };
}

function describeDoc(doc: DocPackageGraph): string {
  const count = [...doc.dependsOn.values()].reduce((sum, deps) => sum + deps.size, 0);
  return `${doc.dependsOn.size} packages, ${count} dependencies${doc.reversed ? ', arrows read as "is imported by"' : ''}`;
}

function differences(manifests: Allow, doc: DocPackageGraph): string[] {
  const onlyManifest: string[] = [];
  const onlyDoc: string[] = [];
  for (const [pkg, deps] of doc.dependsOn) {
    const declared = manifests.get(pkg) ?? new Set<string>();
    for (const d of declared) if (!deps.has(d)) onlyManifest.push(`${pkg} → ${d}`);
    for (const d of deps) if (!declared.has(d)) onlyDoc.push(`${pkg} → ${d}`);
  }
  const list = (items: string[]) =>
    items.slice(0, shown).join(', ') + (items.length > shown ? `, and ${items.length - shown} more` : '');
  return [
    ...(onlyManifest.length > 0
      ? [`package.json declares, the document does not allow (the document wins): ${list(onlyManifest)}.`]
      : []),
    ...(onlyDoc.length > 0 ? [`The document allows, package.json does not declare: ${list(onlyDoc)}.`] : []),
    ...(onlyManifest.length + onlyDoc.length === 0 ? ['The document and the package.json files agree.'] : []),
  ];
}

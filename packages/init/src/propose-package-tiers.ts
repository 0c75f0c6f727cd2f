// Path mode for a monorepo: workspace packages grouped into tiers by how deep
// their internal dependencies go, so a package may import only packages of
// its own tier or the tiers before it (docs/layers.md, "Path mode").
import type { WorkspacePackage } from './repo-facts.js';

export interface PackageTiers {
  section: { order: string[]; paths: Record<string, string[]> };
  explanation: string[];
}

export function proposePackageTiers(packages: readonly WorkspacePackage[]): PackageTiers | undefined {
  if (packages.length < 2 || !packages.some((p) => p.internalDeps.length > 0)) return undefined;
  const byName = new Map(packages.map((p) => [p.name, p]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (name: string): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return 0; // a cycle: its members share a tier
    visiting.add(name);
    const deps = byName.get(name)?.internalDeps ?? [];
    const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(depthOf));
    visiting.delete(name);
    depth.set(name, value);
    return value;
  };
  const max = Math.max(...packages.map((p) => depthOf(p.name)));
  const order = Array.from({ length: max + 1 }, (_, i) => `tier${i}`);
  const paths = Object.fromEntries(
    order.map((tier, i) => [tier, packages.filter((p) => depthOf(p.name) === i).map((p) => `${p.dir}/**`)]),
  );
  return {
    section: { order, paths },
    explanation: [
      `Path mode, package tiers: ${packages.length} workspace packages, none with domain or layer folders.`,
      'A package is in tier N when its longest chain of workspace dependencies is N long; a tier may import only itself and the tiers before it.',
      ...order.map(
        (tier, i) =>
          `${tier}: ${packages
            .filter((p) => depthOf(p.name) === i)
            .map((p) => p.name)
            .join(', ')}`,
      ),
      'Rename the tiers in harness.config.yaml (e.g. foundation, features, apps); docs/architecture.md shows them.',
    ],
  };
}

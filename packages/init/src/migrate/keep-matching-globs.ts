// The layers check refuses a contract glob that matches no source file (docs/layers.md,
// "Config errors (exit 2)": a layer or contract glob that matches no file), so a
// carried-over glob that matches nothing today is left out and said so; a
// contract left with nothing to judge is reported as not carried over.
import picomatch from 'picomatch';
import type { ContractProposal, Migration } from './migration.js';

export function keepMatchingGlobs(migration: Migration, sourceFiles: readonly string[]): Migration {
  const dirs = folderList(sourceFiles);
  const matchesSomething = (glob: string): boolean => {
    const matches = picomatch(glob.replace(/\/+$/, ''));
    return sourceFiles.some((f) => matches(f)) || dirs.some((d) => matches(d));
  };
  const out: Migration = {
    ...migration,
    contracts: [],
    unmapped: [...migration.unmapped],
    notes: [...migration.notes],
  };
  for (const contract of migration.contracts) {
    const dropped: string[] = [];
    const kept = pruneContract(contract, matchesSomething, (glob, key) =>
      dropped.push(`${contract.name}: ${key} \`${glob}\` matches no source file today; left out`),
    );
    if (typeof kept === 'string') {
      out.unmapped.push({ rule: contract.name, reason: kept });
    } else {
      out.contracts.push(kept);
      out.notes.push(...dropped);
    }
  }
  return out;
}

function pruneContract(
  contract: ContractProposal,
  keep: (glob: string) => boolean,
  dropped: (glob: string, key: string) => void,
): ContractProposal | string {
  const filter = (globs: readonly string[], key: string): string[] =>
    globs.filter((g) => {
      if (keep(g)) return true;
      dropped(g, key);
      return false;
    });
  if (contract.type === 'layers' && contract.layers !== undefined) {
    const layers: Record<string, string[]> = {};
    for (const [name, globs] of Object.entries(contract.layers)) {
      const kept = filter(globs, `layer ${name}`);
      if (kept.length > 0) layers[name] = kept;
    }
    const names = new Set(Object.keys(layers));
    if (names.size < 2) return 'fewer than two of its layers match a source file in this repository';
    const allow = Object.fromEntries(
      Object.entries(contract.allow ?? {})
        .filter(([from]) => names.has(from))
        .map(([from, to]) => [from, to.filter((t) => names.has(t))]),
    );
    return { ...contract, layers, ...(contract.allow === undefined ? {} : { allow }) };
  }
  if (contract.type === 'forbidden') {
    const from = filter(contract.from ?? [], 'from');
    const to = filter(contract.to ?? [], 'to');
    if (from.length === 0 || to.length === 0)
      return `its ${from.length === 0 ? '`from`' : '`to`'} matches no source file in this repository`;
    return { ...contract, from, to };
  }
  return contract;
}

/** Every folder that holds a source file, for globs that name a folder. */
function folderList(files: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const file of files)
    for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) dirs.add(file.slice(0, i));
  return [...dirs];
}

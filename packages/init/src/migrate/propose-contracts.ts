// When the repository already states its architecture in another tool's
// config, init proposes those rules as `layers.contracts` instead of a guessed
// domain or path model (a guess on top would report imports the repository
// never forbade), and says rule by rule what it could not carry over.
import type { LayersProposal } from '../propose-layers.js';
import type { ContractProposal, Migration } from './migration.js';
import { contractName } from './migration.js';
import type { ReadMigrations } from './read-migrations.js';

export function proposeContracts(guess: LayersProposal, read: ReadMigrations): LayersProposal {
  const taken = new Set<string>();
  const migrations: Migration[] = read.migrations.map((m) => ({
    ...m,
    contracts: m.contracts.map((c): ContractProposal => ({ ...c, name: contractName(c.name, taken) })),
  }));
  const contracts = migrations.flatMap((m) => m.contracts);
  const lines = [...migrations.flatMap(describeMigration), ...read.notes];
  if (contracts.length === 0) {
    return lines.length === 0 ? guess : { ...guess, explanation: [...guess.explanation, ...lines], migrations };
  }
  const left =
    guess.mode === 'none'
      ? []
      : [
          `The ${guess.mode === 'domains' ? 'domain' : 'path'} layering init would guess is left out: these rules are the repository's own.`,
        ];
  return {
    mode: 'contracts',
    section: undefined,
    domains: [],
    contracts,
    migrations,
    explanation: [...lines, ...left],
  };
}

export function describeMigration(m: Migration): string[] {
  const total = m.contracts.length + m.unmapped.length;
  const names = m.contracts.map((c) => c.name).join(', ');
  const lines = [
    total === 0
      ? `From ${m.file} (${m.source}): no rule to carry over.`
      : `From ${m.file} (${m.source}): ${m.contracts.length} of ${total} ${total === 1 ? 'rule' : 'rules'} carried over as layers.contracts${names === '' ? '' : ` (${names})`}.`,
  ];
  if (m.unmapped.length > 0) lines.push('Not carried over:', ...m.unmapped.map((u) => `  - ${u.rule}: ${u.reason}`));
  if (m.notes.length > 0) lines.push('Worth knowing:', ...m.notes.map((n) => `  - ${n}`));
  return lines;
}

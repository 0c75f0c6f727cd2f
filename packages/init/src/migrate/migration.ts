// What a migration from another architecture tool yields: `layers.contracts`
// entries in the shape docs/layers.md describes ("Contracts"),
// and, rule by rule, what could not be carried over and why.

export const migrationSources = ['dependency-cruiser', 'eslint-plugin-boundaries', 'eslint-plugin-import'] as const;
export type MigrationSource = (typeof migrationSources)[number];

/** An edge a contract does not judge. */
export interface ContractExcept {
  from?: string[];
  to?: string[];
}

/** One `layers.contracts` entry as init writes it (keys in the order docs/layers.md writes them). */
export interface ContractProposal {
  name: string;
  type: 'layers' | 'forbidden' | 'independent';
  layers?: Record<string, string[]>;
  /** `type: layers` by folder name: a file's layer is the last folder of its path named here. */
  segments?: string[];
  allow?: Record<string, string[]>;
  from?: string[];
  to?: string[];
  modules?: string[];
  except?: ContractExcept[];
}

export interface UnmappedRule {
  /** The rule's name, or where it sits (`forbidden[3]`, `zones[2]`). */
  rule: string;
  reason: string;
}

export interface Migration {
  source: MigrationSource;
  /** The config file read, relative to the repository root. */
  file: string;
  contracts: ContractProposal[];
  unmapped: UnmappedRule[];
  /** Mapped, with a difference worth knowing (severity, scope). */
  notes: string[];
}

/** A contract name the schema accepts (letters, digits, ".", "_", "-"), unique among `taken`. */
export function contractName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'contract';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

/** A string or a list of strings as a list; anything else as undefined. */
export function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

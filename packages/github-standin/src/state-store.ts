// What the stand-in remembers between requests: repositories, their rulesets
// and their owners' (organization) rulesets, and the tokens it accepts. Routes
// read and change it; tests arrange and inspect it. New kinds of state (issues,
// pull requests, checks) get their own maps on the repository.

export type JsonObject = { [key: string]: unknown };

export interface StoredRuleset {
  id: number;
  sourceType: 'Repository' | 'Organization' | 'Enterprise';
  /** `owner/repo` for repository rulesets, the organization's login otherwise. */
  source: string;
  /** The fields GitHub stores: name, target, enforcement, conditions, rules, bypass_actors, and any others sent. */
  body: JsonObject;
  createdAt: string;
  updatedAt: string;
}

export interface StandinRepository {
  owner: string;
  repo: string;
  private: boolean;
  /** false: a private repository on GitHub Free, where the rulesets API answers with the plan gate. */
  planIncludesRulesets: boolean;
  rulesets: Map<number, StoredRuleset>;
}

export interface TokenGrant {
  /** Whether the token may change repository settings (fine-grained "Administration: write"). */
  administration: boolean;
  /** The user the token belongs to (`GET /user`); none for an installation token, as GitHub Actions' GITHUB_TOKEN. */
  login?: string;
}

export interface RepositoryOptions {
  private?: boolean;
  planIncludesRulesets?: boolean;
}

export class StateStore {
  readonly repositories = new Map<string, StandinRepository>();
  /** Rulesets of organizations, by login: they apply to all of its repositories. */
  readonly organizationRulesets = new Map<string, StoredRuleset[]>();
  readonly tokens = new Map<string, TokenGrant>();
  private lastId = 1000;
  /** The clock, so tests get stable timestamps. */
  now: () => Date = () => new Date();

  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  addToken(token: string, grant: TokenGrant = { administration: true }): void {
    this.tokens.set(token, grant);
  }

  addRepository(fullName: string, options: RepositoryOptions = {}): StandinRepository {
    const [owner = '', repo = ''] = fullName.split('/');
    const repository: StandinRepository = {
      owner,
      repo,
      private: options.private ?? false,
      planIncludesRulesets: options.planIncludesRulesets ?? true,
      rulesets: new Map(),
    };
    this.repositories.set(fullName.toLowerCase(), repository);
    return repository;
  }

  repository(owner: string, repo: string): StandinRepository | undefined {
    return this.repositories.get(`${owner}/${repo}`.toLowerCase());
  }

  /** Stores a ruleset as GitHub would after a create; returns its id. */
  addRuleset(fullName: string, body: JsonObject): StoredRuleset {
    const repository = this.repositories.get(fullName.toLowerCase());
    if (repository === undefined) throw new Error(`the stand-in has no repository ${fullName}`);
    const stamp = this.now().toISOString();
    const ruleset: StoredRuleset = {
      id: this.nextId(),
      sourceType: 'Repository',
      source: fullName,
      body,
      createdAt: stamp,
      updatedAt: stamp,
    };
    repository.rulesets.set(ruleset.id, ruleset);
    return ruleset;
  }

  addOrganizationRuleset(organization: string, body: JsonObject): StoredRuleset {
    const stamp = this.now().toISOString();
    const ruleset: StoredRuleset = {
      id: this.nextId(),
      sourceType: 'Organization',
      source: organization,
      body,
      createdAt: stamp,
      updatedAt: stamp,
    };
    this.organizationRulesets.set(organization.toLowerCase(), [
      ...(this.organizationRulesets.get(organization.toLowerCase()) ?? []),
      ruleset,
    ]);
    return ruleset;
  }

  /** The repository's own rulesets, then its organization's. */
  rulesetsFor(repository: StandinRepository, includeParents: boolean): StoredRuleset[] {
    const own = [...repository.rulesets.values()];
    return includeParents ? [...own, ...(this.organizationRulesets.get(repository.owner.toLowerCase()) ?? [])] : own;
  }
}

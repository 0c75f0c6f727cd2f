// Classic branch protection (https://docs.github.com/en/rest/branches/branch-protection#get-branch-protection):
// the required status checks of a protected branch, and GitHub's 404 "Branch not protected" for a
// branch without protection. Tests protect a branch with protectBranch.
import type { Route } from '../route-table.js';
import type { StandinRepository } from '../state-store.js';

export interface BranchProtection {
  /** Required status check contexts. */
  contexts: string[];
  /** Require branches to be up to date before merging. */
  strict?: boolean;
}

const protections = new WeakMap<StandinRepository, Map<string, BranchProtection>>();

function protectionsOf(repository: StandinRepository): Map<string, BranchProtection> {
  let map = protections.get(repository);
  if (map === undefined) {
    map = new Map();
    protections.set(repository, map);
  }
  return map;
}

/** Protects `branch` with these required status checks (replacing any protection it had). */
export function protectBranch(repository: StandinRepository, branch: string, protection: BranchProtection): void {
  protectionsOf(repository).set(branch, protection);
}

function renderProtection(url: string, branch: string, protection: BranchProtection): Record<string, unknown> {
  const checks = `${url}/required_status_checks`;
  return {
    url,
    enabled: true,
    name: branch,
    protection_url: url,
    required_status_checks: {
      url: checks,
      enforcement_level: 'non_admins',
      contexts: protection.contexts,
      checks: protection.contexts.map((context) => ({ context, app_id: null })),
      contexts_url: `${checks}/contexts`,
      strict: protection.strict ?? false,
    },
    required_linear_history: { enabled: false },
    allow_force_pushes: { enabled: false },
    allow_deletions: { enabled: false },
  };
}

export const branchProtectionRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/branches/{branch}/protection',
    handle(request, store) {
      const repository = store.repository(request.params.owner ?? '', request.params.repo ?? '');
      const branch = request.params.branch ?? '';
      const protection = repository === undefined ? undefined : protectionsOf(repository).get(branch);
      if (repository === undefined || protection === undefined)
        return {
          status: 404,
          body: {
            message: repository === undefined ? 'Not Found' : 'Branch not protected',
            documentation_url: 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection',
            status: '404',
          },
        };
      const url = `${request.baseUrl}/repos/${repository.owner}/${repository.repo}/branches/${branch}/protection`;
      return { status: 200, body: renderProtection(url, branch, protection) };
    },
  },
];

// What the factory reads of a pull request, shared by the gateway and its reads (pull-reads.ts).

export interface PullSummary {
  number: number;
  state: string;
  merged: boolean;
  headSha: string;
  mergeable: boolean | null;
  mergeableState: string;
  title: string;
  body: string;
  /** The PR's page (html_url), when GitHub gives it. */
  url?: string;
}

export interface PullComment {
  id: number;
  body: string;
  user: string;
}

export interface PullBundle {
  pull: PullSummary;
  comments: PullComment[];
  reviews: { id: number; user: string; state: string; body: string; commitId: string }[];
  /** `logTail`: the last lines of a failed Actions job's log. */
  checkRuns: {
    id: number;
    name: string;
    status: string;
    conclusion: string | null;
    summary: string | null;
    required?: boolean;
    logTail?: string;
  }[];
  statuses: { context: string; state: string; description: string | null; required?: boolean }[];
}

/**
 * A review thread (GraphQL: REST has no thread state): its file, its line (null when outdated),
 * and its comments in order, the first one opening it. Fakes in tests may leave out line and comments.
 */
export interface ReviewThread {
  resolved: boolean;
  outdated: boolean;
  path: string;
  line?: number | null;
  comments?: { user: string; body: string }[];
}

/** What one turn hands the agent: the PR bundle, which checks are required (and which have not reported), and how far the branch is from its base. */
export interface TurnState extends PullBundle {
  /** Review threads, resolved and outdated or not, with their line comments. */
  reviewThreads: ReviewThread[];
  requiredChecks: { names: string[]; notReported: string[]; mergeQueue: boolean };
  branch: { base: string; ahead: number; behind: number };
}

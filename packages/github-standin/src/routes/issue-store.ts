// The stand-in's issues, their comments, labels, blocked-by dependencies and
// sub-issues, kept per repository beside the StateStore (a WeakMap, so the
// store itself stays as it is). Issues and pull requests share one number
// sequence, as on GitHub.
import type { StandinRepository } from '../state-store.js';

export interface StoredComment {
  id: number;
  body: string;
  user: string;
  createdAt: string;
}

export interface StoredIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: string[];
  user: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Numbers of the issues that block this one (GitHub's issue dependencies). */
  blockedBy: number[];
  /** Numbers of this issue's sub-issues. */
  subIssues: number[];
  /** Set when the number belongs to a pull request. */
  isPullRequest: boolean;
  comments: StoredComment[];
}

export interface IssueState {
  issues: Map<number, StoredIssue>;
  lastNumber: number;
  lastId: number;
  now: () => Date;
}

const states = new WeakMap<StandinRepository, IssueState>();

export function issuesOf(repository: StandinRepository): IssueState {
  let state = states.get(repository);
  if (state === undefined) {
    state = { issues: new Map(), lastNumber: 0, lastId: 5000, now: () => new Date() };
    states.set(repository, state);
  }
  return state;
}

export interface NewIssue {
  title: string;
  body?: string | null;
  labels?: string[];
  state?: 'open' | 'closed';
  createdAt?: string;
  blockedBy?: number[];
  subIssues?: number[];
  user?: string;
  isPullRequest?: boolean;
}

export function nextId(state: IssueState): number {
  state.lastId += 1;
  return state.lastId;
}

/** Arranges an issue (or reserves a pull request's number); returns it. */
export function addIssue(repository: StandinRepository, issue: NewIssue): StoredIssue {
  const state = issuesOf(repository);
  state.lastNumber += 1;
  const stamp = issue.createdAt ?? state.now().toISOString();
  const stored: StoredIssue = {
    id: nextId(state),
    number: state.lastNumber,
    title: issue.title,
    body: issue.body ?? null,
    state: issue.state ?? 'open',
    labels: issue.labels ?? [],
    user: issue.user ?? 'octocat',
    createdAt: stamp,
    updatedAt: stamp,
    closedAt: issue.state === 'closed' ? stamp : null,
    blockedBy: issue.blockedBy ?? [],
    subIssues: issue.subIssues ?? [],
    isPullRequest: issue.isPullRequest ?? false,
    comments: [],
  };
  state.issues.set(stored.number, stored);
  return stored;
}

// Leases on issues through GitHub itself (docs/factory.md "Dispatch mode"), so loops on several
// machines never work the same issue. A lease on #N is the ref `refs/harness/lease/issue-N`,
// pointing at a commit (made with the Git database API) whose message names the holder and the
// expiry. Taking a free issue creates the ref: GitHub creates a ref atomically and answers 422 when
// it exists, so of two loops only one gets it. Renewing or taking over an expired lease writes a
// commit whose parent is the lease commit read, and moves the ref without `force`: GitHub accepts
// only a fast-forward, so of two loops racing for one expired lease only the first move wins.
import type { GithubClient } from 'agent-harness-github';
import { createRef, deleteRef, fastForwardRef, isRefused, makeCommit, readCommitMessage, readRef } from './git-refs.js';

export interface Lease {
  issue: number;
  holder: string;
  expiresAt: string;
  /** The lease commit the ref pointed at when this was read or written. */
  sha: string;
}

/** `held`: ours now (`tookOverFrom` when it was someone else's expired lease); else who holds it. */
type LeaseClaim =
  | { held: true; lease: Lease; tookOverFrom?: string }
  | { held: false; holder: string; expiresAt: string };

export interface LeaseStore {
  read(issue: number): Promise<Lease | undefined>;
  /** Takes the issue for `holder` until `expiresAt`: free, expired (by `now`) or already ours. */
  claim(issue: number, holder: string, expiresAt: Date, now: Date): Promise<LeaseClaim>;
  /** Extends a lease we hold; undefined when it is no longer ours. */
  renew(lease: Lease, expiresAt: Date): Promise<Lease | undefined>;
  /** Deletes the ref when it still names `lease.holder`; false when it was not ours any more. */
  release(lease: Lease): Promise<boolean>;
}

export const leaseRef = (issue: number) => `refs/harness/lease/issue-${issue}`;

function leaseMessage(issue: number, holder: string, expiresAt: string): string {
  return `harness lease on #${issue}\n\nholder: ${holder}\nexpires: ${expiresAt}\n`;
}

/** The holder and expiry a lease commit's message names; undefined for a message that is not a lease's. */
function parseLeaseMessage(message: string): { holder: string; expiresAt: string } | undefined {
  const holder = /^holder: (\S+)$/m.exec(message)?.[1];
  const expiresAt = /^expires: (\S+)$/m.exec(message)?.[1];
  if (holder === undefined || expiresAt === undefined || Number.isNaN(Date.parse(expiresAt))) return undefined;
  return { holder, expiresAt };
}

/** Tries per claim or renewal before giving up for this pass (each lost try means someone else moved the ref). */
const maxTries = 3;

async function readLease(client: GithubClient, issue: number): Promise<Lease | undefined> {
  const sha = await readRef(client, leaseRef(issue));
  if (sha === undefined) return undefined;
  const named = parseLeaseMessage((await readCommitMessage(client, sha)) ?? '');
  // A ref that names no holder (written by hand) counts as expired: it is taken over, never trusted.
  return { issue, sha, holder: named?.holder ?? '', expiresAt: named?.expiresAt ?? new Date(0).toISOString() };
}

function writeLease(client: GithubClient, issue: number, holder: string, expiresAt: Date, parents: string[]) {
  return makeCommit(
    client,
    { path: 'lease.json', content: `${JSON.stringify({ issue, holder, expiresAt: expiresAt.toISOString() })}\n` },
    leaseMessage(issue, holder, expiresAt.toISOString()),
    parents,
  );
}

async function claimLease(
  client: GithubClient,
  issue: number,
  holder: string,
  times: { expiresAt: Date; now: Date },
): Promise<LeaseClaim> {
  for (let tries = 0; tries < maxTries; tries += 1) {
    const current = await readLease(client, issue);
    if (current !== undefined && current.holder !== holder && Date.parse(current.expiresAt) > times.now.getTime())
      return { held: false, holder: current.holder, expiresAt: current.expiresAt };
    const sha = await writeLease(client, issue, holder, times.expiresAt, current === undefined ? [] : [current.sha]);
    const moved =
      current === undefined
        ? await createRef(client, leaseRef(issue), sha)
        : await fastForwardRef(client, leaseRef(issue), sha);
    if (!isRefused(moved)) {
      const lease = { issue, holder, expiresAt: times.expiresAt.toISOString(), sha };
      return current === undefined || current.holder === holder
        ? { held: true, lease }
        : { held: true, lease, tookOverFrom: current.holder };
    }
    // 422: someone created or moved the ref first; read it again and decide again.
  }
  const last = await readLease(client, issue);
  return { held: false, holder: last?.holder ?? 'unknown', expiresAt: last?.expiresAt ?? times.now.toISOString() };
}

export function githubLeaseStore(client: GithubClient): LeaseStore {
  return {
    read: (issue) => readLease(client, issue),
    claim: (issue, holder, expiresAt, now) => claimLease(client, issue, holder, { expiresAt, now }),
    async renew(lease, expiresAt) {
      for (let tries = 0; tries < maxTries; tries += 1) {
        const current = await readLease(client, lease.issue);
        if (current === undefined || current.holder !== lease.holder) return undefined;
        const sha = await writeLease(client, lease.issue, lease.holder, expiresAt, [current.sha]);
        if (!isRefused(await fastForwardRef(client, leaseRef(lease.issue), sha)))
          return { ...lease, expiresAt: expiresAt.toISOString(), sha };
      }
      return undefined;
    },
    async release(lease) {
      const current = await readLease(client, lease.issue);
      if (current === undefined || current.holder !== lease.holder) return false;
      // GitHub's delete has no compare-and-swap: the holder is checked just before (a lease is only
      // taken over once expired, and a holder releases only a lease it keeps renewing).
      return !isRefused(await deleteRef(client, leaseRef(lease.issue)));
    },
  };
}

// The loop's side of the leases (docs/factory.md "Dispatch mode"): which issues this loop holds,
// renewed when half their time has gone (every pass, and on every look at a dispatched run, so a
// long turn of one issue does not let the others' leases lapse), released when the issue's work
// ends. The `harness:leased` label mirrors a lease for people; GitHub's ref is the only truth.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeFileInsideSync } from 'agent-harness-system';
import { stateDir } from './factory-state.js';
import type { Lease, LeaseStore } from './lease.js';

export const leasedLabel = 'harness:leased';

export interface LeaseLabels {
  add(issue: number): Promise<void>;
  remove(issue: number): Promise<void>;
}

export interface LeaseKeeper {
  /** This loop's name in every lease it holds (host, pid and a random part, kept in the state folder). */
  readonly holder: string;
  /** Holds the lease on the issue: taken when free or expired, renewed when half gone; false when another loop holds it. */
  hold(issue: number): Promise<boolean>;
  /** Renews every lease held whose time is half gone; the issues whose lease was lost. */
  renewDue(): Promise<number[]>;
  release(issue: number): Promise<void>;
  /** The issues held now. */
  held(): number[];
}

export interface LeaseKeeperOptions {
  store: LeaseStore;
  holder: string;
  ttlMs: number;
  now: () => Date;
  labels?: LeaseLabels | undefined;
  /** Told when a lease is taken, taken over, lost or released. */
  onEvent?: (issue: number, event: string, detail: Record<string, unknown>) => void;
}

/** The loop's holder name, made once per state folder, so a restarted loop keeps the leases it held. */
export function leaseHolder(root: string): string {
  const file = join(stateDir(root), 'lease-holder');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (/^[\w.-]+$/.test(kept)) return kept;
  } catch {
    // None yet.
  }
  const made = `${hostname().replace(/[^\w.-]/g, '-')}-${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileInsideSync(root, file, `${made}\n`);
  return made;
}

export function createLeaseKeeper(options: LeaseKeeperOptions): LeaseKeeper {
  const leases = new Map<number, Lease>();
  const event = (issue: number, name: string, detail: Record<string, unknown> = {}) =>
    options.onEvent?.(issue, name, detail);
  const until = () => new Date(options.now().getTime() + options.ttlMs);
  const halfGone = (lease: Lease) => Date.parse(lease.expiresAt) - options.now().getTime() < options.ttlMs / 2;
  const bestEffort = (label: Promise<void> | undefined) => label?.catch(() => undefined);

  const renew = async (issue: number, lease: Lease): Promise<boolean> => {
    const renewed = await options.store.renew(lease, until());
    if (renewed !== undefined) {
      leases.set(issue, renewed);
      return true;
    }
    leases.delete(issue);
    event(issue, 'lease-lost', { holder: options.holder });
    return false;
  };

  return {
    holder: options.holder,
    held: () => [...leases.keys()],
    async hold(issue) {
      const have = leases.get(issue);
      if (have !== undefined) return halfGone(have) ? renew(issue, have) : true;
      const claim = await options.store.claim(issue, options.holder, until(), options.now());
      if (!claim.held) return false;
      leases.set(issue, claim.lease);
      event(issue, claim.tookOverFrom === undefined ? 'leased' : 'lease-taken-over', {
        holder: options.holder,
        expiresAt: claim.lease.expiresAt,
        ...(claim.tookOverFrom === undefined ? {} : { from: claim.tookOverFrom }),
      });
      await bestEffort(options.labels?.add(issue));
      return true;
    },
    async renewDue() {
      const lost: number[] = [];
      for (const [issue, lease] of [...leases]) if (halfGone(lease) && !(await renew(issue, lease))) lost.push(issue);
      return lost;
    },
    async release(issue) {
      const lease = leases.get(issue);
      if (lease === undefined) return;
      leases.delete(issue);
      if (await options.store.release(lease)) event(issue, 'lease-released', { holder: options.holder });
      await bestEffort(options.labels?.remove(issue));
    },
  };
}

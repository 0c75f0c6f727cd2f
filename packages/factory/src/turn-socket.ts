// The merge socket of one agent turn (docs/factory.md "Merging"): opened before the agent starts,
// named to it in HARNESS_FACTORY_SOCKET, closed when the turn ends however it ends (an answer, a
// kill, a timeout, an error). Through it the loop merges the turn's own PR, and only that one, with
// its guarded mergePull and its own token; a head the guard handed to a person is never merged.
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FactoryContext } from './factory-context.js';
import type { IssueRecord } from './factory-state.js';
import { stateDir } from './factory-state.js';
import { mergePull } from './merge-pull.js';
import type { MergeResult } from './merge-pull.js';
import { openMergeSocket } from './merge-socket.js';

/**
 * A unix socket's path must fit `sun_path`: 108 bytes on Linux, 104 on macOS, the terminating NUL
 * included. Under this, the socket lives beside the loop's state; past it, in the temporary folder.
 */
const maxSocketPathBytes = 100;

/**
 * Where issue `issue`'s turn listens: `.harness/factory/merge-<issue>.sock`, or, when the repository's
 * path is too long for a socket, `<tmpdir>/harness-factory-<hash>.sock`, the hash of the repository
 * and the issue, so the same turn after a killed loop finds (and replaces) its own leftover.
 * `root` is the folder the socket must stay inside.
 */
export function mergeSocketPlace(repository: string, issue: number): { root: string; path: string } {
  const inside = join(stateDir(repository), `merge-${issue}.sock`);
  if (Buffer.byteLength(inside) <= maxSocketPathBytes) return { root: stateDir(repository), path: inside };
  const hash = createHash('sha256').update(`${repository}\0${issue}`).digest('hex').slice(0, 16);
  const folder = tmpdir();
  return { root: folder, path: join(folder, `harness-factory-${hash}.sock`) };
}

/** Runs the turn with its merge socket open; the socket's path is handed to `turn`. */
export async function withMergeSocket<T>(
  ctx: FactoryContext,
  record: IssueRecord,
  turn: (socket: string) => Promise<T>,
): Promise<T> {
  const place = mergeSocketPlace(ctx.root, record.number);
  const socket = await openMergeSocket(place.root, place.path, record.pr, (pr) => mergeForAgent(ctx, record, pr));
  try {
    return await turn(socket.path);
  } finally {
    await socket.close();
  }
}

/** The loop's guarded merge, asked by the agent; the answer is logged as a `merge` event. */
async function mergeForAgent(ctx: FactoryContext, record: IssueRecord, pr: number): Promise<MergeResult> {
  const held = record.guardHeldSha;
  const result: MergeResult =
    held !== undefined && (await ctx.pulls.getPull(pr)).headSha === held
      ? {
          ok: false,
          reasons: [
            `the guard found a loosened guardrail on ${held.slice(0, 7)} and handed PR #${pr} to a person: only a person merges it`,
          ],
        }
      : await mergePull(ctx.pulls, pr, ctx.config.base);
  ctx.event(record, 'merge', { pr, ...result });
  return result;
}

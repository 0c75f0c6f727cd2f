// The loop's merge socket (docs/factory.md "Agent protocols"): the agent's environment carries no
// GitHub token, so `harness factory merge` asks the running loop, over a unix socket the loop opens
// for the turn (mode 0600, inside .harness/factory/), and the loop runs its guarded merge with its
// own token. One JSON line each way: {"pr": 42} → the MergeResult. Only the turn's own PR is merged.
// Spec: https://nodejs.org/api/net.html#ipc-support
// A socket's mode is no file write: chmod is the only way to make it the owner's alone after listen.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { chmodSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import type { Socket } from 'node:net';
import { HarnessError } from 'agent-harness-diagnostics';
import { removeInsideSync } from 'agent-harness-system';
import type { MergeResult } from './merge-pull.js';

export interface MergeSocket {
  path: string;
  close: () => Promise<void>;
}

/** Listens on `path` (inside `root`, its leftover from a killed loop removed first) for the turn whose PR is `pr`. */
export async function openMergeSocket(
  root: string,
  path: string,
  pr: number | undefined,
  merge: (pr: number) => Promise<MergeResult>,
): Promise<MergeSocket> {
  removeInsideSync(root, path);
  const open = new Set<Socket>();
  const server = createServer((socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    serve(socket, pr, merge);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(cannotListen(path, error)));
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    path,
    // A connection the agent left open (a killed agent's child, say) must not hold the turn's end.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
        removeInsideSync(root, path);
      }),
  };
}

function cannotListen(path: string, cause: Error): HarnessError {
  return new HarnessError('IO_FAILED', `the factory loop cannot open its merge socket ${path}: ${cause.message}`, {
    place: { file: path },
    fix: 'Check that the folder is writable and that no other process holds the socket; with a very long temporary folder path, set TMPDIR to a short one such as /tmp.',
    cause,
  });
}

function serve(socket: Socket, pr: number | undefined, merge: (pr: number) => Promise<MergeResult>): void {
  let text = '';
  socket.setEncoding('utf8');
  socket.on('error', () => undefined);
  socket.on('data', (chunk: string) => {
    text += chunk;
    if (!text.includes('\n')) return;
    socket.removeAllListeners('data');
    void answer(text.slice(0, text.indexOf('\n')), pr, merge).then((result) =>
      socket.end(`${JSON.stringify(result)}\n`),
    );
  });
}

async function answer(
  line: string,
  pr: number | undefined,
  merge: (pr: number) => Promise<MergeResult>,
): Promise<MergeResult> {
  let asked: unknown;
  try {
    asked = (JSON.parse(line) as { pr?: unknown }).pr;
  } catch {
    return { ok: false, reasons: ['the request is not JSON: {"pr": <number>}'] };
  }
  if (typeof asked !== 'number' || !Number.isInteger(asked))
    return { ok: false, reasons: ['the request names no PR: {"pr": <number>}'] };
  if (asked !== pr)
    return {
      ok: false,
      reasons: [`this turn works on ${pr === undefined ? 'no PR yet' : `PR #${pr}`}, not #${asked}`],
    };
  try {
    return await merge(asked);
  } catch (error) {
    return { ok: false, reasons: [error instanceof Error ? error.message : String(error)] };
  }
}

/** `harness factory merge` inside a turn: the loop merges, with the guard and its own token. */
export function askLoopToMerge(path: string, pr: number): Promise<MergeResult> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = createConnection(path, () => socket.write(`${JSON.stringify({ pr })}\n`));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', (error) => reject(unreachable(path, error)));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(text) as MergeResult);
      } catch (error) {
        reject(unreachable(path, error as Error));
      }
    });
  });
}

function unreachable(path: string, cause: Error): HarnessError {
  return new HarnessError('IO_FAILED', `the factory loop's merge socket ${path} did not answer: ${cause.message}`, {
    place: { file: path },
    fix: 'Run this inside a factory turn while its loop runs (HARNESS_FACTORY_SOCKET names the socket), or unset HARNESS_FACTORY_SOCKET and set GITHUB_TOKEN to merge yourself.',
    cause,
  });
}

// Ctrl-C (SIGINT) and SIGTERM as an AbortSignal, so that a long command (a stack coming up, budget
// runs, the factory loop) stops its children and cleans up before it exits. The handlers are
// removed afterwards: a second Ctrl-C once the work has ended is Node's default again.

/** Runs `work` with a signal that SIGINT and SIGTERM abort. */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work(abort.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** Resolves on the first SIGINT or SIGTERM (a server that runs until interrupted). */
export function waitForInterrupt(): Promise<void> {
  return withInterrupt(
    (signal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
  );
}

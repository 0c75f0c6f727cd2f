// Signals as exit codes and as messages to a process or its whole group.
// Spec: https://nodejs.org/api/process.html#processkillpid-signal (a negative pid names a process
// group), signal(7) for the numbers, and the shell's convention of 128 + n for "ended by signal n".

/** The signals harness sends or meets, by number (signal(7), the same on Linux and macOS). */
const signalNumbers: Readonly<Record<string, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGTERM: 15,
};

/** The exit code a shell would report: the code itself, or 128 + n when signal n ended the process. */
export function exitCodeOf(code: number | null, signal: string | null): number {
  if (code !== null) return code;
  return 128 + (signal === null ? 0 : (signalNumbers[signal] ?? 0));
}

/** Sends `signal` to `pid`, or to the process group it leads; a process already gone is not an error. */
export function sendSignal(pid: number | undefined, signal: NodeJS.Signals, group: boolean): void {
  if (pid === undefined) return;
  try {
    process.kill(group && process.platform !== 'win32' ? -pid : pid, signal);
  } catch {
    // ESRCH: the process (or the whole group) is already gone.
  }
}

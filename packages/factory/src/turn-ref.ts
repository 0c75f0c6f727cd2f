// The ref a dispatched turn travels on (docs/factory.md "Dispatch mode"): `refs/harness/turn/issue-N`
// in `origin`. The loop pushes a prompt commit there (no change, its message the prompt, its
// parent the worktree's head); the job checks out the parent, runs the agent, commits its work and
// pushes an outcome commit on top (no change, its message the answer). Each names its dispatch's
// attempt, so an answer left by an older dispatch is never read as this one's. Nothing reaches the
// PR's branch but through the loop, after `harness check` (the gate before every push).
import { gitLine, runGit } from 'agent-harness-system';

export const turnRef = (issue: number) => `refs/harness/turn/issue-${issue}`;

export interface TurnPrompt {
  issue: number;
  attempt: string;
  pr?: number | undefined;
  prompt: string;
}

export interface TurnAnswer {
  attempt: string;
  /** The agent's exit code (null when it was killed). */
  exitCode: number | null;
  /** The agent's answer: the outcome file, or the end of its stdout. */
  answer: string;
  killed?: 'timeout' | 'stall' | undefined;
}

const fix = 'Check that the repository has an `origin` remote you can fetch from and push to.';
const asFactory = {
  GIT_AUTHOR_NAME: 'harness factory',
  GIT_AUTHOR_EMAIL: 'factory@harness.invalid',
  GIT_COMMITTER_NAME: 'harness factory',
  GIT_COMMITTER_EMAIL: 'factory@harness.invalid',
};

/** A commit on top of `parent` with its tree (no change) and this message. */
async function noteCommit(cwd: string, parent: string, message: string): Promise<string> {
  return gitLine(cwd, ['commit-tree', `${parent}^{tree}`, '-p', parent, '-F', '-'], {
    fix,
    input: message,
    env: { ...process.env, ...asFactory },
  });
}

async function pushTo(cwd: string, sha: string, issue: number): Promise<void> {
  await gitLine(cwd, ['push', '--quiet', 'origin', `+${sha}:${turnRef(issue)}`], { fix });
}

/** Loop side: the prompt for this attempt, on top of the worktree's head. */
export async function pushPrompt(cwd: string, turn: TurnPrompt): Promise<void> {
  const head = await gitLine(cwd, ['rev-parse', 'HEAD'], { fix });
  const sha = await noteCommit(cwd, head, `harness turn ${turn.attempt} prompt\n\n${JSON.stringify(turn)}\n`);
  await pushTo(cwd, sha, turn.issue);
}

/** Job side: the agent's work (HEAD) and its answer on top, pushed for the loop. */
export async function pushAnswer(cwd: string, issue: number, answer: TurnAnswer): Promise<void> {
  const head = await gitLine(cwd, ['rev-parse', 'HEAD'], { fix });
  const sha = await noteCommit(cwd, head, `harness turn ${answer.attempt} outcome\n\n${JSON.stringify(answer)}\n`);
  await pushTo(cwd, sha, issue);
}

/** Fetches the turn ref into a local ref of the same name; its commit and message, or undefined when there is none. */
export async function fetchTurn(cwd: string, issue: number): Promise<{ sha: string; message: string } | undefined> {
  const ref = turnRef(issue);
  const listed = await gitLine(cwd, ['ls-remote', 'origin', ref], { fix });
  if (listed === '') return undefined;
  await gitLine(cwd, ['fetch', '--quiet', 'origin', `+${ref}:${ref}`], { fix });
  const sha = await gitLine(cwd, ['rev-parse', ref], { fix });
  const message = (await runGit(cwd, ['log', '-1', '--format=%B', sha], { fix })).stdout;
  return { sha, message };
}

/** The JSON body of a prompt or outcome commit of this attempt; undefined for any other commit. */
export function readTurnMessage<T>(message: string, attempt: string, kind: 'prompt' | 'outcome'): T | undefined {
  const [first = '', ...rest] = message.split('\n');
  if (first.trim() !== `harness turn ${attempt} ${kind}`) return undefined;
  try {
    return JSON.parse(rest.join('\n')) as T;
  } catch {
    return undefined;
  }
}

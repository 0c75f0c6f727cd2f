// The stand-in's GitHub Actions workflows and their runs, kept per repository. A test declares a
// workflow (its file name, the inputs it accepts) and a runner: on a `workflow_dispatch` the
// stand-in records a run (queued), then runs the runner (in_progress) and completes the run with
// the conclusion the runner gives (a runner that throws fails the run), so the jobs a loop
// dispatches really run, here, against the test's own repository.
import type { StandinRepository } from '../state-store.js';

type RunConclusion = 'success' | 'failure' | 'cancelled';

export interface StoredWorkflowRun {
  id: number;
  runNumber: number;
  workflow: string;
  ref: string;
  inputs: Record<string, string>;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: RunConclusion | null;
  createdAt: string;
  updatedAt: string;
}

/** Runs one dispatched job; resolves with the run's conclusion. */
export type WorkflowRunner = (run: StoredWorkflowRun) => Promise<RunConclusion>;

export interface StoredWorkflow {
  id: number;
  path: string;
  /** The `workflow_dispatch` inputs the workflow declares; GitHub refuses others with 422. */
  inputs: string[];
  /** Runs each dispatch; without one, runs stay queued until the test completes them. */
  runner?: WorkflowRunner;
}

export interface WorkflowState {
  workflows: StoredWorkflow[];
  runs: StoredWorkflowRun[];
  /** Runners still going, so a test can wait for every job it caused to finish. */
  pending: Set<Promise<void>>;
}

const states = new WeakMap<StandinRepository, WorkflowState>();

export function workflowsOf(repository: StandinRepository): WorkflowState {
  let state = states.get(repository);
  if (state === undefined) {
    state = { workflows: [], runs: [], pending: new Set() };
    states.set(repository, state);
  }
  return state;
}

/** Declares `.github/workflows/<file>` with `workflow_dispatch` inputs and the runner for its jobs. */
export function addWorkflow(
  repository: StandinRepository,
  file: string,
  options: { inputs: string[]; runner?: WorkflowRunner },
): StoredWorkflow {
  const state = workflowsOf(repository);
  const workflow: StoredWorkflow = {
    id: 7000 + state.workflows.length + 1,
    path: `.github/workflows/${file}`,
    inputs: options.inputs,
    ...(options.runner === undefined ? {} : { runner: options.runner }),
  };
  state.workflows.push(workflow);
  return workflow;
}

/** A workflow by numeric id or file name, as the `workflow_id` path parameter names it. */
export function findWorkflow(state: WorkflowState, id: string): StoredWorkflow | undefined {
  return state.workflows.find((w) => String(w.id) === id || w.path === `.github/workflows/${id}`);
}

/** Starts the workflow's runner on a new run after the dispatch is answered; the run moves to its conclusion. */
export function startRun(
  state: WorkflowState,
  workflow: StoredWorkflow,
  run: StoredWorkflowRun,
  now: () => Date,
): void {
  const runner = workflow.runner;
  if (runner === undefined) return;
  const going = (async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    run.status = 'in_progress';
    run.updatedAt = now().toISOString();
    let conclusion: RunConclusion;
    try {
      conclusion = await runner(run);
    } catch {
      conclusion = 'failure';
    }
    // Cancelled meanwhile (the cancel route completes it).
    if ((run.status as StoredWorkflowRun['status']) === 'completed') return;
    run.status = 'completed';
    run.conclusion = conclusion;
    run.updatedAt = now().toISOString();
  })();
  state.pending.add(going);
  void going.finally(() => state.pending.delete(going));
}

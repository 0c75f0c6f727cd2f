// GitHub Actions workflow dispatch and runs (https://docs.github.com/en/rest/actions/workflows#create-a-workflow-dispatch-event,
// …/actions/workflow-runs): a dispatch names a workflow (id or file name) and a ref; inputs the
// workflow does not declare are refused with 422 as GitHub does; `return_run_details` answers 200
// with the run's id and URLs, else 204. Runs are read one at a time or listed per workflow.
import type { Route, RouteRequest, RouteResponse } from '../route-table.js';
import { asObject, notFound, validationFailed } from '../route-table.js';
import type { StandinRepository } from '../state-store.js';
import { page } from './issue-routes.js';
import { renderRepository } from './pull-rendering.js';
import { pullsOf } from './pull-store.js';
import type { StoredWorkflowRun } from './workflow-runs.js';
import { findWorkflow, startRun, workflowsOf } from './workflow-runs.js';

function renderRun(request: RouteRequest, repository: StandinRepository, run: StoredWorkflowRun): unknown {
  const url = `${request.baseUrl}/repos/${repository.owner}/${repository.repo}/actions/runs/${run.id}`;
  const workflow = workflowsOf(repository).workflows.find((w) => w.path.endsWith(`/${run.workflow}`));
  const headSha = pullsOf(repository).resolveRef(run.ref) ?? '0'.repeat(40);
  const repo = renderRepository(repository, request.baseUrl);
  return {
    id: run.id,
    node_id: `WFR_${run.id}`,
    name: run.workflow,
    head_branch: run.ref,
    head_sha: headSha,
    path: workflow?.path ?? run.workflow,
    run_number: run.runNumber,
    run_attempt: 1,
    display_title: run.workflow,
    event: 'workflow_dispatch',
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: workflow?.id ?? 0,
    url,
    html_url: `https://github.com/${repository.owner}/${repository.repo}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${url}/check-suite`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    workflow_url: `${request.baseUrl}/repos/${repository.owner}/${repository.repo}/actions/workflows/${workflow?.id ?? 0}`,
    head_commit: null,
    repository: repo,
    head_repository: repo,
  };
}

function dispatch(request: RouteRequest, repository: StandinRepository, now: () => Date): RouteResponse {
  const state = workflowsOf(repository);
  const workflow = findWorkflow(state, request.params.workflow_id ?? '');
  if (workflow === undefined) return notFound();
  const body = asObject(request.body);
  const inputs = Object.fromEntries(Object.entries(asObject(body.inputs)).map(([k, v]) => [k, String(v)]));
  const unexpected = Object.keys(inputs).filter((k) => !workflow.inputs.includes(k));
  if (unexpected.length > 0) return validationFailed(`Unexpected inputs provided: ${JSON.stringify(unexpected)}`);
  const stamp = now().toISOString();
  const run: StoredWorkflowRun = {
    id: 90_000 + state.runs.length + 1,
    runNumber: state.runs.length + 1,
    workflow: workflow.path.replace('.github/workflows/', ''),
    ref: String(body.ref),
    inputs,
    status: 'queued',
    conclusion: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
  state.runs.push(run);
  startRun(state, workflow, run, now);
  if (body.return_run_details !== true) return { status: 204 };
  const url = `${request.baseUrl}/repos/${repository.owner}/${repository.repo}/actions/runs/${run.id}`;
  return {
    status: 200,
    body: {
      workflow_run_id: run.id,
      run_url: url,
      html_url: `https://github.com/${repository.owner}/${repository.repo}/actions/runs/${run.id}`,
    },
  };
}

export const workflowRoutes: Route[] = [
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
    handle(request, store) {
      const repository = store.repository(request.params.owner ?? '', request.params.repo ?? '');
      return repository === undefined ? notFound() : dispatch(request, repository, () => store.now());
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}',
    handle(request, store) {
      const repository = store.repository(request.params.owner ?? '', request.params.repo ?? '');
      if (repository === undefined) return notFound();
      const run = workflowsOf(repository).runs.find((r) => r.id === Number(request.params.run_id));
      return run === undefined ? notFound() : { status: 200, body: renderRun(request, repository, run) };
    },
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}/cancel',
    handle(request, store) {
      const repository = store.repository(request.params.owner ?? '', request.params.repo ?? '');
      if (repository === undefined) return notFound();
      const run = workflowsOf(repository).runs.find((r) => r.id === Number(request.params.run_id));
      if (run === undefined) return notFound();
      if (run.status === 'completed')
        return { status: 409, body: { message: 'Cannot cancel a workflow run that is completed.', status: '409' } };
      // The runner is not stopped (the stand-in cannot); the run reads cancelled, as GitHub's does.
      run.status = 'completed';
      run.conclusion = 'cancelled';
      run.updatedAt = store.now().toISOString();
      return { status: 202, body: {} };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    handle(request, store) {
      const repository = store.repository(request.params.owner ?? '', request.params.repo ?? '');
      if (repository === undefined) return notFound();
      const state = workflowsOf(repository);
      const workflow = findWorkflow(state, request.params.workflow_id ?? '');
      if (workflow === undefined) return notFound();
      const runs = state.runs
        .filter((r) => workflow.path.endsWith(`/${r.workflow}`))
        .reverse()
        .map((r) => renderRun(request, repository, r));
      const listed = page(request, runs, request.template);
      return { ...listed, body: { total_count: runs.length, workflow_runs: listed.body } };
    },
  },
];

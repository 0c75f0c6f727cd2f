// The Git database (refs, trees, commits) and workflow dispatch, answered as GitHub answers them:
// refs created once (422 "Reference already exists"), updated only as a fast-forward unless forced,
// dispatched runs recorded and run by the test's runner, every answer checked against the description.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GithubStandin, StoredWorkflowRun } from '../src/index.js';
import { addWorkflow, startGithubStandin, workflowsOf } from '../src/index.js';

let standin: GithubStandin;

beforeEach(async () => {
  standin = await startGithubStandin();
  standin.state.addToken('t');
  standin.state.addRepository('o/r');
});

afterEach(async () => {
  await standin.close();
});

/** The fields of GitHub's answers these tests read. */
interface Answer {
  sha: string;
  message: string;
  object: { sha: string };
  workflow_run_id: number;
  total_count: number;
}

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${standin.url}/repos/o/r${path}`, {
    method,
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Answer };
}

async function commit(content: string, parents: string[] = []): Promise<string> {
  const tree = await call('POST', '/git/trees', {
    tree: [{ path: 'lease.json', mode: '100644', type: 'blob', content }],
  });
  expect(tree.status).toBe(201);
  const made = await call('POST', '/git/commits', { message: content, tree: tree.body.sha, parents });
  expect(made.status).toBe(201);
  return made.body.sha;
}

const ref = 'harness%2Flease%2Fissue-3';

describe('git refs', () => {
  it('creates a ref once, then 422 "Reference already exists"', async () => {
    const sha = await commit('a');
    expect((await call('POST', '/git/refs', { ref: 'refs/harness/lease/issue-3', sha })).status).toBe(201);
    const again = await call('POST', '/git/refs', { ref: 'refs/harness/lease/issue-3', sha: await commit('b') });
    expect(again).toMatchObject({ status: 422, body: { message: 'Reference already exists' } });
    expect((await call('GET', `/git/ref/${ref}`)).body.object.sha).toBe(sha);
    expect((await call('GET', `/git/commits/${sha}`)).body.message).toBe('a');
    expect(standin.violations).toEqual([]);
  });

  it('updates only as a fast-forward without force: of two children of one commit, the second loses', async () => {
    const old = await commit('old');
    await call('POST', '/git/refs', { ref: 'refs/harness/lease/issue-3', sha: old });
    const first = await commit('first', [old]);
    const second = await commit('second', [old]);
    expect((await call('PATCH', `/git/refs/${ref}`, { sha: first, force: false })).status).toBe(200);
    const lost = await call('PATCH', `/git/refs/${ref}`, { sha: second, force: false });
    expect(lost).toMatchObject({ status: 422, body: { message: 'Update is not a fast forward' } });
    expect((await call('GET', `/git/ref/${ref}`)).body.object.sha).toBe(first);
    expect((await call('PATCH', `/git/refs/${ref}`, { sha: second, force: true })).status).toBe(200);
    expect(standin.violations).toEqual([]);
  });

  it('deletes a ref (204), then reads 404 and deletes 422 "Reference does not exist"', async () => {
    await call('POST', '/git/refs', { ref: 'refs/harness/lease/issue-3', sha: await commit('a') });
    expect((await call('DELETE', `/git/refs/${ref}`)).status).toBe(204);
    expect((await call('GET', `/git/ref/${ref}`)).status).toBe(404);
    expect((await call('DELETE', `/git/refs/${ref}`)).body.message).toBe('Reference does not exist');
    expect((await call('PATCH', `/git/refs/${ref}`, { sha: await commit('b') })).body.message).toBe(
      'Reference does not exist',
    );
  });

  it('refuses a commit on a tree or parent it does not have', async () => {
    const missing = 'a'.repeat(40);
    expect((await call('POST', '/git/commits', { message: 'm', tree: missing })).body.message).toBe(
      'Tree SHA does not exist',
    );
    const tree = await call('POST', '/git/trees', {
      tree: [{ path: 'f', mode: '100644', type: 'blob', content: 'x' }],
    });
    const orphan = await call('POST', '/git/commits', { message: 'm', tree: tree.body.sha, parents: [missing] });
    expect(orphan.status).toBe(422);
  });
});

describe('workflow dispatch', () => {
  it('records a run, runs the runner with the inputs, and completes it with its conclusion', async () => {
    const seen: StoredWorkflowRun[] = [];
    const repository = standin.state.repository('o', 'r');
    if (repository === undefined) throw new Error('no repository');
    addWorkflow(repository, 'turn.yml', {
      inputs: ['issue'],
      runner: (run) => {
        seen.push(run);
        return Promise.resolve('failure');
      },
    });
    const answer = await call('POST', '/actions/workflows/turn.yml/dispatches', {
      ref: 'main',
      inputs: { issue: '3' },
      return_run_details: true,
    });
    expect(answer.status).toBe(200);
    await Promise.all(workflowsOf(repository).pending);
    const run = await call('GET', `/actions/runs/${answer.body.workflow_run_id}`);
    expect(run.body).toMatchObject({ status: 'completed', conclusion: 'failure', event: 'workflow_dispatch' });
    expect(seen.map((r) => r.inputs)).toEqual([{ issue: '3' }]);
    const listed = await call('GET', '/actions/workflows/turn.yml/runs');
    expect(listed.body.total_count).toBe(1);
    expect(standin.violations).toEqual([]);
  });

  it('refuses inputs the workflow does not declare (422) and an unknown workflow (404)', async () => {
    const repository = standin.state.repository('o', 'r');
    if (repository === undefined) throw new Error('no repository');
    addWorkflow(repository, 'turn.yml', { inputs: ['issue'] });
    const extra = await call('POST', '/actions/workflows/turn.yml/dispatches', { ref: 'main', inputs: { x: '1' } });
    expect(extra.status).toBe(422);
    expect((await call('POST', '/actions/workflows/nope.yml/dispatches', { ref: 'main' })).status).toBe(404);
    expect((await call('POST', '/actions/workflows/turn.yml/dispatches', { ref: 'main' })).status).toBe(204);
  });
});

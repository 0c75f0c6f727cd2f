import { describe, expect, it } from 'vitest';
import { answerGraphql } from './graphql-endpoint.js';
import { addPull } from './routes/pull-store.js';
import { StateStore } from './state-store.js';

const threadsQuery = `query($owner: String!, $repo: String!, $pr: Int!, $after: String) {
  repository(owner: $owner, name: $repo) { pullRequest(number: $pr) {
    reviewThreads(first: 2, after: $after) { nodes { isResolved isOutdated path } pageInfo { hasNextPage endCursor } } } } }`;

describe('POST /graphql', () => {
  it('answers review threads page by page, checked against GitHub’s schema', async () => {
    const state = new StateStore();
    const pull = addPull(state.addRepository('octo/app'), { title: 't', body: null, head: 'b', base: 'main' });
    pull.reviewThreads.push(
      { isResolved: true, isOutdated: false, path: 'a.ts' },
      { isResolved: false, isOutdated: true, path: 'b.ts' },
      { isResolved: false, isOutdated: false, path: 'c.ts' },
    );
    const violations: string[] = [];
    const variables = { owner: 'octo', repo: 'app', pr: pull.issue.number, after: null as string | null };
    const first = (await answerGraphql({ query: threadsQuery, variables }, state, violations)).body as {
      data: {
        repository: {
          pullRequest: {
            reviewThreads: { nodes: { path: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
          };
        };
      };
    };
    const threads = first.data.repository.pullRequest.reviewThreads;
    expect(threads.nodes.map((n) => n.path)).toEqual(['a.ts', 'b.ts']);
    expect(threads.pageInfo.hasNextPage).toBe(true);
    const second = (
      await answerGraphql(
        { query: threadsQuery, variables: { ...variables, after: threads.pageInfo.endCursor } },
        state,
        violations,
      )
    ).body as typeof first;
    expect(second.data.repository.pullRequest.reviewThreads.nodes.map((n) => n.path)).toEqual(['c.ts']);
    expect(violations).toEqual([]);
  });

  it('records a query GitHub would reject as a violation', async () => {
    const violations: string[] = [];
    const response = await answerGraphql(
      {
        query:
          'query { repository(owner: "o", name: "r") { pullRequest(number: 1) { reviewThreadz { totalCount } } } }',
      },
      new StateStore(),
      violations,
    );
    expect(response.status).toBe(200);
    expect(violations).toEqual([
      expect.stringContaining(
        'Cannot query field "reviewThreadz" on type "PullRequest". Did you mean "reviewThreads"?',
      ),
    ]);
  });
});

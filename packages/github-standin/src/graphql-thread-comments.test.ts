import { expect, it } from 'vitest';
import { answerGraphql } from './graphql-endpoint.js';
import { addPull } from './routes/pull-store.js';
import { StateStore } from './state-store.js';

const query = `query($owner: String!, $repo: String!, $pr: Int!) {
  repository(owner: $owner, name: $repo) { pullRequest(number: $pr) {
    reviewThreads(first: 10) { nodes { isResolved path line originalLine
      comments(first: 10) { nodes { body author { login } } } } } } } }`;

it('answers each review thread with its line and its comments, in order, checked against GitHub’s schema', async () => {
  const state = new StateStore();
  const pull = addPull(state.addRepository('octo/app'), { title: 't', body: null, head: 'b', base: 'main' });
  pull.reviewThreads.push(
    {
      isResolved: false,
      isOutdated: false,
      path: 'a.ts',
      line: 3,
      comments: [
        { user: 'alice', body: 'Rename this.' },
        { user: 'bob', body: 'Agreed.' },
      ],
    },
    { isResolved: true, isOutdated: true, path: 'b.ts' },
  );
  const violations: string[] = [];
  const answer = await answerGraphql(
    { query, variables: { owner: 'octo', repo: 'app', pr: pull.issue.number } },
    state,
    violations,
  );
  expect(violations).toEqual([]);
  expect(answer.body).toEqual({
    data: {
      repository: {
        pullRequest: {
          reviewThreads: {
            nodes: [
              {
                isResolved: false,
                path: 'a.ts',
                line: 3,
                originalLine: 3,
                comments: {
                  nodes: [
                    { body: 'Rename this.', author: { login: 'alice' } },
                    { body: 'Agreed.', author: { login: 'bob' } },
                  ],
                },
              },
              { isResolved: true, path: 'b.ts', line: null, originalLine: null, comments: { nodes: [] } },
            ],
          },
        },
      },
    },
  });
});

// `POST /graphql` as GitHub answers it, for what harness asks over GraphQL (a pull request's review
// threads with their lines and comments: REST has no thread state). Every query is validated and
// executed against GitHub's published GraphQL schema (@octokit/graphql-schema), so a misspelt field
// or a wrong argument type is a violation here as it is an error on GitHub. Fields the stand-in
// keeps no state for resolve to null, which the test then sees.
import { schema as githubSchema } from '@octokit/graphql-schema';
import type { GraphQLSchema } from 'graphql';
import { buildClientSchema, graphql } from 'graphql';
import type { RouteResponse } from './route-table.js';
import { pullsOf } from './routes/pull-store.js';
import type { StoredReviewThread } from './routes/pull-store.js';
import type { StateStore } from './state-store.js';

let schema: GraphQLSchema | undefined;

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

function page<T>(items: readonly T[], args: { first?: number | null; after?: string | null }): Page<T> {
  const start =
    args.after === undefined || args.after === null ? 0 : Number(Buffer.from(args.after, 'base64').toString('utf8'));
  const end = Math.min(items.length, start + (args.first ?? 100));
  return {
    nodes: items.slice(start, end),
    pageInfo: {
      hasNextPage: end < items.length,
      endCursor: end === start ? null : Buffer.from(String(end)).toString('base64'),
    },
  };
}

type PageArgs = { first?: number | null; after?: string | null };

/** A stored thread as a PullRequestReviewThread node: its line and its comments (author is a User). */
function threadNode(thread: StoredReviewThread) {
  const line = thread.isOutdated ? null : (thread.line ?? null);
  const comments = (thread.comments ?? []).map((c) => ({
    body: c.body,
    author: { __typename: 'User', login: c.user },
  }));
  return { ...thread, line, originalLine: thread.line ?? null, comments: (args: PageArgs) => page(comments, args) };
}

export async function answerGraphql(body: unknown, state: StateStore, violations: string[]): Promise<RouteResponse> {
  const request = (typeof body === 'object' && body !== null ? body : {}) as { query?: unknown; variables?: unknown };
  if (typeof request.query !== 'string') {
    violations.push('POST /graphql: the body has no query');
    return { status: 400, body: { message: 'A query attribute must be specified and must be a string.' } };
  }
  schema ??= buildClientSchema(githubSchema.json as Parameters<typeof buildClientSchema>[0]);
  const rootValue = {
    repository: (args: { owner: string; name: string }) => {
      const repository = state.repository(args.owner, args.name);
      if (repository === undefined) return null;
      return {
        pullRequest: (pr: { number: number }) => {
          const pull = pullsOf(repository).pulls.get(pr.number);
          if (pull === undefined) return null;
          return {
            number: pr.number,
            reviewThreads: (args2: { first?: number | null; after?: string | null }) =>
              page(pull.reviewThreads.map(threadNode), args2),
          };
        },
      };
    },
  };
  const result = await graphql({
    schema,
    source: request.query,
    rootValue,
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
  });
  if (result.errors !== undefined) violations.push(...result.errors.map((e) => `POST /graphql: ${e.message}`));
  return { status: 200, body: result };
}

// A GitHub REST API stand-in for tests: an HTTP server on 127.0.0.1 (port 0)
// that routes requests to handlers over a state store, checks every request
// and its own every response against GitHub's OpenAPI description, answers 422
// to an invalid request and records it as a violation, so a test that sends a
// body GitHub would refuse fails even when the code under test swallows the 422.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fault } from './faults.js';
import { takeFault } from './faults.js';
import { matchPathTemplate } from './openapi-description.js';
import { createRequestValidator } from './request-validator.js';
import type { RequestValidator } from './request-validator.js';
import type { Route, RouteResponse } from './route-table.js';
import { notFound } from './route-table.js';
import { answerGraphql } from './graphql-endpoint.js';
import { actionsRoutes } from './routes/actions-routes.js';
import { branchRuleRoutes } from './routes/branch-rule-routes.js';
import { issueRoutes } from './routes/issue-routes.js';
import { pullRoutes } from './routes/pull-routes.js';
import { rulesetRoutes } from './routes/ruleset-routes.js';
import { StateStore } from './state-store.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface GithubStandin {
  /** The base URL to use as GITHUB_API_URL. */
  url: string;
  state: StateStore;
  /** Every request, in order. */
  requests: RecordedRequest[];
  /** Requests (and stand-in responses) that GitHub's description does not allow. Tests expect it empty. */
  violations: string[];
  /** The next matching request(s) get this error instead of an answer. */
  inject(fault: Fault): void;
  /** Requests that change something (everything but GET). */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

export interface StandinOptions {
  /** Routes to serve (every route the stand-in knows by default). */
  routes?: Route[];
  validator?: RequestValidator;
}

let sharedValidator: RequestValidator | undefined;

export async function startGithubStandin(options: StandinOptions = {}): Promise<GithubStandin> {
  const routes = options.routes ?? [
    ...rulesetRoutes,
    ...issueRoutes,
    ...pullRoutes,
    ...branchRuleRoutes,
    ...actionsRoutes,
  ];
  const validator = options.validator ?? (sharedValidator ??= createRequestValidator());
  const state = new StateStore();
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const queue: Fault[] = [];
  let url = '';

  const answer = async (incoming: IncomingMessage): Promise<{ response: RouteResponse; record: RecordedRequest }> => {
    const requestUrl = new URL(incoming.url ?? '/', url);
    const method = incoming.method ?? 'GET';
    const text = await readBody(incoming);
    const record: RecordedRequest = {
      method,
      path: requestUrl.pathname,
      query: Object.fromEntries(requestUrl.searchParams),
      body: undefined,
      status: 0,
    };
    if (text !== '') {
      try {
        record.body = JSON.parse(text);
      } catch {
        violations.push(`${method} ${requestUrl.pathname}: the body is not JSON`);
        return { record, response: { status: 400, body: { message: 'Problems parsing JSON' } } };
      }
    }
    const fault = takeFault(queue, method, requestUrl.pathname);
    if (fault !== undefined)
      return {
        record,
        response: {
          status: fault.status,
          body: fault.body,
          ...(fault.headers === undefined ? {} : { headers: fault.headers }),
        },
      };
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(incoming.headers.authorization ?? '')?.[1];
    const grant = token === undefined ? undefined : state.tokens.get(token);
    if (grant === undefined)
      return {
        record,
        response: {
          status: 401,
          body: {
            message: 'Requires authentication',
            documentation_url: 'https://docs.github.com/rest',
            status: '401',
          },
        },
      };
    if (method === 'POST' && requestUrl.pathname === '/graphql')
      return { record, response: await answerGraphql(record.body, state, violations) };
    const match = findRoute(routes, method, requestUrl.pathname);
    if (match === undefined) {
      violations.push(`${method} ${requestUrl.pathname}: the stand-in has no route for it`);
      return { record, response: notFound() };
    }
    const problems = validator.validateRequest({
      method,
      template: match.route.template,
      pathParams: match.params,
      query: requestUrl.searchParams,
      body: record.body,
    });
    if (problems.length > 0) {
      violations.push(...problems);
      return {
        record,
        response: {
          status: 422,
          body: {
            message: 'Invalid request.',
            errors: problems,
            documentation_url: 'https://docs.github.com/rest',
            status: '422',
          },
        },
      };
    }
    const response = match.route.handle(
      {
        method,
        template: match.route.template,
        params: match.params,
        query: requestUrl.searchParams,
        body: record.body,
        token: grant,
        baseUrl: url,
      },
      state,
    );
    if (response.status < 400)
      violations.push(
        ...validator
          .validateResponse(method, match.route.template, response.status, response.body)
          .map((v) => `stand-in bug: ${v}`),
      );
    return { record, response };
  };

  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    answer(incoming)
      .then(({ response, record }) => {
        record.status = response.status;
        requests.push(record);
        send(outgoing, response);
      })
      .catch((error: unknown) => {
        violations.push(`stand-in crashed: ${String(error)}`);
        send(outgoing, { status: 500, body: { message: 'stand-in crashed' } });
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    state,
    requests,
    violations,
    inject: (fault) => void queue.push(fault),
    writes: () => requests.filter((r) => r.method !== 'GET'),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

function findRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPathTemplate(route.template, path);
    if (params !== undefined) return { route, params };
  }
  return undefined;
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
  });
}

function send(outgoing: ServerResponse, response: RouteResponse): void {
  const headers: Record<string, string> = { 'x-github-media-type': 'github.v3; format=json', ...response.headers };
  if (response.body === undefined) {
    outgoing.writeHead(response.status, headers).end();
    return;
  }
  outgoing
    .writeHead(response.status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(JSON.stringify(response.body));
}

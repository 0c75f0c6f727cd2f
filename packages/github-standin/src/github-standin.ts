// A GitHub REST API stand-in for tests: an HTTP server on 127.0.0.1 (port 0)
// that routes requests to handlers over a state store, checks every request
// and its own every response against GitHub's OpenAPI description, answers 422
// to an invalid request and records it as a violation, so a test that sends a
// body GitHub would refuse fails even when the code under test swallows the 422.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnswerContext, RecordedRequest } from './answer-request.js';
import { answerRequest } from './answer-request.js';
import type { Fault } from './faults.js';
import { createRequestValidator } from './request-validator.js';
import type { RequestValidator } from './request-validator.js';
import type { Route, RouteResponse } from './route-table.js';
import { actionsRoutes } from './routes/actions-routes.js';
import { branchProtectionRoutes } from './routes/branch-protection-routes.js';
import { branchRuleRoutes } from './routes/branch-rule-routes.js';
import { gitDataRoutes } from './routes/git-data-routes.js';
import { issueRoutes } from './routes/issue-routes.js';
import { pullRoutes } from './routes/pull-routes.js';
import { rulesetRoutes } from './routes/ruleset-routes.js';
import { userRoutes } from './routes/user-routes.js';
import { workflowRoutes } from './routes/workflow-routes.js';
import { StateStore } from './state-store.js';

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
  const context: AnswerContext = {
    routes: options.routes ?? [
      ...rulesetRoutes,
      ...issueRoutes,
      ...pullRoutes,
      ...branchProtectionRoutes,
      ...branchRuleRoutes,
      ...actionsRoutes,
      ...userRoutes,
      ...gitDataRoutes,
      ...workflowRoutes,
    ],
    validator: options.validator ?? (sharedValidator ??= createRequestValidator()),
    state: new StateStore(),
    violations: [],
    queue: [],
    url: '',
  };
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    answerRequest(context, incoming)
      .then(({ response, record }) => {
        record.status = response.status;
        requests.push(record);
        send(outgoing, response);
      })
      .catch((error: unknown) => {
        context.violations.push(`stand-in crashed: ${String(error)}`);
        send(outgoing, { status: 500, body: { message: 'stand-in crashed' } });
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  context.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: context.url,
    state: context.state,
    requests,
    violations: context.violations,
    inject: (fault) => void context.queue.push(fault),
    writes: () => requests.filter((r) => r.method !== 'GET'),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
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

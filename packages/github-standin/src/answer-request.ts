// One request to the stand-in, answered in GitHub's order: body JSON, injected fault, token,
// GraphQL or a route; the request checked against GitHub's description (422 and a violation when it
// is invalid), and the stand-in's own answer checked too.
import type { IncomingMessage } from 'node:http';
import type { Fault } from './faults.js';
import { takeFault } from './faults.js';
import { answerGraphql } from './graphql-endpoint.js';
import { matchPathTemplate } from './openapi-description.js';
import type { RequestValidator } from './request-validator.js';
import type { Route, RouteResponse } from './route-table.js';
import { notFound } from './route-table.js';
import type { StateStore, TokenGrant } from './state-store.js';

/** One request the stand-in answered, as a test reads it back. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface AnswerContext {
  routes: Route[];
  validator: RequestValidator;
  state: StateStore;
  violations: string[];
  /** Faults still to inject, in order. */
  queue: Fault[];
  /** The server's base URL, known once it listens. */
  url: string;
}

interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export async function answerRequest(
  context: AnswerContext,
  incoming: IncomingMessage,
): Promise<{ response: RouteResponse; record: RecordedRequest }> {
  const requestUrl = new URL(incoming.url ?? '/', context.url);
  const text = await readBody(incoming);
  const record: RecordedRequest = {
    method: incoming.method ?? 'GET',
    path: requestUrl.pathname,
    query: Object.fromEntries(requestUrl.searchParams),
    body: undefined,
    status: 0,
  };
  return { record, response: await respond(context, incoming, requestUrl, text, record) };
}

async function respond(
  context: AnswerContext,
  incoming: IncomingMessage,
  requestUrl: URL,
  text: string,
  record: RecordedRequest,
): Promise<RouteResponse> {
  const { method, path } = record;
  if (text !== '') {
    try {
      record.body = JSON.parse(text);
    } catch {
      context.violations.push(`${method} ${path}: the body is not JSON`);
      return { status: 400, body: { message: 'Problems parsing JSON' } };
    }
  }
  const fault = takeFault(context.queue, method, path);
  if (fault !== undefined)
    return {
      status: fault.status,
      body: fault.body,
      ...(fault.headers === undefined ? {} : { headers: fault.headers }),
    };
  const grant = grantOf(context.state, incoming.headers.authorization);
  if (grant === undefined) return unauthorized();
  if (method === 'POST' && path === '/graphql') return answerGraphql(record.body, context.state, context.violations);
  const match = findRoute(context.routes, method, path);
  if (match === undefined) {
    context.violations.push(`${method} ${path}: the stand-in has no route for it`);
    return notFound();
  }
  return answerRoute(context, match, { searchParams: requestUrl.searchParams, record, grant });
}

function grantOf(state: StateStore, authorization: string | undefined): TokenGrant | undefined {
  const token = /^(?:token|bearer)\s+(.+)$/i.exec(authorization ?? '')?.[1];
  return token === undefined ? undefined : state.tokens.get(token);
}

function unauthorized(): RouteResponse {
  return {
    status: 401,
    body: { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest', status: '401' },
  };
}

/** A routed request: 422 when GitHub's description refuses it, else the handler's answer, itself checked. */
function answerRoute(
  context: AnswerContext,
  match: RouteMatch,
  request: { searchParams: URLSearchParams; record: RecordedRequest; grant: TokenGrant },
): RouteResponse {
  const { method, body } = request.record;
  const { template } = match.route;
  const problems = context.validator.validateRequest({
    method,
    template,
    pathParams: match.params,
    query: request.searchParams,
    body,
  });
  if (problems.length > 0) {
    context.violations.push(...problems);
    return {
      status: 422,
      body: {
        message: 'Invalid request.',
        errors: problems,
        documentation_url: 'https://docs.github.com/rest',
        status: '422',
      },
    };
  }
  const response = match.route.handle(
    {
      method,
      template,
      params: match.params,
      query: request.searchParams,
      body,
      token: request.grant,
      baseUrl: context.url,
    },
    context.state,
  );
  if (response.status < 400)
    context.violations.push(
      ...context.validator
        .validateResponse(method, template, response.status, response.body)
        .map((v) => `stand-in bug: ${v}`),
    );
  return response;
}

function findRoute(routes: Route[], method: string, path: string): RouteMatch | undefined {
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

// The stand-in's routes: one entry per GitHub operation it answers, keyed by
// the operation's path template in GitHub's OpenAPI description, so the
// validator and the router agree on what a request is.
import type { JsonObject, StateStore, TokenGrant } from './state-store.js';

export interface RouteRequest {
  method: string;
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  token: TokenGrant;
  /** The server's own base URL, for `_links` and `Link` headers. */
  baseUrl: string;
}

export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  template: string;
  handle(request: RouteRequest, state: StateStore): RouteResponse;
}

export function notFound(): RouteResponse {
  return {
    status: 404,
    body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
  };
}

export function validationFailed(message: string, errors: unknown[] = []): RouteResponse {
  return { status: 422, body: { message, errors, documentation_url: 'https://docs.github.com/rest', status: '422' } };
}

export function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

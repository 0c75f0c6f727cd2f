// The status page: a tiny HTTP server on 127.0.0.1 that renders `.harness/factory/` on every
// request, so it never disagrees with `harness factory status --json` (docs/factory.md
// "Status page"): `/` and `/issues/N` as HTML, `/api/state` and `/api/issues/N` as JSON.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isHarnessError } from 'agent-harness-diagnostics';
import { readFactoryStatus } from './factory-status.js';
import { readIssueDetail } from './issue-detail.js';
import { renderStatusHtml } from './status-page-html.js';
import { renderIssueHtml, renderMissingIssueHtml } from './status-page-issue.js';

export { renderStatusHtml } from './status-page-html.js';
export { renderIssueHtml } from './status-page-issue.js';

export interface StatusPage {
  url: string;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  type: 'html' | 'json' | 'text';
  body: string;
}

const types = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

export async function serveStatusPage(root: string, port = 0): Promise<StatusPage> {
  const server = createServer((request, response) => answer(root, request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(root: string, request: IncomingMessage, response: ServerResponse): void {
  let reply: Reply;
  try {
    reply =
      request.method === 'GET' || request.method === 'HEAD'
        ? route(root, new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
        : { status: 405, type: 'text', body: 'the status page only answers GET' };
  } catch (error) {
    const fix = isHarnessError(error) && error.fix !== undefined ? `\nfix: ${error.fix}` : '';
    reply = { status: 500, type: 'text', body: `${error instanceof Error ? error.message : String(error)}${fix}` };
  }
  response
    .writeHead(reply.status, { 'content-type': types[reply.type], 'cache-control': 'no-store' })
    .end(request.method === 'HEAD' ? undefined : reply.body);
}

const json = (status: number, value: unknown): Reply => ({ status, type: 'json', body: JSON.stringify(value) });

function route(root: string, path: string): Reply {
  if (path === '/' || path === '/index.html')
    return { status: 200, type: 'html', body: renderStatusHtml(readFactoryStatus(root)) };
  if (path === '/api/state') return json(200, readFactoryStatus(root));
  const issue = /^\/(api\/)?issues\/([1-9]\d{0,9})$/.exec(path);
  if (issue === null) return { status: 404, type: 'text', body: 'not found' };
  const number = Number(issue[2]);
  const detail = readIssueDetail(root, number);
  if (issue[1] !== undefined)
    return detail === undefined
      ? json(404, { error: `the factory has no issue #${number} in .harness/factory/state.json` })
      : json(200, detail);
  return detail === undefined
    ? { status: 404, type: 'html', body: renderMissingIssueHtml(number) }
    : { status: 200, type: 'html', body: renderIssueHtml(detail) };
}

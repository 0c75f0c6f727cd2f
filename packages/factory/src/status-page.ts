// The status page: a tiny HTTP server on 127.0.0.1 that renders
// `.harness/factory/` on every request (`/` as HTML, `/api/state` as JSON), so it
// never disagrees with `harness factory status --json`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FactoryStatus } from './factory-status.js';
import { readFactoryStatus } from './factory-status.js';

export interface StatusPage {
  url: string;
  close(): Promise<void>;
}

export async function serveStatusPage(root: string, port = 0): Promise<StatusPage> {
  const server = createServer((request, response) => {
    let status: FactoryStatus;
    try {
      status = readFactoryStatus(root);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
      return;
    }
    if (request.url === '/api/state') {
      response
        .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        .end(JSON.stringify(status));
      return;
    }
    if (request.url !== '/' && request.url !== '/index.html') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(renderStatusHtml(status));
  });
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

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderStatusHtml(status: FactoryStatus): string {
  const inFlight = status.issues.filter((i) => i.phase !== 'merged' && i.phase !== 'parked').length;
  const rows = status.issues
    .map(
      (i) =>
        `<tr data-issue="${i.issue}"><td>#${i.issue}</td><td>${escape(i.title)}</td><td><span class="phase ${escape(i.phase)}">${escape(i.phase)}</span></td><td>${i.pr === null ? '–' : `#${i.pr}`}</td><td>${escape(i.lastOutcome ?? '–')}</td><td class="n">${i.turns}</td><td class="n">${i.tokens}</td><td>${escape(i.nextWakeAt ?? '')}</td></tr>`,
    )
    .join('\n');
  const loop =
    status.running === null
      ? 'no loop running'
      : `loop pid ${status.running.pid} on ${escape(status.running.host)} since ${escape(status.running.startedAt)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>harness factory</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1f2328}h1{font-size:1.4rem;margin:0 0 .25rem}p{color:#59636e;margin:0 0 1rem}
table{border-collapse:collapse;min-width:60rem}th,td{padding:.4rem .7rem;border-bottom:1px solid #d1d9e0;text-align:left}th{background:#f6f8fa}td.n{text-align:right}
.phase{padding:.1rem .5rem;border-radius:1rem;background:#ddf4ff}.phase.human{background:#fff1c2}.phase.merged{background:#dafbe1}.phase.failed,.phase.parked{background:#eee}
</style></head><body>
<h1>harness factory</h1><p id="summary">${inFlight} in flight · ${status.issues.length} issues · ${loop}</p>
<table><thead><tr><th>issue</th><th>title</th><th>phase</th><th>PR</th><th>last outcome</th><th>turns</th><th>tokens</th><th>next wake</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}

// The status page's HTML, rendered on the server with no script: the index (every issue and
// the recent events) and the frame every page shares. Everything from state or events is escaped.
import type { FactoryEvent } from './factory-events.js';
import type { FactoryStatus } from './factory-status.js';

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const style = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1f2328}h1{font-size:1.4rem;margin:0 0 .25rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}p{color:#59636e;margin:0 0 1rem}a{color:#0969da}
table{border-collapse:collapse;min-width:60rem}th,td{padding:.4rem .7rem;border-bottom:1px solid #d1d9e0;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right}td.at{white-space:nowrap;color:#59636e}
dl{display:grid;grid-template-columns:max-content auto;gap:.25rem 1rem;margin:0 0 1rem}dt{color:#59636e}dd{margin:0}
pre{background:#f6f8fa;padding:.75rem;overflow:auto;max-width:80rem;white-space:pre-wrap}
.phase{padding:.1rem .5rem;border-radius:1rem;background:#ddf4ff}.phase.human{background:#fff1c2}.phase.merged{background:#dafbe1}.phase.failed,.phase.parked{background:#eee}
.result.failed,.result.red{color:#cf222e}`;

/** A whole page, reloaded every 5 s as the loop moves on. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>${escapeHtml(title)}</title>
<style>
${style}
</style></head><body>
${body}
</body></html>
`;
}

export const phaseBadge = (phase: string): string =>
  `<span class="phase ${escapeHtml(phase)}">${escapeHtml(phase)}</span>`;

/** A link to an issue's view, relative to the page it is on (`issues/` from the index, `` from another issue). */
const issueLink = (issue: number, prefix: string, text: string): string => `<a href="${prefix}${issue}">${text}</a>`;

function renderEventRows(events: FactoryEvent[], prefix: string): string {
  return events
    .map(
      (e) =>
        `<tr><td class="at">${escapeHtml(e.at)}</td><td>${e.issue === null ? '–' : issueLink(e.issue, prefix, `#${e.issue}`)}</td><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(e.text)}</td></tr>`,
    )
    .join('\n');
}

export function eventsTable(id: string, events: FactoryEvent[], prefix: string): string {
  if (events.length === 0) return `<p id="${id}">No events yet.</p>`;
  return `<table id="${id}"><thead><tr><th>time</th><th>issue</th><th>event</th><th>what happened</th></tr></thead>
<tbody>
${renderEventRows(events, prefix)}
</tbody></table>`;
}

export function loopLine(status: Pick<FactoryStatus, 'running'>): string {
  return status.running === null
    ? 'no loop running'
    : `loop pid ${status.running.pid} on ${escapeHtml(status.running.host)} since ${escapeHtml(status.running.startedAt)}`;
}

/** `/`: every issue, each linked to its view, then the newest events. */
export function renderStatusHtml(status: FactoryStatus): string {
  const inFlight = status.issues.filter((i) => i.phase !== 'merged' && i.phase !== 'parked').length;
  const rows = status.issues
    .map(
      (i) =>
        `<tr data-issue="${i.issue}"><td>${issueLink(i.issue, 'issues/', `#${i.issue}`)}</td><td>${issueLink(i.issue, 'issues/', escapeHtml(i.title))}</td><td>${phaseBadge(i.phase)}</td><td>${i.pr === null ? '–' : `#${i.pr}`}</td><td>${escapeHtml(i.lastOutcome ?? '–')}</td><td class="n">${i.turns}</td><td class="n">${i.tokens}</td><td>${escapeHtml(i.nextWakeAt ?? '')}</td></tr>`,
    )
    .join('\n');
  return page(
    'harness factory',
    `<h1>harness factory</h1><p id="summary">${inFlight} in flight · ${status.issues.length} issues · ${loopLine(status)}</p>
<table id="issues"><thead><tr><th>issue</th><th>title</th><th>phase</th><th>PR</th><th>last outcome</th><th>turns</th><th>tokens</th><th>next wake</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>Recent events</h2>
${eventsTable('events', status.recentEvents, 'issues/')}`,
  );
}

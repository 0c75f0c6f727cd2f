// The status page's `/issues/N`: one issue's phase, PR, spend, brakes, last report, turns with
// their outcomes, and its events. Server-rendered, no script; everything from disk is escaped.
import type { IssueDocument, IssueLease, TurnSummary } from './issue-detail.js';
import { escapeHtml, eventsTable, loopLine, page, phaseBadge } from './status-page-html.js';

/** The last report is shown up to this many lines; the rest is in state.json and the turn's log. */
const reportLines = 40;

export function renderIssueHtml(document: IssueDocument): string {
  const i = document.issue;
  const title = `#${i.issue} ${i.title}`;
  return page(
    `${title} · harness factory`,
    `<p><a href="../">← all issues</a> · ${loopLine(document)}</p>
<h1 id="title">${escapeHtml(title)}</h1>
<dl id="facts">
${fact('phase', phaseBadge(i.phase))}
${fact('PR', pullLink(i.pr, i.prUrl))}
${fact('branch', escapeHtml(i.branch))}
${fact('turns', String(i.turns))}
${fact('tokens reported', String(i.tokens))}
${fact('spent', `${i.spent.tokens} tokens · $${i.spent.costUsd.toFixed(2)}`)}
${fact('last outcome', escapeHtml(i.lastOutcome ?? '–'))}
${fact('next wake', escapeHtml(i.nextWakeAt ?? '–'))}
${fact('agent running', i.agentPid === null ? 'no' : `pid ${i.agentPid}`)}
${fact('pending', escapeHtml(i.pendingAction ?? '–'))}
${fact('lease', leaseText(i.lease))}
${fact('brakes', `${i.brakes.consecutiveFailures} failed · ${i.brakes.consecutiveRed} red · ${i.brakes.continuesWithoutCommit} continues without a commit · ${i.brakes.falseMergeClaims} false merge claims (in a row)`)}
${fact('updated', escapeHtml(i.updatedAt))}
</dl>
${lastReport(i.lastReason)}
<h2>Turns</h2>
${turnsTable(i.turnOutcomes)}
<h2>Events</h2>
${eventsTable('events', i.events, '')}`,
  );
}

/** 404 for an issue the loop never admitted. */
export function renderMissingIssueHtml(issue: number): string {
  return page(
    `#${issue} · harness factory`,
    `<p><a href="../">← all issues</a></p><h1 id="title">No issue #${issue} here</h1>
<p>The factory has not admitted issue #${issue}: it is not in .harness/factory/state.json.</p>`,
  );
}

const fact = (name: string, html: string): string => `<dt>${name}</dt><dd data-fact="${name}">${html}</dd>`;

function pullLink(pr: number | null, url: string | null): string {
  if (pr === null) return '–';
  return url === null ? `#${pr}` : `<a href="${escapeHtml(url)}">#${pr}</a>`;
}

function leaseText(lease: IssueLease | null): string {
  if (lease === null) return '–';
  return `${escapeHtml(lease.holder)}${lease.expiresAt === null ? '' : ` until ${escapeHtml(lease.expiresAt)}`}`;
}

function lastReport(reason: string | null): string {
  if (reason === null) return '';
  const lines = reason.split('\n');
  const shown = lines.slice(0, reportLines).join('\n');
  const more = lines.length > reportLines ? `\n… ${lines.length - reportLines} more lines` : '';
  return `<h2>Last report</h2>\n<pre id="report">${escapeHtml(shown + more)}</pre>`;
}

function turnsTable(turns: TurnSummary[]): string {
  if (turns.length === 0) return '<p id="turns">No turn yet.</p>';
  const rows = [...turns]
    .reverse()
    .map(
      (t) =>
        `<tr data-turn="${t.turn}"><td class="n">${t.turn}</td><td class="at">${escapeHtml(t.at)}</td><td>${escapeHtml(t.answer ?? '–')}</td><td class="result ${t.result}">${t.result}</td><td>${escapeHtml(t.decision ?? '–')}</td><td>${escapeHtml(t.text)}</td><td class="n">${t.tokens ?? ''}</td><td>${escapeHtml(t.log)}</td></tr>`,
    )
    .join('\n');
  return `<table id="turns"><thead><tr><th>turn</th><th>time</th><th>answer</th><th>result</th><th>then</th><th>comment or reason</th><th>tokens</th><th>log</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

// The factory soak's agent: plays the issue's kind (SOAK_KINDS, written by soak-world.ts).
//   normal  writes soak/issue-N.txt; on a PR turn merges with `harness factory merge`, else sleeps
//   red     writes a markdown file with a broken link: `harness check` is red every time
//   stall   prints once and goes silent on its first run (the loop kills it), then as normal
//   redci   as normal; CI fails its first head, so when the merge is refused it commits a fix once
//   human   as normal until the PR is open, then asks a person
// Its last stdout line is its answer (docs/factory.md, "The agent protocol").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const issue = process.env.HARNESS_FACTORY_ISSUE;
const pr = process.env.HARNESS_FACTORY_PR;
const kind = JSON.parse(readFileSync(process.env.SOAK_KINDS, 'utf8'))[issue] ?? 'normal';
const runsFile = join(process.env.SOAK_DIR, 'agent-runs', `issue-${issue}`);
const runs = (existsSync(runsFile) ? Number(readFileSync(runsFile, 'utf8')) : 0) + 1;
writeFileSync(runsFile, String(runs));
readFileSync(0, 'utf8');

const answer = (outcome) => process.stdout.write(`${JSON.stringify({ v: 1, ...outcome })}\n`);
const write = (file, text) => {
  mkdirSync('soak', { recursive: true });
  writeFileSync(join('soak', file), text);
};

function merge() {
  process.stdout.write(`merging PR #${pr}\n`);
  const result = spawnSync(process.execPath, [process.env.SOAK_HARNESS_BIN, 'factory', 'merge', pr], {
    encoding: 'utf8',
  });
  process.stdout.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  return result.status === 0;
}

/** Work the loop has not pushed yet (a loop killed after this agent's last turn): another turn pushes it. */
function unpushed() {
  const git = (...args) => spawnSync('git', args, { encoding: 'utf8' }).stdout.trim();
  return (
    git('status', '--porcelain') !== '' || git('rev-list', '--count', `origin/harness/issue-${issue}..HEAD`) !== '0'
  );
}

if (kind === 'stall' && runs === 1) {
  process.stdout.write('thinking...\n');
  setTimeout(() => {}, 3_600_000);
} else if (pr === undefined) {
  if (kind === 'red') write(`red-${issue}.md`, `# Red\n\n[gone](missing-${issue}.md)\n`);
  else write(`issue-${issue}.txt`, `issue ${issue}\n`);
  answer({ outcome: 'continue' });
} else if (kind === 'human') {
  answer({ outcome: 'human', comment: `Soak: issue #${issue} needs a person.` });
} else if (merge()) {
  answer({ outcome: 'merged' });
} else if (kind === 'redci' && (!existsSync(join('soak', `fix-${issue}.txt`)) || unpushed())) {
  write(`fix-${issue}.txt`, `fix for CI ${issue}\n`);
  answer({ outcome: 'continue', comment: 'fixed what CI reported' });
} else {
  answer({ outcome: 'sleep', seconds: 30, comment: 'waiting for CI' });
}

#!/usr/bin/env node
// What `harness up`, `test`, `ps`, `down` and `gc` cost on the real engine, next to plain
// `docker-compose up -d` / `down` on the same file, and four worktrees starting at once.
// Run after `pnpm build`, with docker and busybox-static installed: node bench/compose/up.bench.mjs
import { execFileSync, execSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../../packages/harness/bin/harness.js', import.meta.url).pathname;
const image = `harness-bench-busybox:${process.pid}`;
const base = realpathSync(mkdtempSync(join(tmpdir(), 'harness-bench-compose-')));

function buildImage() {
  const root = join(base, 'rootfs');
  for (const dir of ['bin', 'tmp', 'www']) mkdirSync(join(root, dir), { recursive: true });
  copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
  chmodSync(join(root, 'bin/busybox'), 0o755);
  for (const applet of ['sh', 'sleep', 'httpd', 'wget', 'true']) symlinkSync('busybox', join(root, 'bin', applet));
  execSync(`tar -C ${root} -c . | docker import -c 'ENV PATH=/bin' - ${image}`, { stdio: 'pipe' });
}

const compose = `services:
  db:
    image: ${image}
    init: true
    command: ["sleep", "600"]
    ports: ["5432:5432"]
    volumes: [data:/data]
  web:
    image: ${image}
    init: true
    command: ["sh", "-c", "echo ok > /www/index.html; httpd -f -p 8080 -h /www"]
    ports: ["8080:8080"]
    healthcheck:
      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"]
      interval: 1s
  migrate:
    image: ${image}
    command: ["true"]
volumes:
  data:
`;

const repo = join(base, 'app');
mkdirSync(repo);
const git = (args, cwd = repo) => execFileSync('git', args, { cwd, stdio: 'pipe' });
git(['init', '-q']);
writeFileSync(join(repo, 'compose.yaml'), compose);
git(['add', '.']);
git(['-c', 'user.name=b', '-c', 'user.email=b@example.com', 'commit', '-qm', 'bench']);

function time(file, args, cwd) {
  const started = performance.now();
  execFileSync(file, args, { cwd, stdio: 'pipe' });
  return performance.now() - started;
}
const harness = (args, cwd = repo) => time(process.execPath, [bin, ...args], cwd);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const runs = 3;
const rows = [];
function measure(name, run, before = () => undefined) {
  const values = [];
  for (let i = 0; i < runs; i++) {
    before();
    values.push(run());
  }
  rows.push([name, median(values)]);
}

try {
  buildImage();
  const plain = ['-p', `bench${process.pid}`, '-f', join(repo, 'compose.yaml')];
  // Plain compose cannot start this file twice (fixed ports); it is the baseline for one stack.
  measure(
    'docker-compose up -d (no readiness wait)',
    () => time('docker-compose', [...plain, 'up', '-d'], repo),
    () => execFileSync('docker-compose', [...plain, 'down', '-v'], { cwd: repo, stdio: 'pipe' }),
  );
  measure(
    'docker-compose down',
    () => time('docker-compose', [...plain, 'down', '-v'], repo),
    () => execFileSync('docker-compose', [...plain, 'up', '-d'], { cwd: repo, stdio: 'pipe' }),
  );
  measure(
    'harness up (cold, waits for health)',
    () => harness(['up']),
    () => harness(['down', '--volumes']),
  );
  measure('harness up (running, unchanged)', () => harness(['up']));
  measure('harness test -- true (running stack)', () => harness(['test', '--', 'true']));
  measure('harness ps', () => harness(['ps']));
  measure(
    'harness down',
    () => harness(['down']),
    () => harness(['up']),
  );
  const worktrees = [1, 2, 3, 4].map((i) => join(base, `wt${i}`));
  for (const path of worktrees) git(['worktree', 'add', '-q', '--detach', path]);
  const started = performance.now();
  await Promise.all(
    worktrees.map(
      (cwd) =>
        new Promise((resolve, reject) => {
          import('node:child_process')
            .then(({ execFile }) =>
              execFile(process.execPath, [bin, 'up'], { cwd }, (error) => (error ? reject(error) : resolve())),
            )
            .catch(reject);
        }),
    ),
  );
  rows.push(['4 worktrees: harness up at once (wall)', performance.now() - started]);
  for (const path of worktrees) git(['worktree', 'remove', path]);
  rows.push(['harness gc (4 removed worktrees)', harness(['gc'])]);
  harness(['down', '--volumes']);
  console.log(
    `docker-compose ${execFileSync('docker-compose', ['version', '--short'], { encoding: 'utf8' }).trim()}, median of ${runs} where repeated`,
  );
  for (const [name, ms] of rows) console.log(`${name.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(6)} s`);
} finally {
  execFileSync(
    'sh',
    [
      '-c',
      `docker ps -aq --filter label=dev.harness.repo=${repo}/.git | xargs -r docker rm -f -v; docker volume ls -q --filter label=dev.harness.repo=${repo}/.git | xargs -r docker volume rm; docker network ls -q --filter label=dev.harness.repo=${repo}/.git | xargs -r docker network rm; docker rmi -f ${image}`,
    ],
    { stdio: 'pipe' },
  );
  rmSync(base, { recursive: true, force: true });
}

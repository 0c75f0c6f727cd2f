import { describe, expect, it } from 'vitest';
import type { StackListing } from './list-stacks.js';
import { renderDownPretty, renderGcPretty, renderPsPretty, renderUpPretty, renderUpSummary } from './render-output.js';
import type { StackUp } from './up-worktree.js';

const stack: StackUp = {
  project: 'shop-main-abc123',
  worktree: '/src/shop',
  tool: { kind: 'v1', version: 'docker-compose version 1.29.2' },
  composeFile: '/src/shop/.harness/compose/compose.yaml',
  envFile: '/src/shop/.harness/env',
  ports: [
    { service: 'db', containerPort: 5432, protocol: 'tcp', hostPort: 15432, shared: true },
    { service: 'web', containerPort: 8080, protocol: 'tcp', hostPort: 18080, shared: false },
  ],
  variables: {},
  services: [
    { service: 'db', status: 'running', health: undefined, shared: true },
    { service: 'web', status: 'running', health: 'healthy', shared: false },
  ],
};

describe('up output', () => {
  it('is one line per published port: service, container port, URL', () => {
    expect(renderUpPretty(stack)).toBe(
      'db   5432/tcp  http://127.0.0.1:15432  (shared)\nweb  8080/tcp  http://127.0.0.1:18080\n',
    );
  });

  it('summarizes on one line', () => {
    expect(renderUpSummary(stack, '.harness/env')).toBe(
      'shop-main-abc123 is up (v1): db, web (healthy); variables in .harness/env\n',
    );
  });
});

describe('ps output', () => {
  const listing: StackListing[] = [
    {
      project: 'shop-main-abc123',
      worktree: '/src/shop',
      worktreeExists: true,
      shared: false,
      current: true,
      status: 'running',
      services: [
        {
          service: 'web',
          container: 'shop-main-abc123_web_1',
          status: 'running',
          health: 'healthy',
          ports: [{ containerPort: 8080, protocol: 'tcp', hostPort: 18080 }],
        },
      ],
    },
    {
      project: 'shop-old-def456',
      worktree: '/src/old',
      worktreeExists: false,
      shared: false,
      current: false,
      status: 'stopped',
      services: [
        { service: 'web', container: 'shop-old-def456_web_1', status: 'exited', health: undefined, ports: [] },
      ],
    },
  ];

  it('is a table with this worktree’s stack marked and vanished worktrees called out', () => {
    expect(renderPsPretty(listing)).toBe(
      [
        'PROJECT             STATUS   SERVICE  STATE              PORTS                      WORKTREE',
        '* shop-main-abc123  running  web      running (healthy)  127.0.0.1:18080->8080/tcp  /src/shop',
        'shop-old-def456     stopped  web      exited             -                          /src/old (gone: harness gc)',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing', () => {
    expect(renderPsPretty([])).toBe('no stacks of this repository are running\n');
  });
});

describe('down and gc output', () => {
  it('counts what was removed', () => {
    expect(
      renderDownPretty({
        project: 'p',
        worktree: '/w',
        removed: { containers: ['a', 'b'], networks: ['n'], volumes: [] },
      }),
    ).toBe('p: removed 2 container(s), 1 network(s), 0 volume(s)\n');
    expect(
      renderGcPretty({
        dryRun: true,
        stacks: [
          {
            project: 'p',
            worktree: '/gone',
            containers: ['a'],
            networks: ['n'],
            volumes: ['v'],
            ports: [12000, 12001],
          },
        ],
      }),
    ).toBe('would remove p (/gone): 1 container(s), 1 network(s), 1 volume(s), 2 port(s)\n');
    expect(renderGcPretty({ dryRun: false, stacks: [] })).toBe(
      'nothing to collect: every stack belongs to a worktree that exists\n',
    );
  });
});

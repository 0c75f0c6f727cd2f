import { describe, expect, it } from 'vitest';
import type { ContainerState } from './engine.js';
import { judgeReadiness } from './wait-ready.js';

function container(service: string, state: Partial<ContainerState>): ContainerState {
  return {
    id: service,
    name: `p-${service}-1`,
    labels: { 'com.docker.compose.service': service },
    status: 'running',
    exitCode: 0,
    restartCount: 0,
    health: undefined,
    healthOutput: undefined,
    ports: {},
    ...state,
  };
}

describe('judgeReadiness', () => {
  it('is ready when every container runs, healthy where it has a healthcheck, and one-shots exited 0', () => {
    const containers = [
      container('db', { health: 'healthy' }),
      container('web', {}),
      container('migrate', { status: 'exited' }),
    ];
    expect(judgeReadiness(containers, ['db', 'web', 'migrate'])).toEqual({ state: 'ready' });
  });

  it('waits on a healthcheck that is still starting', () => {
    expect(judgeReadiness([container('db', { health: 'starting' })], ['db'])).toEqual({
      state: 'waiting',
      on: ['db (starting)'],
    });
  });

  it('waits on a service that has no container yet', () => {
    expect(judgeReadiness([], ['db'])).toEqual({ state: 'waiting', on: ['db (no container)'] });
  });

  it('fails on an unhealthy container, with what the healthcheck said', () => {
    const result = judgeReadiness(
      [container('db', { health: 'unhealthy', healthOutput: 'connection refused' })],
      ['db'],
    );
    expect(result.state === 'failed' && result.reason).toBe('db is unhealthy (healthcheck said: connection refused)');
  });

  it('fails on a container that exited non-zero', () => {
    const result = judgeReadiness([container('migrate', { status: 'exited', exitCode: 3 })], ['migrate']);
    expect(result.state === 'failed' && result.reason).toBe('migrate exited with code 3');
  });

  it('fails on a crash loop', () => {
    const result = judgeReadiness([container('web', { status: 'restarting', exitCode: 1, restartCount: 2 })], ['web']);
    expect(result.state).toBe('failed');
  });
});

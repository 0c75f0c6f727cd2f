import { describe, expect, it } from 'vitest';
import { portUrl, renderEnvFile, stackVariables } from './env-file.js';

describe('the env file', () => {
  const ports = [
    { service: 'db', containerPort: 5432, protocol: 'tcp', hostPort: 15432, shared: false },
    { service: 'web-app', containerPort: 8080, protocol: 'tcp', hostPort: 18080, shared: false },
  ];

  it('holds HARNESS_PROJECT and one HARNESS_PORT_* per published port', () => {
    expect(renderEnvFile(stackVariables('shop-main-abc123', ports))).toBe(
      [
        '# Written by `harness up`; do not edit (it is rewritten on every up).',
        'HARNESS_PROJECT=shop-main-abc123',
        'HARNESS_PORT_DB_5432=15432',
        'HARNESS_PORT_WEB_APP_8080=18080',
        '',
      ].join('\n'),
    );
  });

  it('shows a loopback URL per port', () => {
    expect(portUrl({ service: 'web', containerPort: 80, protocol: 'tcp', hostPort: 18080, shared: false })).toBe(
      'http://127.0.0.1:18080',
    );
    expect(portUrl({ service: 'dns', containerPort: 53, protocol: 'udp', hostPort: 10053, shared: false })).toBe(
      'udp://127.0.0.1:10053',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { assertDistinctVariables, parsePortEntry, portVariable, publishedPorts } from './published-ports.js';

describe('parsePortEntry', () => {
  it.each([
    ['8080', [8080]],
    ['5432:5432', [5432]],
    ['127.0.0.1:5432:5432', [5432]],
    ['127.0.0.1::80', [80]],
    ['[::1]:6000:6001', [6001]],
    ['9000-9002:9000-9002', [9000, 9001, 9002]],
    ['53:53/udp', [53]],
  ])('reads the short form %s', (entry, ports) => {
    expect(parsePortEntry(entry).map((p) => p.containerPort)).toEqual(ports);
  });

  it('reads the protocol of the short form', () => {
    expect(parsePortEntry('53:53/udp')).toEqual([{ containerPort: 53, protocol: 'udp' }]);
  });

  it('reads the long form compose config prints (v1 numbers, v2 strings)', () => {
    expect(parsePortEntry({ published: 5432, target: 5432 })).toEqual([{ containerPort: 5432, protocol: 'tcp' }]);
    expect(
      parsePortEntry({ mode: 'ingress', target: 80, published: '8080', protocol: 'udp', host_ip: '0.0.0.0' }),
    ).toEqual([{ containerPort: 80, protocol: 'udp' }]);
  });

  it('reads a bare number', () => {
    expect(parsePortEntry(3000)).toEqual([{ containerPort: 3000, protocol: 'tcp' }]);
  });

  it('gives nothing for what is not a port', () => {
    expect(parsePortEntry('${PORT}')).toEqual([]);
    expect(parsePortEntry(null)).toEqual([]);
  });
});

describe('publishedPorts', () => {
  it('lists every service’s ports once, skipping host networking', () => {
    const services = {
      db: { ports: ['5432:5432', { target: 5432, published: 5433 }] },
      web: { ports: ['8080'] },
      host: { network_mode: 'host', ports: ['9999:9999'] },
      worker: {},
    };
    expect(publishedPorts(services)).toEqual([
      { service: 'db', containerPort: 5432, protocol: 'tcp' },
      { service: 'web', containerPort: 8080, protocol: 'tcp' },
    ]);
  });
});

describe('portVariable', () => {
  it('upper-cases the service and turns other characters into _', () => {
    expect(portVariable({ service: 'my-db.primary', containerPort: 5432, protocol: 'tcp' })).toBe(
      'HARNESS_PORT_MY_DB_PRIMARY_5432',
    );
  });

  it('marks a udp port so it cannot clash with tcp on the same number', () => {
    expect(portVariable({ service: 'dns', containerPort: 53, protocol: 'udp' })).toBe('HARNESS_PORT_DNS_53_UDP');
  });
});

describe('assertDistinctVariables', () => {
  it('accepts services whose variables differ', () => {
    const ports = publishedPorts({
      'my-db': { ports: ['5432'] },
      web: { ports: ['5432', '53/udp'] },
      dns: { ports: ['53/udp', '53'] },
    });
    expect(() => assertDistinctVariables(ports, 'compose.yaml')).not.toThrow();
  });

  it('is an exit-2 error naming both services when two map to one variable', () => {
    const ports = publishedPorts({
      'my-db': { ports: ['5432'] },
      my_db: { ports: ['5432:5432'] },
      web: { ports: ['80'] },
    });
    let error: unknown;
    try {
      assertDistinctVariables(ports, 'compose.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'CONFIG_INVALID',
      place: { file: 'compose.yaml' },
      message: 'services `my-db` and `my_db` both publish container port 5432 as HARNESS_PORT_MY_DB_5432',
      fix: expect.stringContaining('Rename one of the services') as string,
    });
  });

  it('catches a clash of case too', () => {
    const ports = publishedPorts({ api: { ports: ['80'] }, API: { ports: ['80'] } });
    expect(() => assertDistinctVariables(ports, 'compose.yaml')).toThrow(/`api` and `API`/);
  });
});

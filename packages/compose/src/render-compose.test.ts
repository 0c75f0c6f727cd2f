import { describe, expect, it } from 'vitest';
import type { RenderInput } from './render-compose.js';
import { namedVolumesOf, renderCompose } from './render-compose.js';

const labels = {
  'dev.harness.project': 'shop-wt-abc123',
  'dev.harness.worktree': '/src/wt',
  'dev.harness.repo': '/src/shop/.git',
};
const sharedLabels = {
  'dev.harness.project': 'shop-shared-def456',
  'dev.harness.repo': '/src/shop/.git',
  'dev.harness.shared': 'true',
};

function input(config: Record<string, unknown>, extra: Partial<RenderInput> = {}): RenderInput {
  return {
    config,
    project: 'shop-wt-abc123',
    sharedProject: 'shop-shared-def456',
    labels,
    sharedLabels,
    hostPorts: new Map([
      ['db:5432/tcp', 15432],
      ['web:8080/tcp', 18080],
      ['web:9000/udp', 19000],
    ]),
    shared: [],
    sharedVolumes: [],
    baseDir: '/src/wt',
    ...extra,
  };
}

// What docker-compose 1.29 `config` prints for a small stack (ports in the long form).
const v1Config = {
  version: '3.9',
  services: {
    db: {
      image: 'postgres',
      container_name: 'db',
      ports: [{ published: 5432, target: 5432 }],
      volumes: ['data:/var/lib/postgresql/data:rw'],
    },
    web: {
      image: 'web',
      labels: ['team=shop'],
      depends_on: { db: { condition: 'service_started' } },
      ports: ['8080', '9000:9000/udp'],
      volumes: ['/src/wt/static:/static:rw'],
    },
  },
  volumes: { data: {}, cache: { name: 'global-cache' }, theirs: { external: true, name: 'theirs' } },
  networks: { back: { name: 'backnet' } },
};

describe('renderCompose', () => {
  const { worktree } = renderCompose(input(v1Config));
  const services = worktree.services as Record<string, Record<string, unknown>>;

  it('publishes every port on 127.0.0.1 at the worktree’s host port, fixed host ports included', () => {
    expect(services.db?.ports).toEqual(['127.0.0.1:15432:5432/tcp']);
    expect(services.web?.ports).toEqual(['127.0.0.1:18080:8080/tcp', '127.0.0.1:19000:9000/udp']);
  });

  it('prefixes a container_name with the project', () => {
    expect(services.db?.container_name).toBe('shop-wt-abc123-db');
    expect(services.web?.container_name).toBeUndefined();
  });

  it('adds the harness labels to every service, keeping the user’s (list or map)', () => {
    expect(services.web?.labels).toEqual({ team: 'shop', ...labels });
    expect(services.db?.labels).toEqual(labels);
  });

  it('makes explicit volume and network names per project and labels them; leaves external ones alone', () => {
    expect(worktree.volumes).toEqual({ data: { labels } });
    expect(worktree.networks).toEqual({ back: { name: 'shop-wt-abc123_backnet', labels }, default: { labels } });
  });

  it('renames an explicit volume name that a service mounts', () => {
    const config = {
      services: { a: { image: 'x', volumes: ['cache:/c'] } },
      volumes: { cache: { name: 'global-cache' } },
    };
    expect(renderCompose(input(config)).worktree.volumes).toEqual({
      cache: { name: 'shop-wt-abc123_global-cache', labels },
    });
  });

  it('keeps the per-project names Compose v2 prints', () => {
    const config = {
      name: 'shop-wt-abc123',
      services: { a: { image: 'x', volumes: [{ type: 'volume', source: 'data', target: '/d' }] } },
      volumes: { data: { name: 'shop-wt-abc123_data' } },
    };
    const rendered = renderCompose(input(config)).worktree;
    expect(rendered.name).toBeUndefined();
    expect(rendered.volumes).toEqual({ data: { name: 'shop-wt-abc123_data', labels } });
  });

  it('keeps everything else of the service as compose resolved it', () => {
    expect(services.web?.depends_on).toEqual({ db: { condition: 'service_started' } });
    expect(services.web?.volumes).toEqual(['/src/wt/static:/static:rw']);
    expect(worktree.version).toBe('3.9');
  });
});

describe('renderCompose with sharing', () => {
  const rendered = renderCompose(input(v1Config, { shared: ['db'], sharedVolumes: ['data'] }));
  const own = rendered.worktree.services as Record<string, Record<string, unknown>>;
  const shared = rendered.shared?.services as Record<string, Record<string, unknown>>;

  it('moves shared services into a document of the shared project', () => {
    expect(Object.keys(own)).toEqual(['web']);
    expect(Object.keys(shared)).toEqual(['db']);
    expect(shared.db?.container_name).toBe('shop-shared-def456-db');
    expect(shared.db?.labels).toEqual(sharedLabels);
  });

  it('drops depends_on on a shared service and joins its network instead', () => {
    expect(own.web?.depends_on).toEqual({});
    expect(own.web?.networks).toEqual({ default: null, harness_shared: null });
    expect((rendered.worktree.networks as Record<string, unknown>).harness_shared).toEqual({
      external: true,
      name: 'shop-shared-def456_default',
    });
    expect(rendered.sharedNetwork).toBe('shop-shared-def456_default');
  });

  it('mounts a shared volume as one external volume for every worktree', () => {
    expect(rendered.shared?.volumes).toEqual({ data: { external: true, name: 'shop-shared-def456_data' } });
    expect(rendered.sharedVolumeNames).toEqual(['shop-shared-def456_data']);
  });
});

describe('relative paths', () => {
  it('are resolved against the compose file’s folder, as podman-compose leaves them', () => {
    const config = {
      services: {
        app: {
          image: 'x',
          build: { context: './app', dockerfile: 'Dockerfile' },
          env_file: ['./.env.test', { path: 'local.env', required: false }],
          volumes: [
            './static:/static:ro',
            '../shared:/shared',
            'data:/data',
            '/abs:/abs',
            { type: 'bind', source: './conf', target: '/conf' },
          ],
        },
        remote: { image: 'y', build: 'https://github.com/o/r.git#main' },
      },
      volumes: { data: {} },
    };
    const services = renderCompose(input(config)).worktree.services as Record<string, Record<string, unknown>>;
    expect(services.app?.build).toEqual({ context: '/src/wt/app', dockerfile: 'Dockerfile' });
    expect(services.app?.env_file).toEqual(['/src/wt/.env.test', { path: '/src/wt/local.env', required: false }]);
    expect(services.app?.volumes).toEqual([
      '/src/wt/static:/static:ro',
      '/src/shared:/shared',
      'data:/data',
      '/abs:/abs',
      { type: 'bind', source: '/src/wt/conf', target: '/conf' },
    ]);
    expect(services.remote?.build).toBe('https://github.com/o/r.git#main');
  });
});

describe('namedVolumesOf', () => {
  it('finds named volumes in short and long mounts, not bind mounts', () => {
    const service = {
      volumes: [
        'data:/d:rw',
        '/abs:/a',
        './rel:/r',
        { type: 'volume', source: 'logs', target: '/l' },
        { type: 'bind', source: '/x', target: '/x' },
      ],
    };
    expect(namedVolumesOf(service)).toEqual(['data', 'logs']);
  });
});

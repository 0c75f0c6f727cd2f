// An npm registry on loopback for the packed-install test: it serves this repository's packed
// tarballs under their package names, as npm would after a release, and passes every other
// request to the real registry, so `npx agent-harness init` can run in a repository with nothing
// installed before anything is published. Protocol: https://github.com/npm/registry/blob/main/docs/REGISTRY-API.md
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';

interface Packed {
  manifest: Record<string, unknown> & { name: string; version: string };
  file: string;
  data: Buffer;
}

export interface LocalRegistry {
  /** The registry URL, with a trailing slash, for `npm_config_registry`. */
  url: string;
  /** Names of the packages served from the tarballs. */
  names: string[];
  close(): Promise<void>;
}

function readPacked(file: string): Packed {
  const text = execFileSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' });
  return { manifest: JSON.parse(text) as Packed['manifest'], file: basename(file), data: readFileSync(file) };
}

function packument(packed: Packed, url: string): string {
  const { manifest, data, file } = packed;
  const dist = {
    tarball: `${url}-/${file}`,
    shasum: createHash('sha1').update(data).digest('hex'),
    integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
  };
  return JSON.stringify({
    name: manifest.name,
    'dist-tags': { latest: manifest.version },
    versions: { [manifest.version]: { ...manifest, _id: `${manifest.name}@${manifest.version}`, dist } },
  });
}

/** Starts the registry for `tarballs`; everything else comes from `upstream` (the npm registry). */
export async function startLocalRegistry(tarballs: string[], upstream: string): Promise<LocalRegistry> {
  const byName = new Map(tarballs.map(readPacked).map((p) => [p.manifest.name, p]));
  const byFile = new Map([...byName.values()].map((p) => [p.file, p]));
  let url = '';
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    const local = byName.get(path.slice(1)) ?? byFile.get(path.replace(/^\/-\//, ''));
    if (local !== undefined) {
      const tarball = path.startsWith('/-/');
      response.writeHead(200, { 'content-type': tarball ? 'application/octet-stream' : 'application/json' });
      response.end(tarball ? local.data : packument(local, url));
      return;
    }
    const headers = { accept: request.headers.accept ?? 'application/json' };
    fetch(new URL((request.url ?? '/').slice(1), upstream), { headers })
      .then(async (answer) => {
        const body = Buffer.from(await answer.arrayBuffer());
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        response.end(body);
      })
      .catch((error: unknown) => {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    names: [...byName.keys()],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

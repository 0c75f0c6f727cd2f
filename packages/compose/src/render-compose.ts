// Turns the resolved configuration (`<compose> config` output, parsed) into the file
// harness runs for one worktree: ports on 127.0.0.1 at the worktree's host ports,
// container_names and explicit volume/network names made per-project, harness labels
// on every service, network and volume, and `compose.shared` services split into a
// document of their own. Override files cannot do this: compose appends `ports` lists.
// Spec: https://docs.docker.com/reference/compose-file/ (services, networks, volumes).
import { isAbsolute, resolve } from 'node:path';
import { parsePortEntry, portKey } from './published-ports.js';

type Doc = Record<string, unknown>;

export interface RenderInput {
  /** The parsed output of `<compose> -p P -f … config`. */
  config: Doc;
  project: string;
  sharedProject: string;
  /** Labels for everything of this worktree's project. */
  labels: Record<string, string>;
  /** Labels for everything of the shared project. */
  sharedLabels: Record<string, string>;
  /** portKey (`web:8080/tcp`) → chosen host port. */
  hostPorts: ReadonlyMap<string, number>;
  /** `compose.shared`: services run once for all worktrees. */
  shared: readonly string[];
  /** `compose.sharedVolumes`: named volumes every worktree mounts as one. */
  sharedVolumes: readonly string[];
  /**
   * The first compose file's folder: relative paths left in the config (podman-compose prints them
   * as written; compose v1/v2 print them absolute) are resolved against it, because the rendered
   * file lives elsewhere.
   */
  baseDir: string;
}

export interface RenderedCompose {
  worktree: Doc;
  /** The shared services' document; undefined when no listed service exists. */
  shared: Doc | undefined;
  /** Engine names of the shared volumes that must exist before `up` (they are external). */
  sharedVolumeNames: string[];
  /** The shared project's default network, which worktree services join. */
  sharedNetwork: string | undefined;
}

const sharedNetworkKey = 'harness_shared';

function record(value: unknown): Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Doc) : {};
}

/** `key=value` lists and maps alike become a map. */
function labelMap(value: unknown): Record<string, string> {
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map((item) => String(item)).map((item) => [item.split('=')[0] ?? item, item.slice(item.indexOf('=') + 1)]),
    );
  }
  return Object.fromEntries(Object.entries(record(value)).map(([k, v]) => [k, String(v)]));
}

function sharedVolumeName(sharedProject: string, volume: string): string {
  return `${sharedProject}_${volume}`;
}

/** The named volumes a service mounts (short `name:/path[:mode]` or long `{type: volume, source}`). */
export function namedVolumesOf(service: Doc): string[] {
  const names: string[] = [];
  for (const mount of Array.isArray(service.volumes) ? service.volumes : []) {
    if (typeof mount === 'string') {
      const source = mount.split(':')[0] ?? '';
      if (mount.includes(':') && source !== '' && !/^[./~]/.test(source) && !/^[A-Za-z]$/.test(source))
        names.push(source);
    } else {
      const long = record(mount);
      if ((long.type === undefined || long.type === 'volume') && typeof long.source === 'string' && long.source !== '')
        names.push(long.source);
    }
  }
  return names;
}

function absolute(baseDir: string, path: string): string {
  if (path.startsWith('~')) return path;
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/** Bind mounts, env_file and build context with relative paths made absolute. */
function absolutePaths(service: Doc, baseDir: string): Doc {
  const out: Doc = { ...service };
  if (Array.isArray(service.volumes)) {
    out.volumes = (service.volumes as unknown[]).map((mount): unknown => {
      if (typeof mount === 'string')
        return /^\.\.?(\/|:)/.test(mount)
          ? `${absolute(baseDir, mount.split(':')[0] ?? '')}${mount.slice(mount.indexOf(':'))}`
          : mount;
      const long = record(mount);
      return long.type === 'bind' && typeof long.source === 'string'
        ? { ...long, source: absolute(baseDir, long.source) }
        : mount;
    });
  }
  if (typeof service.env_file === 'string') out.env_file = absolute(baseDir, service.env_file);
  if (Array.isArray(service.env_file)) {
    out.env_file = (service.env_file as unknown[]).map((entry): unknown => {
      if (typeof entry === 'string') return absolute(baseDir, entry);
      const long = record(entry);
      return typeof long.path === 'string' ? { ...long, path: absolute(baseDir, long.path) } : entry;
    });
  }
  if (typeof service.build === 'string' && !service.build.includes('://')) out.build = absolute(baseDir, service.build);
  const build = record(service.build);
  if (typeof build.context === 'string' && !build.context.includes('://'))
    out.build = { ...build, context: absolute(baseDir, build.context) };
  return out;
}

function renderService(
  name: string,
  service: Doc,
  project: string,
  input: RenderInput,
  labels: Record<string, string>,
  joinShared: boolean,
): Doc {
  const out: Doc = { ...absolutePaths(service, input.baseDir), labels: { ...labelMap(service.labels), ...labels } };
  if (typeof service.container_name === 'string') out.container_name = `${project}-${service.container_name}`;
  if (Array.isArray(service.ports)) {
    out.ports = service.ports.flatMap((entry) =>
      parsePortEntry(entry).map(({ containerPort, protocol }) => {
        const host = input.hostPorts.get(portKey({ service: name, containerPort, protocol }));
        if (host === undefined) throw new Error(`no host port chosen for ${name}:${containerPort}/${protocol}`);
        return `127.0.0.1:${host}:${containerPort}/${protocol}`;
      }),
    );
  }
  if (!joinShared) return out;
  // Shared services live in another project: depends_on cannot name them, the shared network reaches them.
  if (service.depends_on !== undefined) {
    const keep = (dep: string) => !input.shared.includes(dep);
    out.depends_on = Array.isArray(service.depends_on)
      ? service.depends_on.filter((d) => keep(String(d)))
      : Object.fromEntries(Object.entries(record(service.depends_on)).filter(([d]) => keep(d)));
  }
  if (service.network_mode === undefined) {
    const current = service.networks;
    const networks: Doc = Array.isArray(current)
      ? Object.fromEntries(current.map((n) => [String(n), null]))
      : { ...record(current) };
    if (Object.keys(networks).length === 0) networks.default = null;
    networks[sharedNetworkKey] = null;
    out.networks = networks;
  }
  return out;
}

function renderTopLevel(
  kind: 'volumes' | 'networks',
  config: Doc,
  project: string,
  labels: Record<string, string>,
  used: Set<string> | undefined,
  input: RenderInput,
): Doc {
  const out: Doc = {};
  for (const [key, raw] of Object.entries(record(config[kind]))) {
    if (used !== undefined && !used.has(key)) continue;
    const definition = record(raw);
    if (kind === 'volumes' && input.sharedVolumes.includes(key)) {
      out[key] = { external: true, name: sharedVolumeName(input.sharedProject, key) };
      continue;
    }
    // An external one is the user's own: left exactly as it is.
    if (definition.external === true || record(definition.external).name !== undefined) {
      out[key] = raw;
      continue;
    }
    const rendered: Doc = { ...definition, labels: { ...labelMap(definition.labels), ...labels } };
    // An explicit name is global to the engine: prefix it (v2 prints `<project>_<key>` for implicit ones).
    if (typeof definition.name === 'string' && !definition.name.startsWith(`${project}_`))
      rendered.name = `${project}_${definition.name}`;
    out[key] = rendered;
  }
  return out;
}

function renderDocument(
  input: RenderInput,
  names: readonly string[],
  project: string,
  labels: Record<string, string>,
  joinShared: boolean,
): Doc {
  const services = record(input.config.services);
  const renderedServices: Doc = {};
  const usedVolumes = new Set<string>();
  for (const name of names) {
    const service = record(services[name]);
    for (const volume of namedVolumesOf(service)) usedVolumes.add(volume);
    renderedServices[name] = renderService(name, service, project, input, labels, joinShared);
  }
  // Top-level `name:` is dropped: harness passes -p, and v1 rejects the key.
  const rest = Object.fromEntries(
    Object.entries(input.config).filter(([key]) => !['name', 'services', 'volumes', 'networks'].includes(key)),
  );
  const networks = renderTopLevel('networks', input.config, project, labels, undefined, input);
  const defaultNetwork = record(networks.default);
  if (defaultNetwork.external === undefined)
    networks.default = { ...defaultNetwork, labels: { ...labelMap(defaultNetwork.labels), ...labels } };
  if (joinShared) networks[sharedNetworkKey] = { external: true, name: `${input.sharedProject}_default` };
  const document: Doc = { ...rest, services: renderedServices, networks };
  const volumes = renderTopLevel('volumes', input.config, project, labels, usedVolumes, input);
  if (Object.keys(volumes).length > 0) document.volumes = volumes;
  return document;
}

export function renderCompose(input: RenderInput): RenderedCompose {
  const all = Object.keys(record(input.config.services));
  const sharedNames = all.filter((name) => input.shared.includes(name));
  const ownNames = all.filter((name) => !input.shared.includes(name));
  const hasShared = sharedNames.length > 0;
  const declared = Object.keys(record(input.config.volumes));
  return {
    worktree: renderDocument(input, ownNames, input.project, input.labels, hasShared),
    shared: hasShared ? renderDocument(input, sharedNames, input.sharedProject, input.sharedLabels, false) : undefined,
    sharedVolumeNames: input.sharedVolumes
      .filter((v) => declared.includes(v))
      .map((v) => sharedVolumeName(input.sharedProject, v)),
    sharedNetwork: hasShared ? `${input.sharedProject}_default` : undefined,
  };
}

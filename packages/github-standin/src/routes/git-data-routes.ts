// Git database operations (https://docs.github.com/en/rest/git/refs, …/git/commits, …/git/trees):
// create a tree from inline contents, create and read commits, and create, read, update and delete
// refs. Answers as GitHub does: creating a ref that exists is 422 "Reference already exists"; an
// update without `force` that is not a fast-forward is 422 "Update is not a fast forward"; updating
// or deleting a ref that does not exist is 422 "Reference does not exist"; reading one is 404.
import type { Route, RouteRequest, RouteResponse } from '../route-table.js';
import { asObject, notFound, validationFailed } from '../route-table.js';
import type { StandinRepository, StateStore } from '../state-store.js';
import type { GitDataState, StoredGitCommit, StoredTreeEntry } from './git-data-store.js';
import { descendsFrom, gitDataOf, storeBlob, storeCommit, storeTree } from './git-data-store.js';
import { pullsOf } from './pull-store.js';

type Found = { repository: StandinRepository; git: GitDataState } | { response: RouteResponse };

function find(request: RouteRequest, store: StateStore): Found {
  const repository = store.repository(request.params.owner ?? '', request.params.repo ?? '');
  if (repository === undefined) return { response: notFound() };
  return { repository, git: gitDataOf(repository) };
}

const repoUrl = (request: RouteRequest, repository: StandinRepository) =>
  `${request.baseUrl}/repos/${repository.owner}/${repository.repo}`;

function renderRef(request: RouteRequest, repository: StandinRepository, ref: string, sha: string): unknown {
  const url = repoUrl(request, repository);
  return {
    ref,
    node_id: `REF_${Buffer.from(ref).toString('base64url')}`,
    url: `${url}/git/${ref}`,
    object: { type: 'commit', sha, url: `${url}/git/commits/${sha}` },
  };
}

function renderCommit(request: RouteRequest, repository: StandinRepository, commit: StoredGitCommit): unknown {
  const url = repoUrl(request, repository);
  const web = `https://github.com/${repository.owner}/${repository.repo}`;
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha}`,
    url: `${url}/git/commits/${commit.sha}`,
    html_url: `${web}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.author,
    tree: { sha: commit.tree, url: `${url}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((sha) => ({ sha, url: `${url}/git/commits/${sha}`, html_url: `${web}/commit/${sha}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/** `{ref}` in the path is the name without `refs/` (`harness/lease/issue-3`), slashes literal or encoded. */
const fullRef = (request: RouteRequest) => `refs/${request.params.ref ?? ''}`;

/** A commit the API made, or one of the test's bare repository (a branch head). */
const commitExists = (repository: StandinRepository, git: GitDataState, sha: string) =>
  git.commits.has(sha) || pullsOf(repository).resolveRef(sha) === sha;

function createTree(request: RouteRequest, git: GitDataState): RouteResponse {
  const body = asObject(request.body);
  const base = typeof body.base_tree === 'string' ? git.trees.get(body.base_tree) : [];
  if (base === undefined) return validationFailed('base_tree is not a valid tree oid');
  const entries = new Map<string, StoredTreeEntry>(base.map((e) => [e.path, e]));
  for (const raw of Array.isArray(body.tree) ? body.tree : []) {
    const item = asObject(raw);
    const path = typeof item.path === 'string' ? item.path : '';
    if (typeof item.content === 'string' && typeof item.sha === 'string')
      return validationFailed('Must supply either tree.sha or tree.content, not both');
    if (item.sha === null) entries.delete(path);
    else if (typeof item.content === 'string') {
      const sha = storeBlob(git, item.content);
      entries.set(path, { path, mode: String(item.mode), type: 'blob', sha, size: Buffer.byteLength(item.content) });
    } else if (typeof item.sha === 'string')
      entries.set(path, { path, mode: String(item.mode), type: item.type as StoredTreeEntry['type'], sha: item.sha });
  }
  if (entries.size === 0) return validationFailed('Invalid tree info');
  const sha = storeTree(git, [...entries.values()]);
  const url = `${request.baseUrl}/repos/${request.params.owner}/${request.params.repo}/git`;
  return {
    status: 201,
    body: {
      sha,
      url: `${url}/trees/${sha}`,
      tree: (git.trees.get(sha) ?? []).map((e) => ({ ...e, url: `${url}/${e.type}s/${e.sha}` })),
      truncated: false,
    },
  };
}

function createCommit(
  request: RouteRequest,
  store: StateStore,
  found: { repository: StandinRepository; git: GitDataState },
) {
  const body = asObject(request.body);
  const tree = String(body.tree);
  if (!found.git.trees.has(tree)) return validationFailed('Tree SHA does not exist');
  const parents = (Array.isArray(body.parents) ? body.parents : []).map(String);
  if (parents.some((p) => !commitExists(found.repository, found.git, p)))
    return validationFailed('Parent SHA does not exist or is not a commit object');
  const author = asObject(body.author);
  const commit = storeCommit(found.git, {
    tree,
    parents,
    message: String(body.message),
    author: {
      name: typeof author.name === 'string' ? author.name : 'harness-bot[bot]',
      email: typeof author.email === 'string' ? author.email : 'harness-bot@users.noreply.github.com',
      date: typeof author.date === 'string' ? author.date : store.now().toISOString(),
    },
  });
  return { status: 201, body: renderCommit(request, found.repository, commit) };
}

function createRef(request: RouteRequest, found: { repository: StandinRepository; git: GitDataState }) {
  const body = asObject(request.body);
  const ref = String(body.ref);
  const sha = String(body.sha);
  if (!ref.startsWith('refs/') || ref.split('/').length < 3) return validationFailed(`${ref} is not a valid ref name.`);
  if (found.git.refs.has(ref)) return validationFailed('Reference already exists');
  if (!commitExists(found.repository, found.git, sha)) return validationFailed('Object does not exist');
  found.git.refs.set(ref, sha);
  return { status: 201, body: renderRef(request, found.repository, ref, sha) };
}

function updateRef(request: RouteRequest, found: { repository: StandinRepository; git: GitDataState }) {
  const body = asObject(request.body);
  const ref = fullRef(request);
  const current = found.git.refs.get(ref);
  if (current === undefined) return validationFailed('Reference does not exist');
  const sha = String(body.sha);
  if (!commitExists(found.repository, found.git, sha)) return validationFailed('Object does not exist');
  if (body.force !== true && !descendsFrom(found.git, sha, current))
    return validationFailed('Update is not a fast forward');
  found.git.refs.set(ref, sha);
  return { status: 200, body: renderRef(request, found.repository, ref, sha) };
}

const routed =
  (
    handle: (
      request: RouteRequest,
      found: { repository: StandinRepository; git: GitDataState },
      store: StateStore,
    ) => RouteResponse,
  ) =>
  (request: RouteRequest, store: StateStore): RouteResponse => {
    const found = find(request, store);
    return 'response' in found ? found.response : handle(request, found, store);
  };

export const gitDataRoutes: Route[] = [
  { method: 'POST', template: '/repos/{owner}/{repo}/git/trees', handle: routed((r, f) => createTree(r, f.git)) },
  { method: 'POST', template: '/repos/{owner}/{repo}/git/commits', handle: routed((r, f, s) => createCommit(r, s, f)) },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/git/commits/{commit_sha}',
    handle: routed((request, found) => {
      const commit = found.git.commits.get(request.params.commit_sha ?? '');
      return commit === undefined ? notFound() : { status: 200, body: renderCommit(request, found.repository, commit) };
    }),
  },
  { method: 'POST', template: '/repos/{owner}/{repo}/git/refs', handle: routed((r, f) => createRef(r, f)) },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/git/ref/{ref}',
    handle: routed((request, found) => {
      const sha = found.git.refs.get(fullRef(request));
      return sha === undefined
        ? notFound()
        : { status: 200, body: renderRef(request, found.repository, fullRef(request), sha) };
    }),
  },
  { method: 'PATCH', template: '/repos/{owner}/{repo}/git/refs/{ref}', handle: routed((r, f) => updateRef(r, f)) },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/git/refs/{ref}',
    handle: routed((request, found) => {
      if (!found.git.refs.delete(fullRef(request))) return validationFailed('Reference does not exist');
      return { status: 204 };
    }),
  },
];

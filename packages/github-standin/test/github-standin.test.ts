// The stand-in itself: GitHub's habits, and violations recorded for requests GitHub would refuse.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GithubStandin } from '../src/index.js';
import { faults, startGithubStandin } from '../src/index.js';

let standin: GithubStandin;

beforeEach(async () => {
  standin = await startGithubStandin();
  standin.state.addToken('t');
  standin.state.addRepository('o/r');
});

afterEach(async () => {
  await standin.close();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${standin.url}${path}`, {
    method,
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
}

const ruleset = {
  name: 'main',
  enforcement: 'active',
  rules: [{ type: 'deletion' }],
  bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole' }],
};

describe('startGithubStandin', () => {
  it('answers like GitHub: summaries in the list, defaults filled in, a partial PUT', async () => {
    const created = await call('POST', '/repos/o/r/rulesets', ruleset);
    expect(created.status).toBe(201);
    const id = (created.body as { id: number }).id;
    expect(created.body).toMatchObject({
      target: 'branch',
      source_type: 'Repository',
      source: 'o/r',
      bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
      conditions: null,
    });
    const list = await call('GET', '/repos/o/r/rulesets');
    expect(list.body).toEqual([expect.not.objectContaining({ rules: expect.anything() })]);
    // Fields left out stay; fields sent are replaced whole.
    await call('PUT', `/repos/o/r/rulesets/${id}`, { enforcement: 'disabled' });
    expect((await call('GET', `/repos/o/r/rulesets/${id}`)).body).toMatchObject({
      enforcement: 'disabled',
      rules: [{ type: 'deletion' }],
      bypass_actors: [expect.anything()],
    });
    await call('PUT', `/repos/o/r/rulesets/${id}`, { bypass_actors: [] });
    expect((await call('GET', `/repos/o/r/rulesets/${id}`)).body).toMatchObject({ bypass_actors: [] });
    expect(standin.violations).toEqual([]);
  });

  it('answers 422 to an invalid request and records it', async () => {
    const answer = await call('PUT', '/repos/o/r/rulesets/1', { bypass_actors: null, id: 1 });
    expect(answer.status).toBe(422);
    expect(standin.violations).toEqual([
      expect.stringContaining('body /bypass_actors must be array'),
      expect.stringContaining('body has the unknown top-level key "id"'),
    ]);
  });

  it('pages the list with a Link header', async () => {
    for (const name of ['a', 'b', 'c']) standin.state.addRuleset('o/r', { name, enforcement: 'active' });
    const first = await call('GET', '/repos/o/r/rulesets?per_page=2');
    expect(first.body).toHaveLength(2);
    expect(first.headers.get('link')).toBe(`<${standin.url}/repos/o/r/rulesets?per_page=2&page=2>; rel="next"`);
  });

  it('injects faults and refuses unknown tokens', async () => {
    standin.inject(faults.secondaryRateLimit(7));
    const limited = await call('GET', '/repos/o/r/rulesets');
    expect(limited).toMatchObject({ status: 429 });
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await call('GET', '/repos/o/r/rulesets')).status).toBe(200);
    const anonymous = await fetch(`${standin.url}/repos/o/r/rulesets`);
    expect(anonymous.status).toBe(401);
    expect(standin.violations).toEqual([]);
  });
});

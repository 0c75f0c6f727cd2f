// GitHub REST errors as harness errors (exit 2) with a fix a person can act on
// (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api).
import type { ErrorCode } from 'agent-harness-diagnostics';
import { HarnessError } from 'agent-harness-diagnostics';

/** What the fix for a missing or refused token says: which token, which permission. */
export const tokenFix =
  'Export a token as GITHUB_TOKEN: a fine-grained personal access token for this repository with ' +
  '"Administration: Read and write" (needed by `rulesets apply`; reading needs only "Metadata: Read-only"), ' +
  'or a classic token with the `repo` scope. With the GitHub CLI: export GITHUB_TOKEN="$(gh auth token)".';

export interface GithubErrorContext {
  /** `owner/name`. */
  repository: string;
  /** What harness was doing, e.g. `update ruleset "main"`. */
  action: string;
  apiUrl: string;
}

interface RequestErrorLike {
  status: number;
  message: string;
  response?: { headers: Record<string, string | number | undefined>; data?: unknown };
}

function isRequestError(error: unknown): error is RequestErrorLike {
  return error instanceof Error && typeof (error as Partial<RequestErrorLike>).status === 'number';
}

/** GitHub's `message` plus the messages of `errors[]` (422 validation errors). */
export function githubMessage(data: unknown, fallback: string): string {
  if (typeof data !== 'object' || data === null) return fallback;
  const body = data as { message?: unknown; errors?: unknown };
  const message = typeof body.message === 'string' ? body.message : fallback;
  const details = Array.isArray(body.errors)
    ? body.errors
        .map((e: unknown) =>
          typeof e === 'string'
            ? e
            : typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string'
              ? (e as { message: string }).message
              : undefined,
        )
        .filter((m): m is string => m !== undefined && m !== message)
    : [];
  return details.length === 0 ? message : `${message}: ${details.join('; ')}`;
}

const planGate = /upgrade to github pro|make this repository public/i;

/** Whether a response says the rate limit is used up (primary or secondary). */
export function isRateLimited(
  status: number,
  headers: Record<string, string | number | undefined>,
  message: string,
): boolean {
  if (status !== 403 && status !== 429) return false;
  return status === 429 || String(headers['x-ratelimit-remaining']) === '0' || /rate limit/i.test(message);
}

/** Any error from an Octokit call → a HarnessError; a HarnessError passes through. */
export function toHarnessError(error: unknown, context: GithubErrorContext): HarnessError {
  if (error instanceof HarnessError) return error;
  if (!isRequestError(error)) {
    return new HarnessError(
      'GITHUB_UNREACHABLE',
      `cannot reach the GitHub API at ${context.apiUrl}: ${String(error)}`,
      { cause: error, fix: unreachableFix(context) },
    );
  }
  if (error.response === undefined) {
    return new HarnessError(
      'GITHUB_UNREACHABLE',
      `cannot reach the GitHub API at ${context.apiUrl} to ${context.action}: ${error.message}`,
      { cause: error, fix: unreachableFix(context) },
    );
  }
  const answer: GithubAnswer = {
    status: error.status,
    headers: error.response.headers,
    message: githubMessage(error.response.data, error.message),
  };
  const said = `GitHub said: ${answer.message} (${answer.status})`;
  const rule = statusRules.find((r) => r.matches(answer)) ?? otherFailure;
  return new HarnessError(rule.code, rule.what(context, said), { cause: error, fix: rule.fix(answer) });
}

/** GitHub's answer to a failed request, as the status rules read it. */
interface GithubAnswer {
  status: number;
  headers: Record<string, string | number | undefined>;
  message: string;
}

interface StatusRule {
  matches: (answer: GithubAnswer) => boolean;
  code: ErrorCode;
  what: (context: GithubErrorContext, said: string) => string;
  fix: (answer: GithubAnswer) => string;
}

/** The first rule that matches names the error; the order matters (a rate-limited 403 is not a permission problem). */
const statusRules: readonly StatusRule[] = [
  {
    matches: (a) => a.status === 401,
    code: 'GITHUB_AUTH',
    what: (c, said) =>
      `GitHub rejected the token in GITHUB_TOKEN while trying to ${c.action} on ${c.repository}. ${said}`,
    fix: () => `The token is wrong, expired or revoked. ${tokenFix}`,
  },
  {
    matches: (a) => isRateLimited(a.status, a.headers, a.message),
    code: 'GITHUB_RATE_LIMITED',
    what: (c, said) => `GitHub's rate limit stopped harness from trying to ${c.action} on ${c.repository}. ${said}`,
    fix: (a) => {
      const after = a.headers['retry-after'] ?? resetIn(a.headers['x-ratelimit-reset']);
      return after === undefined
        ? 'Wait a few minutes and run the command again.'
        : `Run the command again in ${after} seconds.`;
    },
  },
  {
    matches: (a) => a.status === 403 && planGate.test(a.message),
    code: 'GITHUB_FORBIDDEN',
    what: (c, said) =>
      `${c.repository} is private and its GitHub plan does not include rulesets (GitHub's plan gate, not a token problem). ${said}`,
    fix: () =>
      'Make the repository public, or move its owner to GitHub Pro, Team or Enterprise. No token or permission works around the plan gate.',
  },
  {
    matches: (a) => a.status === 403,
    code: 'GITHUB_FORBIDDEN',
    what: (c, said) => `the token in GITHUB_TOKEN may not ${c.action} on ${c.repository}. ${said}`,
    fix: () => tokenFix,
  },
  {
    matches: (a) => a.status === 404,
    code: 'GITHUB_NOT_FOUND',
    what: (c, said) =>
      `GitHub has no repository ${c.repository} that this token can see (while trying to ${c.action}). ${said}`,
    fix: () =>
      `Check the repository name (--repo, GITHUB_REPOSITORY or the origin remote) and that the token can see it: a fine-grained token must list the repository, a classic token needs the \`repo\` scope for private repositories. ${tokenFix}`,
  },
  {
    matches: (a) => a.status === 422,
    code: 'GITHUB_INVALID',
    what: (c, said) => `GitHub refused to ${c.action} on ${c.repository}. ${said}`,
    fix: () =>
      'Correct the field GitHub names in the ruleset file, or export a working ruleset with `harness rulesets export` and compare.',
  },
];

const otherFailure: StatusRule = {
  matches: () => true,
  code: 'GITHUB_UNREACHABLE',
  what: (c, said) => `GitHub failed to ${c.action} on ${c.repository}. ${said}`,
  fix: () => 'GitHub may be having trouble (https://www.githubstatus.com); run the command again later.',
};

function resetIn(reset: string | number | undefined): number | undefined {
  if (reset === undefined) return undefined;
  const seconds = Math.ceil(Number(reset) - Date.now() / 1000);
  return Number.isFinite(seconds) ? Math.max(seconds, 0) : undefined;
}

function unreachableFix(context: GithubErrorContext): string {
  return `Check the network and GITHUB_API_URL (now ${context.apiUrl}; GitHub Enterprise Server uses https://HOST/api/v3).`;
}

// Fault injection: the next matching request(s) get an error response instead
// of the route's answer, shaped like GitHub's own
// (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api).

export interface Fault {
  /** Only requests with this method (any when absent). */
  method?: string;
  /** Only requests whose path matches (any when absent). */
  path?: RegExp;
  status: number;
  body: { message: string; documentation_url?: string; errors?: unknown[]; status?: string };
  headers?: Record<string, string>;
  /** How many matching requests fail (1). */
  times?: number;
  /** Let this many matching requests through first (0). */
  after?: number;
}

type FaultOptions = Pick<Fault, 'method' | 'path' | 'times' | 'after'>;

const docs = 'https://docs.github.com/rest';

export const faults = {
  badCredentials: (options: FaultOptions = {}): Fault => ({
    ...options,
    status: 401,
    body: { message: 'Bad credentials', documentation_url: docs, status: '401' },
  }),
  planGate: (options: FaultOptions = {}): Fault => ({
    ...options,
    status: 403,
    body: {
      message: 'Upgrade to GitHub Pro or make this repository public to enable this feature.',
      documentation_url: docs,
      status: '403',
    },
  }),
  forbidden: (options: FaultOptions = {}): Fault => ({
    ...options,
    status: 403,
    body: { message: 'Resource not accessible by personal access token', documentation_url: docs, status: '403' },
  }),
  notFound: (options: FaultOptions = {}): Fault => ({
    ...options,
    status: 404,
    body: { message: 'Not Found', documentation_url: docs, status: '404' },
  }),
  invalid: (message: string, options: FaultOptions = {}): Fault => ({
    ...options,
    status: 422,
    body: { message: 'Validation Failed', errors: [message], documentation_url: docs, status: '422' },
  }),
  /** GitHub's secondary rate limit: 429 with Retry-After (seconds). */
  secondaryRateLimit: (retryAfterSeconds: number, options: FaultOptions = {}): Fault => ({
    ...options,
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: docs,
      status: '429',
    },
  }),
  /** The primary rate limit used up: 403 with x-ratelimit-remaining 0 and the reset time. */
  rateLimit: (resetInSeconds: number, options: FaultOptions = {}): Fault => ({
    ...options,
    status: 403,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds),
    },
    body: { message: 'API rate limit exceeded for user ID 1.', documentation_url: docs, status: '403' },
  }),
  serverError: (options: FaultOptions = {}): Fault => ({ ...options, status: 502, body: { message: 'Server Error' } }),
};

/** Takes the first fault that matches, counting down its `times`. */
export function takeFault(queue: Fault[], method: string, path: string): Fault | undefined {
  const index = queue.findIndex(
    (f) => (f.method === undefined || f.method === method) && (f.path === undefined || f.path.test(path)),
  );
  if (index === -1) return undefined;
  const fault = queue[index] as Fault;
  if ((fault.after ?? 0) > 0) {
    queue[index] = { ...fault, after: (fault.after ?? 0) - 1 };
    return undefined;
  }
  const left = (fault.times ?? 1) - 1;
  if (left <= 0) queue.splice(index, 1);
  else queue[index] = { ...fault, times: left };
  return fault;
}

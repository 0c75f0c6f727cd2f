// WORKFLOW.md's body as a Liquid template (liquidjs), strict as Symphony's: an unknown
// variable or filter is an error, never empty text. `{% if pr %}` tests a variable
// a turn may not have (the first turn has no PR) without failing.
import { HarnessError } from 'agent-harness-diagnostics';
import { Liquid } from 'liquidjs';
import type { Template } from 'liquidjs';

/** An unresolved review thread as the template sees it: `{% for t in pr.reviewThreads %}`. */
export interface ThreadVariable {
  path: string;
  line: number | null;
  outdated: boolean;
  comments: { user: string; body: string }[];
}

export interface PromptVariables {
  issue: { number: number; title: string; body: string; labels: string[] };
  pr?: { number: number; url: string; diffStat: string; reviewComments: string; reviewThreads: ThreadVariable[] };
  check?: { report: string; failing: string };
  attempt: number;
}

export interface PromptTemplate {
  file: string;
  render(variables: PromptVariables): Promise<string>;
}

const engine = new Liquid({ strictVariables: true, strictFilters: true, lenientIf: true, ownPropertyOnly: true });

/** Parses the template; a syntax error is a HarnessError at file:line. `firstLine`: lines above the body. */
export function compilePrompt(body: string, file: string, firstLine: number): PromptTemplate {
  let parsed: Template[];
  try {
    parsed = engine.parse(body, file);
  } catch (error) {
    throw templateError(error, file, firstLine);
  }
  return {
    file,
    async render(variables) {
      try {
        return String(await engine.render(parsed, { ...variables }));
      } catch (error) {
        throw templateError(error, file, firstLine);
      }
    },
  };
}

function templateError(error: unknown, file: string, firstLine: number): HarnessError {
  const message = error instanceof Error ? error.message : String(error);
  const token = (error as { token?: { getPosition?: () => number[] } }).token;
  const line = (token?.getPosition?.()[0] ?? 1) + firstLine;
  const summary = message.split(/, line:\d+/)[0] ?? message;
  return new HarnessError('CONFIG_INVALID', `${file}:${line}: the prompt template: ${summary}`, {
    place: { file, line },
    fix: 'Use only the variables listed in docs/factory.md "The prompt in the repo"; test optional ones with {% if pr %}.',
  });
}

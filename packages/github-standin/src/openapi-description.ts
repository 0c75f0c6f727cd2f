// GitHub's published OpenAPI description of api.github.com, from npm
// `@octokit/openapi` (https://github.com/octokit/openapi). Only
// `generated/api.github.com.json` is loaded: the package's index loads all ten
// variants (hundreds of MB).
import { createRequire } from 'node:module';

type Schema = { [key: string]: unknown };

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: (OpenApiParameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: Schema }> }>;
}

export interface OpenApiDescription {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, OpenApiParameter>;
    responses: Record<string, unknown>;
  };
}

let loaded: OpenApiDescription | undefined;

/** The description, parsed once per process (13 MB, about 0.2 s). */
export function loadOpenApiDescription(): OpenApiDescription {
  loaded ??= createRequire(import.meta.url)('@octokit/openapi/generated/api.github.com.json') as OpenApiDescription;
  return loaded;
}

/** The operation's parameters with `#/components/parameters/…` references resolved. */
export function operationParameters(description: OpenApiDescription, operation: OpenApiOperation): OpenApiParameter[] {
  return (operation.parameters ?? []).map((parameter) => {
    if (!('$ref' in parameter)) return parameter;
    const name = parameter.$ref.replace('#/components/parameters/', '');
    const resolved = description.components.parameters[name];
    if (resolved === undefined) throw new Error(`the OpenAPI description has no parameter ${parameter.$ref}`);
    return resolved;
  });
}

/** `/repos/{owner}/{repo}` matched against `/repos/o/r` → {owner: 'o', repo: 'r'}; undefined when it does not match. */
export function matchPathTemplate(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (match === null) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
}

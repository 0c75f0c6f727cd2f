// Checks a request (path and query parameters, JSON body) and the stand-in's
// own response against the operation in GitHub's OpenAPI description, with Ajv
// (https://ajv.js.org). Returns readable violations; an empty list means valid.
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDescription, OpenApiOperation, OpenApiParameter } from './openapi-description.js';
import { loadOpenApiDescription, operationParameters } from './openapi-description.js';
import { addTypeDiscriminators, rewriteNullable } from './schema-rewrite.js';

type Schema = { [key: string]: unknown };

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface ValidatedRequest {
  method: string;
  /** The OpenAPI path template, e.g. `/repos/{owner}/{repo}/rulesets/{ruleset_id}`. */
  template: string;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface RequestValidator {
  /** The operation for a method and template, or undefined when GitHub has none. */
  operation(method: string, template: string): OpenApiOperation | undefined;
  validateRequest(request: ValidatedRequest): string[];
  validateResponse(method: string, template: string, status: number, body: unknown): string[];
}

const schemaId = 'https://api.github.com/openapi.json';

export function createRequestValidator(description: OpenApiDescription = loadOpenApiDescription()): RequestValidator {
  const components = rewriteNullable(description.components) as Schema;
  const document: Schema = { $id: schemaId, components };
  addTypeDiscriminators(document);
  const ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
  addFormats(ajv);
  // GitHub's own format for "owner/name" (pulls/create `head_repo`); any string passes, as on GitHub.
  ajv.addFormat('repo.nwo', true);
  ajv.addSchema(document);
  const compiled = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: unknown): ValidateFunction => {
    let validate = compiled.get(key);
    if (validate === undefined) {
      // Refs like `#/components/schemas/x` resolve against the document above.
      const rewritten = rewriteNullable(schema) as Schema;
      addTypeDiscriminators({ ...document, rewritten });
      validate = ajv.compile({ $id: `${schemaId}/${encodeURIComponent(key)}`, ...retarget(rewritten) });
      compiled.set(key, validate);
    }
    return validate;
  };
  const operation = (method: string, template: string) => description.paths[template]?.[method.toLowerCase()];

  return {
    operation,
    validateRequest(request) {
      const op = operation(request.method, request.template);
      if (op === undefined) return [`${request.method} ${request.template} is not an operation of the GitHub REST API`];
      const where = `${request.method} ${request.template} (${op.operationId})`;
      const violations = checkParameters(operationParameters(description, op), request, (key, schema) =>
        compile(`${where} ${key}`, schema),
      ).map((v) => `${where}: ${v}`);
      violations.push(...checkBody(op, request, compile, where).map((v) => `${where}: ${v}`));
      return violations;
    },
    validateResponse(method, template, status, body) {
      const op = operation(method, template);
      const response = op?.responses[String(status)];
      if (op === undefined || response === undefined)
        return [`${method} ${template} has no ${status} response in GitHub's description`];
      const schema = response.content?.['application/json']?.schema;
      if (schema === undefined) return [];
      const validate = compile(`${method} ${template} response ${status}`, schema);
      return validate(body)
        ? []
        : formatErrors(validate.errors, 'response').map(
            (e) => `${method} ${template} (${op.operationId}) ${status}: ${e}`,
          );
    },
  };
}

/** Inline schemas refer to `#/components/…` of the whole description: point them at its $id. */
function retarget(schema: unknown): Schema {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        key === '$ref' && typeof child === 'string' && child.startsWith('#/') ? `${schemaId}${child}` : visit(child),
      ]),
    );
  };
  return visit(schema) as Schema;
}

function checkParameters(
  parameters: OpenApiParameter[],
  request: ValidatedRequest,
  compile: (key: string, schema: unknown) => ValidateFunction,
): string[] {
  const violations: string[] = [];
  const known = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of new Set(request.query.keys())) {
    if (!known.has(name)) violations.push(`unknown query parameter "${name}"`);
  }
  for (const parameter of parameters) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue;
    const raw =
      parameter.in === 'path' ? request.pathParams[parameter.name] : (request.query.get(parameter.name) ?? undefined);
    if (raw === undefined) {
      if (parameter.required === true)
        violations.push(`missing required ${parameter.in} parameter "${parameter.name}"`);
      continue;
    }
    const value = coerce(raw, parameter.schema);
    const validate = compile(`${parameter.in} ${parameter.name}`, parameter.schema ?? {});
    if (!validate(value))
      violations.push(...formatErrors(validate.errors, `${parameter.in} parameter "${parameter.name}"="${raw}"`));
  }
  return violations;
}

/** Query and path values are strings on the wire; the schema says what they stand for. */
function coerce(raw: string, schema: Schema | undefined): unknown {
  if (schema?.type === 'integer' || schema?.type === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (schema?.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

function checkBody(
  op: OpenApiOperation,
  request: ValidatedRequest,
  compile: (key: string, schema: unknown) => ValidateFunction,
  where: string,
): string[] {
  const schema = op.requestBody?.content['application/json']?.schema;
  if (schema === undefined) return request.body === undefined ? [] : ['a body was sent but the operation takes none'];
  if (request.body === undefined) return op.requestBody?.required === true ? ['the request body is required'] : [];
  const validate = compile(`${where} body`, schema);
  const violations = validate(request.body) ? [] : formatErrors(validate.errors, 'body');
  // GitHub's schemas rarely forbid extra keys; a stray top-level key (an `id` left in) is a bug worth catching.
  const properties = schema.properties;
  if (
    typeof request.body === 'object' &&
    request.body !== null &&
    !Array.isArray(request.body) &&
    typeof properties === 'object' &&
    properties !== null
  ) {
    for (const key of Object.keys(request.body)) {
      if (!(key in properties))
        violations.push(`body has the unknown top-level key "${key}" (known: ${Object.keys(properties).join(', ')})`);
    }
  }
  return violations;
}

function formatErrors(errors: ErrorObject[] | null | undefined, what: string): string[] {
  return (errors ?? []).map((error) => {
    if (error.keyword === 'discriminator') {
      const { tag, tagValue } = error.params as { tag: string; tagValue: unknown };
      return `${what} ${error.instancePath} has ${tag} ${JSON.stringify(tagValue)}, which is not one of the ${tag}s GitHub's description allows`;
    }
    const detail =
      error.keyword === 'enum'
        ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
        : '';
    return `${what}${error.instancePath === '' ? '' : ` ${error.instancePath}`} ${error.message ?? error.keyword}${detail}`;
  });
}

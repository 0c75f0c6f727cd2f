// Makes GitHub's OpenAPI 3.0 schemas (https://spec.openapis.org/oas/v3.0.3#schema-object)
// compile with Ajv's JSON Schema: `nullable` without a `type` becomes
// `anyOf [X, null]`, and a `oneOf` whose branches each fix `type` to one value
// gets a discriminator, so an invalid rule yields its own errors, not 23 branches'. A discriminator with a
// `mapping`, which Ajv does not support, is dropped.

type Schema = { [key: string]: unknown };

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy with every `nullable: true` expressed in JSON Schema terms. */
export function rewriteNullable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteNullable);
  if (!isSchema(value)) return value;
  const out: Schema = {};
  for (const [key, child] of Object.entries(value)) {
    // `properties`, `components.schemas`: maps of names to schemas, not schemas themselves.
    out[key] = rewriteNullable(child);
  }
  // Ajv's discriminator knows no `mapping` (GET /user's private-user | public-user): the oneOf alone decides.
  if (isSchema(out.discriminator) && out.discriminator.mapping !== undefined) delete out.discriminator;
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    return out;
  }
  if (Array.isArray(out.type)) return out;
  // No type: the schema itself (a $ref, anyOf, allOf…) or null.
  const description = out.description;
  delete out.description;
  return { ...(description === undefined ? {} : { description }), anyOf: [out, { type: 'null' }] };
}

/** Adds `discriminator: {propertyName: "type"}` to every oneOf whose branches fix `type` (resolving local $refs). */
export function addTypeDiscriminators(root: Schema): void {
  const resolve = (schema: unknown): Schema | undefined => {
    if (!isSchema(schema)) return undefined;
    if (typeof schema.$ref !== 'string') return schema;
    const pointer = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = root;
    for (const part of pointer) node = isSchema(node) ? node[part] : undefined;
    return isSchema(node) ? node : undefined;
  };
  const fixesType = (branch: unknown): boolean => {
    const schema = resolve(branch);
    const properties = schema?.properties;
    const type = isSchema(properties) ? properties.type : undefined;
    const required = schema?.required;
    return (
      isSchema(type) &&
      Array.isArray(type.enum) &&
      type.enum.length === 1 &&
      Array.isArray(required) &&
      required.includes('type')
    );
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isSchema(value)) return;
    if (
      Array.isArray(value.oneOf) &&
      value.oneOf.length > 1 &&
      value.discriminator === undefined &&
      value.oneOf.every(fixesType)
    ) {
      value.discriminator = { propertyName: 'type' };
      if (value.type === undefined) value.type = 'object';
      const required = Array.isArray(value.required) ? (value.required as string[]) : [];
      if (!required.includes('type')) value.required = [...required, 'type'];
    }
    for (const child of Object.values(value)) visit(child);
  };
  visit(root);
}

// The generated parts of docs/contract.md: the command list (from the CLI's command table), the
// config reference (from the config package's JSON Schema) and the rule ids (from every registered
// check). Each part sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`; the
// prose around them is written by hand and kept as it is.

/** Replaces the body between the markers of `name`; throws when the markers are missing. */
export function replaceGenerated(text, name, body) {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) {
    throw new Error(`docs/contract.md: the markers ${start} and ${end} are missing or out of order`);
  }
  return `${text.slice(0, from + start.length)}\n${body.trimEnd()}\n${text.slice(to)}`;
}

/** One row per command, linked to its section of docs/cli.md. */
export function renderCommandList(commands) {
  const rows = commands.map((c) => {
    const name = `harness ${c.name}`;
    return `| [\`${name}\`](cli.md#${name.replaceAll(' ', '-')}) | ${cell(c.summary)} |`;
  });
  return ['| command | what it does |', '| --- | --- |', ...rows].join('\n');
}

/** Every key of harness.config.yaml, section by section, with its type, default and meaning. */
export function renderConfigReference(schema) {
  const parts = [];
  for (const [section, node] of Object.entries(schema.properties)) {
    parts.push(`### \`${section}\``, '', `${node.description ?? ''} Type: ${typeOf(node)}.`.trim(), '');
    const rows = keyRows(node, section, 0);
    if (rows.length > 0) parts.push('| key | type | default | meaning |', '| --- | --- | --- | --- |', ...rows, '');
  }
  return parts.join('\n');
}

/** Rows for the keys under `node` (an object, or a list of objects), as full key paths: `budgets[].name`. */
function keyRows(node, path, depth) {
  const holder = node.type === 'array' ? node.items : node;
  const fields = holder?.properties;
  if (fields === undefined || depth > 2) return [];
  const prefix = node.type === 'array' ? `${path}[].` : `${path}.`;
  const required = new Set(holder.required ?? []);
  const rows = [];
  for (const [key, child] of Object.entries(fields)) {
    const fallback = 'default' in child ? code(shown(child.default)) : required.has(key) ? 'required' : 'none';
    const meaning = child.description ?? '';
    rows.push(`| \`${prefix}${key}\` | ${cell(typeOf(child))} | ${cell(fallback)} | ${cell(meaning)} |`);
    rows.push(...keyRows(child, `${prefix}${key}`, depth + 1));
  }
  return rows;
}

function typeOf(node) {
  if (node.const !== undefined) return code(shown(node.const));
  if (node.enum !== undefined) return node.enum.map((v) => code(shown(v))).join(' or ');
  const variants = node.anyOf ?? node.oneOf;
  if (variants !== undefined) return variants.map(typeOf).join(' or ');
  if (node.type === 'array') return `list of ${typeOf(node.items ?? {})}`;
  if (node.type === 'object' && node.properties === undefined && typeof node.additionalProperties === 'object') {
    return `map of ${typeOf(node.additionalProperties)}`;
  }
  return node.type ?? 'any';
}

/** A value as it is written in YAML: strings bare, everything else as JSON. */
function shown(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The rule ids of every check, each linked to its section in docs/rules/. */
export function renderRuleIds(checks) {
  const rows = checks.map(({ name, ids }) => {
    const links = ids.map((id) => `[\`${id}\`](rules/${name}.md#${id.slice(id.indexOf('/') + 1)})`);
    return `| \`${name}\` | ${links.join(', ')} |`;
  });
  return ['| check | rule ids |', '| --- | --- |', ...rows].join('\n');
}

function code(text) {
  return `\`${text}\``;
}

function cell(text) {
  return String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
}

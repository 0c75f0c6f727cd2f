// `{{name}}` placeholders in the files under templates/. GitHub expressions
// (`${{ github.ref }}`) have spaces inside the braces and are left alone.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { templatesDir } from './templates-dir.js';

const placeholder = /\{\{([A-Za-z][A-Za-z0-9]*)\}\}/g;

export type TemplateValues = Readonly<Record<string, string>>;

/**
 * Fills every placeholder. A placeholder alone on its line takes a multi-line
 * value indented like the placeholder; a missing value is a bug and throws.
 */
export function fillTemplate(text: string, values: TemplateValues, name = 'template'): string {
  const lines = text.split('\n').map((line) => {
    const alone = /^(\s*)\{\{([A-Za-z][A-Za-z0-9]*)\}\}\s*$/.exec(line);
    if (alone !== null) {
      const [, indent = '', key = ''] = alone;
      return valueOf(values, key, name)
        .split('\n')
        .map((part) => (part === '' ? '' : indent + part))
        .join('\n');
    }
    return line.replace(placeholder, (_, key: string) => valueOf(values, key, name));
  });
  return lines.join('\n');
}

/** The placeholder names a template uses, for tests that keep templates and code in step. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(placeholder)].map((m) => m[1] ?? ''))].sort();
}

export async function readTemplate(relativePath: string): Promise<string> {
  return readFile(join(templatesDir(), relativePath), 'utf8');
}

export async function renderTemplate(relativePath: string, values: TemplateValues): Promise<string> {
  return fillTemplate(await readTemplate(relativePath), values, relativePath);
}

function valueOf(values: TemplateValues, key: string, name: string): string {
  const value = values[key];
  if (value === undefined) throw new Error(`${name}: no value for the placeholder {{${key}}}`);
  return value;
}

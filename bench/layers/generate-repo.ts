// Generates a layered TypeScript repository for the layers benchmark and the correctness oracle:
// the six default layers in every domain, providers, cross-cutting platform code, shared utils, a
// tsconfig `paths` alias, `.js` specifiers for `.ts` sources, type-only and dynamic imports,
// re-exports through each domain's index file, and about 1% deliberate violations.
// Deterministic: the same options give the same bytes. Runs under Node's type stripping.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const benchLayers = ['types', 'config', 'repo', 'service', 'runtime', 'ui'] as const;

export interface GenerateOptions {
  /** Domains; each gets every layer. */
  domains: number;
  /** Files per layer per domain. */
  filesPerLayer: number;
  /** Filler functions per file: about 250 bytes each. */
  fillerFunctions: number;
}

/** ~5,000 files, ~60 MB: the size the issue asks for. */
export const fullSize: GenerateOptions = { domains: 40, filesPerLayer: 20, fillerFunctions: 36 };

export interface GeneratedRepo {
  files: number;
  bytes: number;
}

const harnessConfig = `version: 1
layers:
  domains: ["src/domains/*"]
  order: [types, config, repo, service, runtime, ui]
  providers: ["src/providers"]
  crossCutting: ["src/platform/**", "npm:@opentelemetry/*"]
  shared: ["src/utils"]
  crossDomain: public-api
  packages:
    repo: ["pg"]
    ui: ["react"]
  # Four contracts over the same graph (dependency-cruiser-config.ts has the equivalent rules).
  contracts:
    - name: tiers
      type: layers
      layers:
        utils: ["src/utils/**"]
        platform: ["src/platform/**"]
        providers: ["src/providers/**"]
        domains: ["src/domains/**"]
    - name: layer-segments
      type: layers
      segments: [types, config, repo, service, runtime, ui]
    - name: domains-not-platform
      type: forbidden
      from: ["src/domains/**"]
      to: ["src/platform/**"]
    - name: domains-independent
      type: independent
      modules: ["src/domains/*"]
      except:
        - to: ["src/domains/*/index.ts"]
`;

export async function generateLayeredRepo(root: string, options: GenerateOptions): Promise<GeneratedRepo> {
  await rm(root, { recursive: true, force: true });
  const random = seeded(42);
  const files = new Map<string, string>();
  const shared = 60;
  const providers = 50;
  files.set('package.json', `${JSON.stringify({ name: 'bench-layers', private: true, type: 'module' }, null, 2)}\n`);
  files.set(
    'tsconfig.json',
    `${JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, baseUrl: '.', paths: { '@/*': ['src/*'] } }, include: ['src'] }, null, 2)}\n`,
  );
  files.set('harness.config.yaml', harnessConfig);
  for (let i = 0; i < shared; i++) {
    const imports = i > 0 ? [`import { util${i - 1} } from './util-${i - 1}.js';`] : [];
    files.set(`src/utils/util-${i}.ts`, module(imports, `util${i}`, options.fillerFunctions, random));
  }
  for (let i = 0; i < 50; i++) {
    files.set(
      `src/platform/platform-${i}.ts`,
      module(
        [`import { util${i % shared} } from '../utils/util-${i % shared}.js';`],
        `platform${i}`,
        options.fillerFunctions,
        random,
      ),
    );
  }
  for (let i = 0; i < providers; i++) {
    const imports = [
      `import { platform${i % 50} } from '../platform/platform-${i % 50}.js';`,
      `import { trace } from '@opentelemetry/api';`,
    ];
    files.set(`src/providers/provider-${i}.ts`, module(imports, `provider${i}`, options.fillerFunctions, random));
  }
  for (let d = 0; d < options.domains; d++) {
    const domain = `d${String(d).padStart(2, '0')}`;
    const exports: string[] = [];
    benchLayers.forEach((layer, l) => {
      for (let f = 0; f < options.filesPerLayer; f++) {
        const name = `${layer}${f}`;
        const imports: string[] = [];
        if (f > 0) imports.push(`import { ${domain}_${layer}${f - 1} } from './${layer}-${f - 1}.js';`);
        for (let k = 0; k < 3 && l > 0; k++) {
          const earlier = benchLayers[Math.floor(random() * l)] ?? 'types';
          const g = Math.floor(random() * options.filesPerLayer);
          const typeOnly = earlier === 'types' ? 'type ' : '';
          imports.push(
            `import ${typeOnly}{ ${domain}_${earlier}${g} as ${earlier}${g}_${k} } from '../${earlier}/${earlier}-${g}.js';`,
          );
        }
        const other = `d${String((d + 1 + Math.floor(random() * (options.domains - 1))) % options.domains).padStart(2, '0')}`;
        if (l >= 3 && other !== domain)
          imports.push(`import { ${other}_types0 as other_${f} } from '@/domains/${other}/index.js';`);
        if (l >= 2)
          imports.push(
            `import { provider${Math.floor(random() * providers)} } from '../../../providers/provider-${Math.floor(random() * providers)}.js';`,
          );
        imports.push(
          `import { util${Math.floor(random() * shared)} } from '@/utils/util-${Math.floor(random() * shared)}.js';`,
        );
        if (layer === 'repo') imports.push(`import pg from 'pg';`);
        if (layer === 'ui') imports.push(`import { useState } from 'react';`);
        if (layer === 'runtime' && f % 4 === 0)
          imports.push(`const lazy${f} = () => import('../service/service-${f}.js');`);
        if (layer === 'service' && f % 5 === 0) imports.push(`import { readFile } from 'node:fs/promises';`);
        // The deliberate violations, ~1% of the files each.
        const roll = random();
        if (roll < 0.01 && l < 5) imports.push(`import { ${domain}_ui0 } from '../ui/ui-0.js';`);
        else if (roll < 0.02 && other !== domain)
          imports.push(`import { ${other}_repo1 } from '../../${other}/repo/repo-1.js';`);
        else if (roll < 0.03)
          imports.push(`import { platform${f % 50} } from '../../../platform/platform-${f % 50}.js';`);
        else if (roll < 0.04 && layer !== 'repo') imports.push(`import { Pool } from 'pg';`);
        files.set(
          `src/domains/${domain}/${layer}/${layer}-${f}.ts`,
          module(imports, `${domain}_${name}`, options.fillerFunctions, random),
        );
        if (f === 0) exports.push(`export { ${domain}_${name} } from './${layer}/${layer}-0.js';`);
      }
    });
    files.set(`src/domains/${domain}/index.ts`, `${exports.join('\n')}\n`);
  }
  // A shared file that imports a domain: the shared-purity case.
  files.set(
    'src/utils/leaky.ts',
    module([`import type { d00_types0 } from '../domains/d00/types/types-0.js';`], 'leaky', 2, random),
  );
  let bytes = 0;
  for (const [path, text] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.size, bytes };
}

function module(imports: readonly string[], name: string, fillers: number, random: () => number): string {
  const body: string[] = [];
  for (let i = 0; i < fillers; i++) {
    const n = Math.floor(random() * 1000);
    body.push(
      `/** Computes step ${i} of ${name}; mentions import('nowhere') and require("nothing") only in text. */\n` +
        `function ${name}_step${i}(input: number): number {\n  const label = \`${name}:${i}:\${input}\`;\n  if (label.length > ${n}) return input * ${n} + ${i};\n  return /import\\(x\\)/.test(label) ? ${n} : input - ${i};\n}\n`,
    );
  }
  const calls = Array.from({ length: fillers }, (_, i) => `${name}_step${i}`).join(', ');
  return `${imports.join('\n')}\n\n${body.join('\n')}\nexport const ${name} = [${calls}];\n`;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

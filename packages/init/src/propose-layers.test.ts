import { describe, expect, it } from 'vitest';
import { findDomainContainers } from './propose-layers.js';
import { buildSourceTree } from './source-tree.js';

const tree = (...files: string[]) => buildSourceTree(files);

describe('findDomainContainers', () => {
  it('finds a folder named like a container whose sub-folders have layer folders', () => {
    expect(
      findDomainContainers(tree('src/features/a/service/x.ts', 'src/features/a/ui/y.tsx', 'src/features/b/index.ts')),
    ).toEqual(['src/features']);
  });

  it('needs two layered domains in a folder not named like a container', () => {
    expect(findDomainContainers(tree('src/a/service/x.ts', 'src/a/ui/y.ts'))).toEqual([]);
    expect(
      findDomainContainers(tree('src/a/service/x.ts', 'src/a/ui/y.ts', 'src/b/repo/x.ts', 'src/b/types/y.ts')),
    ).toEqual(['src']);
  });

  it('ignores a layer folder whose components have sub-folders named like layers, and test files', () => {
    expect(
      findDomainContainers(
        tree(
          'src/components/Button/hooks/a.ts',
          'src/components/Button/types/b.ts',
          'src/components/Modal/hooks/c.ts',
          'src/components/Modal/types/d.ts',
        ),
      ),
    ).toEqual([]);
    expect(findDomainContainers(tree('src/features/a/service/x.test.ts', 'src/features/a/ui/y.test.ts'))).toEqual([]);
  });
});

import { sectionDefaults } from 'agent-harness-config';
import { describe, expect, it } from 'vitest';
import { docsDefaults } from './docs-defaults.js';

describe('docsDefaults', () => {
  it("are the config schema's defaults for the docs section", () => {
    expect(docsDefaults()).toEqual(sectionDefaults('docs'));
  });

  it('gives a fresh copy each time', () => {
    const first = docsDefaults();
    first.ignore.push('x/**');
    expect(docsDefaults().ignore).toEqual([]);
  });
});

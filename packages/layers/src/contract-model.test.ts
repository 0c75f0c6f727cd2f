import type { ContractConfig } from 'agent-harness-config';
import { describe, expect, it } from 'vitest';
import { compileContracts } from './contract-model.js';

const independent = (modules: string[]): ContractConfig => ({
  name: 'commands',
  type: 'independent',
  modules,
  except: [],
  allowTypeOnly: false,
});

const judge = (contract: ContractConfig, from: string, to: string) =>
  compileContracts([contract])[0]?.judge({ from, to, typeOnly: false })?.message;

describe('an independent contract', () => {
  it('takes each file the modules glob matches as a module of its own', () => {
    const commands = independent(['src/commands/*']);
    expect(judge(commands, 'src/commands/test.ts', 'src/commands/up.ts')).toBe(
      'contract "commands": module src/commands/test.ts may not import module src/commands/up.ts (src/commands/up.ts); the modules src/commands/* are independent of each other, and src/commands/test.ts may import anything outside them.',
    );
    expect(judge(commands, 'src/commands/test.ts', 'src/cli/options.ts')).toBeUndefined();
    expect(judge(commands, 'src/cli/options.ts', 'src/commands/up.ts')).toBeUndefined();
  });

  it('keeps a folder module whole: its files may import each other', () => {
    const commands = independent(['src/commands/*']);
    expect(judge(commands, 'src/commands/factory/run.ts', 'src/commands/factory/options.ts')).toBeUndefined();
    expect(judge(commands, 'src/commands/factory/run.ts', 'src/commands/up.ts')).toMatch(
      /^contract "commands": module src\/commands\/factory may not import module src\/commands\/up.ts/,
    );
  });
});

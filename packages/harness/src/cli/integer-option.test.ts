import { describe, expect, it } from 'vitest';
import type { CommandArgs } from '../command-spec.js';
import { integerOption } from './integer-option.js';

const args = (options: CommandArgs['options']): CommandArgs => ({
  global: { format: 'pretty', debug: false, color: false, config: undefined },
  options,
  positionals: [],
  rest: [],
});

describe('integerOption', () => {
  it('reads a whole number, and nothing when the option is absent', () => {
    expect(integerOption(args({ runs: '3' }), 'runs', { example: 3 })).toBe(3);
    expect(integerOption(args({ runs: '0' }), 'runs', { example: 3 })).toBe(0);
    expect(integerOption(args({}), 'runs', { example: 3 })).toBeUndefined();
  });

  it.each(['x', '', '1.5', '1e3', '0x10', '-1', ' 2', '2 ', '99999999999999999999'])(
    'is a usage error (exit 2) for "%s", never NaN or a rounded number',
    (text) => {
      expect(() => integerOption(args({ runs: text }), 'runs', { example: 3 })).toThrow(
        expect.objectContaining({ code: 'USAGE', message: `--runs takes a whole number, not "${text}"` }),
      );
    },
  );

  it('names the range and the unit it wants, with an example', () => {
    expect(() => integerOption(args({ timeout: '0' }), 'timeout', { min: 1, unit: 'seconds', example: 300 })).toThrow(
      expect.objectContaining({
        message: '--timeout takes a whole number of seconds of at least 1, not "0"',
        fix: 'For example --timeout 300.',
      }),
    );
    expect(() => integerOption(args({ port: '65536' }), 'port', { max: 65535, example: 7070 })).toThrow(
      '--port takes a whole number from 0 to 65535, not "65536"',
    );
    expect(integerOption(args({ port: '65535' }), 'port', { max: 65535, example: 7070 })).toBe(65535);
  });
});

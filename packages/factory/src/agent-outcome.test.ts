import { describe, expect, it } from 'vitest';
import { parseOutcome } from './agent-outcome.js';

describe('parseOutcome', () => {
  it('takes the last non-empty line and clamps sleep to 30 s–1 h', () => {
    expect(parseOutcome('log\n{"outcome":"sleep","seconds":5}\n\n')).toEqual({
      ok: true,
      value: { outcome: 'sleep', seconds: 30 },
    });
    expect(parseOutcome('{"outcome":"sleep","seconds":99999,"headSha":"abc","tokens":12}')).toEqual({
      ok: true,
      value: { outcome: 'sleep', seconds: 3600, headSha: 'abc', tokens: 12 },
    });
    expect(parseOutcome('{"v":1,"outcome":"continue","comment":"pushed"}')).toEqual({
      ok: true,
      value: { outcome: 'continue', comment: 'pushed' },
    });
  });

  it('calls every malformed answer invalid with a reason', () => {
    for (const text of [
      '',
      'done!',
      '[1]',
      '{"outcome":"finished"}',
      '{"outcome":"sleep"}',
      '{"outcome":"human"}',
      '{"v":2,"outcome":"continue"}',
      '{"outcome":"continue","tokens":-1}',
      '{"outcome":"continue"}\nbye',
    ]) {
      const parsed = parseOutcome(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.reason).not.toBe('');
    }
  });
});

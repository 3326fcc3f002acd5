import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeFitsInLink,
  decodeCode,
  decodeLink,
  encodeCode,
  encodeLink,
  LEFTOVER_SETTINGS,
  MAX_CODE_PARAM,
  MAX_QUERY_CHARS,
  TARGETS,
  type LinkState,
} from './link';
import { zlibSync, strToU8 } from 'fflate';
import { headingOfHash, scrollToHash } from './hash';

const program = fc.string({ unit: 'grapheme', maxLength: 400 });
const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);

const linkState: fc.Arbitrary<LinkState> = fc.record(
  {
    lesson: id,
    program: id,
    step: fc.nat({ max: 999_999_999 }),
    target: fc.constantFrom(...TARGETS),
    leftover: fc.constantFrom(...LEFTOVER_SETTINGS),
    code: fc.record({ cpp: program, codon: program }),
    locale: fc.constantFrom('en' as const, 'zh' as const),
  },
  { requiredKeys: [] },
);

describe('links', () => {
  it('round-trips every state, code included', () => {
    fc.assert(
      fc.property(linkState, (state) => {
        const decoded = decodeLink(encodeLink(state));
        expect(decoded.problems).toEqual([]);
        expect(decoded.state).toEqual(state);
      }),
    );
  });

  it('round-trips any Unicode program text exactly', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 2000 }),
        fc.string({ maxLength: 50 }),
        (cpp, codon) => {
          expect(decodeCode(encodeCode({ cpp, codon }))).toEqual({ ok: true, code: { cpp, codon } });
        },
      ),
    );
  });

  it('never throws on arbitrary query strings, and reports problems instead', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (search) => {
        const decoded = decodeLink(search);
        expect(Array.isArray(decoded.problems)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (code) => {
        const decoded = decodeLink(`?v=1&lesson=02-the-bug&code=${encodeURIComponent(code)}`);
        expect(decoded.state.lesson).toBe('02-the-bug');
        if (decoded.state.code === undefined) expect(decoded.problems.length).toBe(1);
      }),
    );
  });

  it('keeps the lesson of a link whose code is damaged, and says the code is malformed', () => {
    const good = encodeLink({ lesson: '02-the-bug', step: 12, code: { cpp: 'int x;', codon: 'print(1)' } });
    const damaged = good.replace(/code=([A-Za-z0-9_-]{10})/, 'code=AAAAAAAAAA');
    const decoded = decodeLink(damaged);
    expect(decoded.state).toEqual({ lesson: '02-the-bug', step: 12 });
    expect(decoded.problems).toEqual([{ kind: 'malformed-code' }]);
    expect(decodeLink('?lesson=02-the-bug&code=%%%').problems).toEqual([{ kind: 'malformed-code' }]);
    // Valid compression of something that is not the two programs.
    const notCode = btoa(String.fromCharCode(...zlibSync(strToU8('{"cpp":1}'))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(decodeCode(notCode)).toEqual({ ok: false, problem: 'malformed-code' });
  });

  it('refuses over-long links and code, keeping the lesson', () => {
    const long = `?v=1&lesson=04-abi&code=${'A'.repeat(MAX_QUERY_CHARS)}`;
    expect(decodeLink(long)).toEqual({ state: { lesson: '04-abi' }, problems: [{ kind: 'too-long' }] });
    const longCode = `?lesson=04-abi&code=${'A'.repeat(MAX_CODE_PARAM + 4)}`;
    expect(decodeLink(longCode).problems).toEqual([{ kind: 'too-long' }]);
  });

  it('refuses a compression bomb without expanding it', () => {
    const bomb = { cpp: 'x'.repeat(400_000), codon: '' };
    const encoded = encodeCode(bomb);
    expect(encoded.length).toBeLessThan(MAX_CODE_PARAM);
    expect(decodeCode(encoded)).toEqual({ ok: false, problem: 'too-long' });
    expect(codeFitsInLink(bomb)).toBe(false);
    expect(codeFitsInLink({ cpp: 'int x;', codon: '' })).toBe(true);
  });

  it('drops bad values one by one and reports each', () => {
    const decoded = decodeLink('?v=1&lesson=../etc&step=-3&target=mips&leftover=junk&program=bug&lang=fr');
    expect(decoded.state).toEqual({ program: 'bug' });
    expect(decoded.problems.map((p) => (p.kind === 'bad-value' ? p.param : p.kind))).toEqual([
      'lesson',
      'step',
      'target',
      'leftover',
      'lang',
    ]);
  });

  it('opens links written by hand without a version as version 1', () => {
    expect(decodeLink('?lesson=02-the-bug&step=5')).toEqual({
      state: { lesson: '02-the-bug', step: 5 },
      problems: [],
    });
  });

  it('keeps reading version-1 links as they were published', () => {
    // Pinned: a link made by version 1 of the format. When the format changes, this must still decode.
    const published =
      '?v=1&lesson=02-the-bug&program=bug&step=42&target=aarch64&leftover=zero&code=eNqrVkouKFCyUsrMK1GosFbSUUrOT8nPAwoUFAGFNAw1lWoBxGwKzA';
    const decoded = decodeLink(published);
    expect(decoded.problems).toEqual([]);
    expect(decoded.state).toEqual({
      lesson: '02-the-bug',
      program: 'bug',
      step: 42,
      target: 'aarch64',
      leftover: 'zero',
      code: { cpp: 'int x;', codon: 'print(1)' },
    });
  });

  it('says when a link comes from a newer version, and still opens its lesson', () => {
    expect(decodeLink('?v=7&lesson=05-gc&step=3&zz=1')).toEqual({
      state: { lesson: '05-gc' },
      problems: [{ kind: 'newer-version', version: '7' }],
    });
  });
});

/** Object.prototype's names: a plain-object lookup keyed by one of them finds a function. */
const PROTO_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('hostile links', () => {
  const expectNewerVersion = (search: string, version: string) => {
    const decoded = decodeLink(search);
    expect(decoded.problems).toEqual([{ kind: 'newer-version', version }]);
    return decoded.state;
  };

  it.each(PROTO_NAMES)('reads ?v=%s as an unknown version, not as one of Object’s properties', (name) => {
    expect(expectNewerVersion(`?v=${name}`, name)).toEqual({});
    expect(expectNewerVersion(`?v=${name}&lesson=02-the-bug`, name)).toEqual({ lesson: '02-the-bug' });
  });

  it.each(PROTO_NAMES)('refuses %s in every parameter with a value list', (name) => {
    const decoded = decodeLink(`?v=1&target=${name}&leftover=${name}&lang=${name}&step=${name}`);
    expect(decoded.state).toEqual({});
    expect(decoded.problems.map((p) => (p.kind === 'bad-value' ? p.param : p.kind))).toEqual([
      'step',
      'target',
      'leftover',
      'lang',
    ]);
  });

  it('reads broken percent escapes without throwing', () => {
    expect(() => decodeLink('?%E0%A4%A=1&lesson=%E0%A4%A&code=%E0%A4%A')).not.toThrow();
    expect(decodeLink('?v=1&lesson=%E0%A4%A').problems).toEqual([{ kind: 'bad-value', param: 'lesson' }]);
  });
});

describe('heading hashes', () => {
  it('decodes a heading id, and gives null for a broken escape or an empty hash', () => {
    expect(headingOfHash('#stack-frame')).toBe('stack-frame');
    expect(headingOfHash('%E6%A0%88')).toBe('栈');
    expect(headingOfHash('#%E0%A4%A')).toBeNull();
    expect(headingOfHash('#%')).toBeNull();
    expect(headingOfHash('#')).toBeNull();
    expect(headingOfHash('')).toBeNull();
  });

  it('scrolls to the heading a hash names, and nowhere for a broken one', () => {
    const asked: string[] = [];
    const doc = { getElementById: (id: string) => (asked.push(id), null) };
    scrollToHash('#%E0%A4%A', doc);
    scrollToHash('#constructor', doc);
    expect(asked).toEqual(['constructor']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { originAllowed, parseCommand, PROTOCOL, PROTOCOL_VERSION, type EmbedCommand } from './protocol';

const env = { protocol: PROTOCOL, version: PROTOCOL_VERSION };

/** Well-formed commands, generated from the documented schema. */
const command: fc.Arbitrary<EmbedCommand> = fc.oneof(
  fc.constantFrom('play', 'pause', 'get-state').map((type) => ({ ...env, type }) as EmbedCommand),
  fc
    .constantFrom('forward', 'back', 'start', 'end', 'over', 'out')
    .map((direction) => ({ ...env, type: 'step', direction }) as EmbedCommand),
  fc.nat({ max: 1_000_000_000 }).map((step) => ({ ...env, type: 'goto', step }) as EmbedCommand),
  fc
    .constantFrom('x86_64', 'aarch64')
    .map((target) => ({ ...env, type: 'set-target', target }) as EmbedCommand),
  fc
    .constantFrom('system', 'light', 'dark', 'contrast')
    .map((theme) => ({ ...env, type: 'set-theme', theme }) as EmbedCommand),
  fc
    .record({ cpp: fc.string(), codon: fc.string() }, { requiredKeys: [] })
    .filter((r) => 'cpp' in r || 'codon' in r)
    .map((r) => ({ ...env, type: 'load-code', ...r }) as EmbedCommand),
);

describe('parseCommand', () => {
  it('accepts every well-formed command and returns an equal copy', () => {
    fc.assert(
      fc.property(command, (c) => {
        const parsed = parseCommand(c);
        expect(parsed).toEqual(c);
        expect(parsed).not.toBe(c);
      }),
    );
  });

  it('accepts a command that went through structured cloning (what postMessage delivers)', () => {
    fc.assert(
      fc.property(command, (c) => {
        expect(parseCommand(structuredClone(c))).toEqual(c);
      }),
    );
  });

  it('never throws and never accepts random values', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (value) => {
        expect(parseCommand(value)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses random objects that carry the right tag and version but not a valid body', () => {
    const body = fc.dictionary(
      fc.constantFrom('type', 'direction', 'step', 'target', 'theme', 'cpp', 'codon', 'extra', '__proto__'),
      fc.anything(),
    );
    fc.assert(
      fc.property(body, (b) => {
        const value = { ...b, ...env };
        const parsed = parseCommand(value);
        if (parsed !== null) {
          // Only a body that happens to be well-formed passes: it must be exactly a valid command.
          expect(isValidShape(value)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a valid command with one field broken, an extra field, or the wrong envelope', () => {
    fc.assert(
      fc.property(command, fc.string(), fc.anything(), (c, key, junk) => {
        expect(parseCommand({ ...c, protocol: 'other' })).toBeNull();
        expect(parseCommand({ ...c, version: 2 })).toBeNull();
        const known = ['protocol', 'version', 'type', 'direction', 'step', 'target', 'theme', 'cpp', 'codon'];
        if (!known.includes(key)) expect(parseCommand({ ...c, [key]: junk })).toBeNull();
      }),
    );
    expect(parseCommand({ ...env, type: 'goto', step: -1 })).toBeNull();
    expect(parseCommand({ ...env, type: 'goto', step: 1.5 })).toBeNull();
    expect(parseCommand({ ...env, type: 'goto', step: '3' })).toBeNull();
    expect(parseCommand({ ...env, type: 'set-target', target: 'riscv' })).toBeNull();
    expect(parseCommand({ ...env, type: 'load-code' })).toBeNull();
    expect(parseCommand({ ...env, type: 'load-code', cpp: 'x'.repeat(60_001) })).toBeNull();
    expect(parseCommand({ ...env, type: 'step' })).toBeNull();
    expect(parseCommand([env])).toBeNull();
  });

  it('ignores getters and proxies without throwing', () => {
    const getter = { ...env };
    Object.defineProperty(getter, 'type', { get: () => 'play', enumerable: true });
    expect(parseCommand(getter)).toBeNull();
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('no');
        },
        getPrototypeOf: () => Object.prototype,
      },
    );
    expect(parseCommand(hostile)).toBeNull();
    class Sub {
      protocol = PROTOCOL;
      version = PROTOCOL_VERSION;
      type = 'play';
    }
    expect(parseCommand(new Sub())).toBeNull();
  });
});

/** An independent statement of the schema, for the random-body property. */
function isValidShape(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v).sort().join(',');
  switch (v.type) {
    case 'play':
    case 'pause':
    case 'get-state':
      return keys === 'protocol,type,version';
    case 'step':
      return (
        keys === 'direction,protocol,type,version' &&
        ['forward', 'back', 'start', 'end', 'over', 'out'].includes(v.direction as string)
      );
    case 'goto':
      return keys === 'protocol,step,type,version' && Number.isInteger(v.step) && (v.step as number) >= 0;
    case 'set-target':
      return keys === 'protocol,target,type,version' && (v.target === 'x86_64' || v.target === 'aarch64');
    case 'set-theme':
      return (
        keys === 'protocol,theme,type,version' &&
        ['system', 'light', 'dark', 'contrast'].includes(v.theme as string)
      );
    case 'load-code':
      return (
        (typeof v.cpp === 'string' || typeof v.codon === 'string') &&
        (v.cpp === undefined || typeof v.cpp === 'string') &&
        (v.codon === undefined || typeof v.codon === 'string') &&
        Object.keys(v).every((k) => ['protocol', 'version', 'type', 'cpp', 'codon'].includes(k))
      );
    default:
      return false;
  }
}

describe('originAllowed', () => {
  it('answers any origin unless restricted, then only the listed ones', () => {
    expect(originAllowed('https://a.example', [], false)).toBe(true);
    expect(originAllowed('https://a.example', [], true)).toBe(false);
    expect(originAllowed('https://a.example', ['https://a.example'], true)).toBe(true);
    expect(originAllowed('https://b.example', ['https://a.example'], true)).toBe(false);
  });
});

// The package's hand-written declarations (src/embed/package/index.d.ts) must say what lib.tsx exports:
// checked by `npm run typecheck` (tsconfig.node.json includes this file), and run by Vitest.
import { describe, expectTypeOf, it } from 'vitest';
import type * as Declared from './package/index';
import type { Playground, PlaygroundProps } from './lib';
import type { parseCommand } from './protocol';

describe('package declarations', () => {
  it('match the component and its props', () => {
    expectTypeOf<PlaygroundProps>().toEqualTypeOf<Declared.PlaygroundProps>();
    expectTypeOf<Parameters<typeof Playground>>().toEqualTypeOf<Parameters<typeof Declared.Playground>>();
    expectTypeOf<Parameters<typeof parseCommand>>().toEqualTypeOf<Parameters<typeof Declared.parseCommand>>();
  });
});

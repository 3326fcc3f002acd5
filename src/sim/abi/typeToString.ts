/**
 * Types as a learner reads them: `std::array<double, 4>`, `double*`, `const char*`,
 * `double (*)[4]`. Records print their declared name (the standard-library builders give
 * theirs the familiar spelling).
 */
import type { CType } from './ctype.ts';

/** The type in C++ spelling, without spaces before `*` and `&`. */
export function typeToString(t: CType): string {
  return render(t, '', false);
}

/** C declarator printing: `d` is what has been built around the name so far (`*`, `[4]`, ...). */
function render(t: CType, d: string, isConst: boolean): string {
  switch (t.kind) {
    case 'pointer':
    case 'reference': {
      const mark = t.kind === 'pointer' ? '*' : t.rvalue ? '&&' : '&';
      const constHere = t.kind === 'pointer' && t.pointeeConst === true;
      const inner = t.kind === 'pointer' ? t.pointee : t.referent;
      let decl = isConst ? mark + ' const' + d : mark + d;
      if (inner.kind === 'array' || inner.kind === 'function') decl = `(${decl})`;
      return render(inner, decl, constHere);
    }
    case 'array':
      return render(t.element, `${d}[${t.length}]`, isConst);
    case 'function': {
      const params = t.params.map(typeToString);
      if (t.variadic) params.push('...');
      return render(t.returnType, `${d}(${params.join(', ')})`, false);
    }
    default: {
      const name = leafName(t);
      const text = isConst ? `const ${name}` : name;
      if (d === '') return text;
      return d.startsWith('(') ? `${text} ${d}` : text + d;
    }
  }
}

function leafName(t: Exclude<CType, { kind: 'pointer' | 'reference' | 'array' | 'function' }>): string {
  switch (t.kind) {
    case 'void':
      return 'void';
    case 'int':
    case 'float':
    case 'vector':
    case 'enum':
      return t.name;
    case 'complex':
      return `_Complex ${t.element.name}`;
    case 'record':
      return t.decl.name;
  }
}

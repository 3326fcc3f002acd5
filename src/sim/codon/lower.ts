/**
 * The LLVM signature Codon gives a C import: a plain LLVM function type built from the Codon types
 * (`getLLVMFuncType` / `getLLVMType` in codon/cir/llvm/llvisitor.cpp). There is no C-ABI lowering:
 * no sret, no byval, no classification; a `@tuple` return is a first-class aggregate that LLVM
 * returns by its own rule (docs/DOMAIN.md#the-cause and #return-conventions). How that travels in registers is the
 * machine's business; this module only says what Codon asks LLVM for.
 */
import type { CImport } from './ast';
import { cImportName } from './ast';
import type { CodonType } from './types';
import { prune } from './types';

/** An LLVM type as Codon emits it for a C signature. */
export type LlvmType =
  'i64' | 'i32' | 'i16' | 'i8' | 'i1' | 'double' | 'float' | 'ptr' | 'void' | { struct: LlvmType[] };

export interface LoweredCImport {
  /** The symbol looked up: Codon passes the literal name to dlsym (or to the linker). */
  symbol: string;
  /** The library path for a dynamic import (`LIB.name`), null for a static one. */
  library: string | null;
  /** The name the program calls it by (`as alias`, else the symbol). */
  name: string;
  params: LlvmType[];
  ret: LlvmType;
}

/**
 * `getLLVMType` for the modelled types: int -> i64, float -> double, float32 -> float, bool and byte -> i8
 * (Codon stores bools as i8: `zext i1 to i8` in its stdlib), Ptr/cobj/List -> ptr (a list is a reference),
 * str -> {i64, ptr} (the 0.19 runtime's `seq_str_t {len, str}`), a `@tuple` class -> the struct of its
 * fields, None -> void (Codon's NoneType is the empty record `{}`, which LLVM returns in no register).
 */
export function llvmTypeOf(t: CodonType): LlvmType {
  const p = prune(t);
  switch (p.kind) {
    case 'int':
      return 'i64';
    case 'float':
      return 'double';
    case 'float32':
      return 'float';
    case 'bool':
    case 'byte':
      return 'i8';
    case 'ptr':
    case 'list':
    case 'ref-class':
    case 'exception':
    case 'dict':
    case 'set':
    case 'generator':
      return 'ptr';
    case 'tuple':
      return { struct: p.elems.map(llvmTypeOf) };
    case 'str':
      return { struct: ['i64', 'ptr'] };
    case 'array':
      return { struct: ['i64', 'ptr'] };
    case 'range':
      return { struct: ['i64', 'i64', 'i64'] };
    case 'tuple-class':
      return { struct: p.fields.map((f) => llvmTypeOf(f.type)) };
    case 'intn':
      return `i${p.bits}`;
    case 'none':
      return 'void';
    case 'var':
      return 'ptr';
  }
}

/** The LLVM signature of a checked C import (`parseCodon` must have reported no error for it). */
export function lowerCImport(decl: CImport): LoweredCImport {
  if (!decl.paramTypes || !decl.returnType) {
    throw new Error(`lowerCImport: the import of '${decl.symbol}' has not been type-checked (or had errors)`);
  }
  const ret = llvmTypeOf(decl.returnType);
  return {
    symbol: decl.symbol,
    library: decl.library ? (decl.libraryPath ?? null) : null,
    name: cImportName(decl),
    params: decl.paramTypes.map((t) => (prune(t).kind === 'none' ? { struct: [] } : llvmTypeOf(t))),
    ret,
  };
}

/**
 * The message of the `CError` Codon raises when `dlsym` finds no such symbol: Codon's `dlsym`
 * (stdlib/internal/dlopen.codon) raises `CError(dlerror())`, and glibc's dlerror says
 * "<library as opened>: undefined symbol: <name>".
 */
export function dlsymError(libraryPath: string, symbol: string): string {
  return `${libraryPath}: undefined symbol: ${symbol}`;
}

/** The message of the `CError` raised when the library itself cannot be opened (glibc's dlerror). */
export function dlopenError(libraryPath: string): string {
  return `${libraryPath}: cannot open shared object file: No such file or directory`;
}

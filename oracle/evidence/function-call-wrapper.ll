; Codon 0.19.6 debug build: a call of a `from C import LIB.f` import goes through Function.__call__
; (typecheck/call.cpp, stdlib/internal/types/function.codon), noinline in a debug build (optimize.cpp
; applyDebugTransformations), with __call_internal__ (alwaysinline) inlined. Its arguments go into allocas
; as llvisitor.cpp lowers a function. See what registers the foreign call sees:
;   llc-19 -O3 -mtriple=x86_64-linux-gnu  -relocation-model=pic -o - oracle/evidence/function-call-wrapper.ll
;   llc-19 -O3 -mtriple=aarch64-linux-gnu -relocation-model=pic -o - oracle/evidence/function-call-wrapper.ll
@foo = private global ptr null
@bar = private global ptr null

; Function.__call__ as BodiedFunc lowered by llvisitor (debug: allocas for args, no mem2reg),
; with Function.__call_internal__ (alwaysinline LLVMFunc) inlined by the O0 pipeline's AlwaysInliner.
define private ptr @"Function.__call__:0"(ptr %0, {} %1) {
entry:
  %self = alloca ptr
  %args = alloca {}
  store ptr %0, ptr %self
  store {} %1, ptr %args
  %2 = load ptr, ptr %self
  %3 = load {}, ptr %args
  %4 = call ptr %2()
  ret ptr %4
}

define private i64 @"Function.__call__:1"(ptr %0, { i64 } %1) {
entry:
  %self = alloca ptr
  %args = alloca { i64 }
  store ptr %0, ptr %self
  store { i64 } %1, ptr %args
  %2 = load ptr, ptr %self
  %3 = load { i64 }, ptr %args
  %a0 = extractvalue { i64 } %3, 0
  %4 = call i64 %2(i64 %a0)
  ret i64 %4
}

define void @run() {
entry:
  %p = alloca ptr
  %q = alloca i64
  %f = load ptr, ptr @foo
  %r = call ptr @"Function.__call__:0"(ptr %f, {} zeroinitializer)
  store ptr %r, ptr %p
  %g = load ptr, ptr @bar
  %t = insertvalue { i64 } undef, i64 5, 0
  %s = call i64 @"Function.__call__:1"(ptr %g, { i64 } %t)
  store i64 %s, ptr %q
  ret void
}

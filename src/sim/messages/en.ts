/** English narration, finding and crash messages, by id. `{n}` is the n-th parameter. */
export const en: Record<string, string> = {
  // run structure
  'step.start': 'The program starts: the runtime has initialised the GC and loaded {0}.',
  'step.end': 'The program ends.',
  'step.gc-mark':
    'The collector starts: it scans the stack, the registers and static data for anything that looks like a pointer into one of the {0} GC objects.',
  'step.gc-sweep': 'Marking done: {0} objects are reachable; every unmarked object is freed.',
  // crashes
  'crash.ret-noncanonical':
    'Segmentation fault: ret jumped to {0}, the bits a stray write left over the return address. That is not a canonical x86-64 address (bits 63 to 47 differ), so the CPU raises a general-protection fault, which Linux reports as SIGSEGV at address 0.',
  'crash.ret-saved-x30':
    'Segmentation fault: {1} returned through its saved x30, which a stray write had changed to {0}; AArch64 ignores the top byte, and no code is mapped at {2}.',
  'crash.ret-not-code':
    'Segmentation fault: ret jumped to {0}, the bits a stray write left over the return address; no code is mapped there.',
  'crash.segv': 'Segmentation fault: a {1} at {0}, an address no mapping covers.',
  'crash.call-not-code':
    'Segmentation fault: the call through a function pointer jumped to {0}, where no code is mapped, and the instruction fetch there faults.',
  'crash.call-noncanonical':
    'Segmentation fault: the call through a function pointer jumped to {0}, not a canonical x86-64 address (bits 63 to 47 differ), so the CPU raises a general-protection fault, which Linux reports as SIGSEGV at address 0.',
  'crash.stack-overflow': 'Stack overflow: the stack pointer reached {0}, the guard page below the stack.',
  'crash.segv-null-gc-heap':
    'Segmentation fault: a {1} at {0}. A GC allocation of {2} bytes returned NULL: the simulated GC heap is full (4 MiB, this simulator’s memory budget). Codon’s runtime hands GC_MALLOC’s result on unchecked, so the program used the null pointer.',
  'crash.segv-null-c-heap':
    'Segmentation fault: a {1} at {0}. malloc({2}) returned NULL: the simulated C heap is full (4 MiB, this simulator’s memory budget), and the program used the null pointer without checking.',
  'crash.bad-alloc':
    'terminate called after throwing an instance of ‘std::bad_alloc’: new could not get {0} bytes (the simulated C heap holds 4 MiB, this simulator’s memory budget). Nothing catches the exception, so std::terminate aborts the program.',
  'crash.free-invalid-pointer':
    'free(): invalid pointer: {0} is not the start of a block malloc handed out. glibc aborts.',
  'crash.munmap-invalid-pointer':
    'munmap_chunk(): invalid pointer: the word in front of {0} reads {1}, whose IS_MMAPPED bit (2) makes glibc take it for a block of its own mapping, and that block is not page-aligned. glibc aborts.',
  'crash.free-arena-unmapped':
    'Segmentation fault in free: the word in front of {0} reads {1}, whose NON_MAIN_ARENA bit (4) sends glibc to look for the block’s arena at {2}, where nothing is mapped.',
  'crash.double-free': 'free(): double free detected: the block at {0} was already freed. glibc aborts.',
  'crash.free-invalid-size':
    'free(): invalid size: the header in front of {0} now reads {1}, not the size malloc wrote. glibc aborts.',
  'crash.free-corrupted-next':
    'double free or corruption: the next chunk’s header after {0} reads {1}; something wrote past the end of the block. glibc aborts.',
  // findings
  'finding.stray-write.result-slot':
    'The callee stores its result through the hidden pointer, but no result slot is there: {1} bytes land at {0}, on {2}.',
  'finding.stray-write.dead':
    'A write through a pointer to {3}, whose lifetime has ended, lands at {0} on {2}.',
  'finding.stray-write.outside': 'A write meant for {3} lands outside it, at {0}, on {2}.',
  'finding.use-after-free.write': 'A write to {0} after it was freed.',
  'finding.use-after-free.read': 'A read of {0} after it was freed.',
  'finding.dangling-read':
    'A read through a dangling pointer: {0} no longer exists; its stale bytes are read.',
  'finding.gc-unrooted':
    'A read of {0}, which the collector freed: the only pointer to it was in memory the collector does not scan.',
  'finding.uninitialized-read':
    'A read of {0} before anything was stored in it: its bytes are whatever was there before.',
  'finding.double-free': '{0} is freed a second time.',
  'finding.leak': '{0} is never freed: it is still allocated when the program ends.',
  'step.assign': '{0} = {1}',
  'step.exit': 'The library calls exit({0}): the program ends.',
  'step.limit':
    'The run stopped after {0} steps (the step budget): an endless loop, or a run longer than the budget.',
  'codon.assign': '{0} = {1}',
  'codon.expr': '{0}',
  'codon.pass': 'pass: nothing happens.',
  'codon.class-new':
    '{0}(...): Codon allocates a {1}-byte object on the GC heap for its fields, at {2}; the variable will hold only its address.',
  'codon.try': 'try: if this block raises a CError, Codon jumps to the matching except clause.',
  'codon.except':
    'except {0}: the block raised {0}("{1}"); the rest of the try block is skipped and this clause runs.',
  'codon.break': 'break: leave the loop.',
  'codon.continue': 'continue: on to the next iteration.',
  'codon.return': '{0} returns {1}.',
  'codon.return-to': '{0} returns to {1}; its frame ends.',
  'codon.if': 'if {0}: {1}.',
  'codon.while': 'while {0}: {1}.',
  'codon.for-start': 'A loop over {0} begins.',
  'codon.for': 'Loop: {0} = {1}.',
  'codon.for-end': 'The loop over {0} is done.',
  'codon.import-static': 'from C import {0}: the linker resolves the symbol {0}.',
  'codon.import-dynamic': 'from C import: Codon opens {1} and asks dlsym for the symbol “{0}”.',
  'codon.print': 'print writes {0} to standard output.',
  'codon.callback':
    '{1} calls the Codon function {0} through a function pointer: the return address points into libfoo.so, and {0} reads its arguments where its own signature says, in a new frame above {1}’s.',
  'codon.call': 'Call {0} ({1} arguments): a new frame on the stack.',
  'cpp.enter':
    '{0} starts (called from {1}): it saves the caller’s frame pointer and makes room for its locals.',
  'cpp.leave': '{0} returns to {1}.',
  'cpp.back': 'Back in {1} after {0}.',
  'cpp.stmt': '{0}',
  'cpp.declare': '{0}',
  'cpp.declare-nrvo':
    '{0} is the named return value: g++ builds it directly in the result slot whose address came in {2}, that is at {1}.',
  'cpp.static-local': '{0} (a static local: it lives in the library’s static data, initialised once).',
  'cpp.if': 'if ({0}): {1}.',
  'cpp.loop-again': 'for (;;) has no condition: the loop goes round again.',
  'cpp.loop-test': 'Loop test {0}: {1}.',
  'cpp.return': '{0}',
  'cpp.return-memory': 'The result is already in the memory at {0} (the address that came in {1}).',
  'cpp.return-reg': 'The result {0} goes back in {1}.',
  'cpp.return-null-local':
    'g++ returns a null pointer here, not the address it was asked for: that object dies as the function returns, and g++ puts 0 in {0} in its place.',
  'boundary.call': 'Codon calls {0} across the boundary. Codon believes: {1}. The library really is: {2}.',
  'boundary.call-match':
    'Codon calls {0} across the boundary, and both sides agree: Codon’s {1} is the library’s {2}, argument for argument and the result.',
  'boundary.return': '{0} has returned; Codon reads the result from {1}, as its declaration says.',
  'finding.pointer-abi-mismatch':
    'A function pointer of type {1} reaches {0}, defined as {2}, and the two disagree on where values travel: {3}.',
  'finding.pointer-type-mismatch':
    'A function pointer of type {1} reaches {0}, defined as {2}, and the two disagree on what the bits mean: {3}.',
  'finding.callback-abi-mismatch':
    'The library calls the Codon function {0} through a function pointer, and the two disagree on where values travel: the pointer is {1}, the function is {2}: {3}.',
  'finding.callback-type-mismatch':
    'The library calls the Codon function {0} through a function pointer, and the two disagree on what the bits mean: the pointer is {1}, the function is {2}: {3}.',
  'finding.abi-mismatch': 'Codon and the library disagree on where values travel in the call to {0}: {1}.',
  'finding.type-mismatch':
    'Codon and the library agree on where values travel in the call to {0}, but not on what the bits mean: {1}.',
  'crash.abort': 'abort(): the program stops itself with SIGABRT.',
  'crash.divide-by-zero': 'Integer division by zero in {0}: the CPU raises SIGFPE.',
  'crash.out-of-range': 'An uncaught std::out_of_range ({0}): std::terminate calls abort().',
  'codon.assign-start': '{0} = {1}: first the right-hand side.',
  'cpp.store': '{0} stores {1} at {2}, in {3}.',
  'boundary.call-leftover.zero':
    'Codon calls {0} across the boundary. Codon believes: {1}. The library really is: {2}. Nobody set {3} for this call: start-up left it at 0, a null pointer.',
  'boundary.call-leftover.runtime-data':
    'Codon calls {0} across the boundary. Codon believes: {1}. The library really is: {2}. Nobody set {3} for this call: it still holds {4}, the address of {5} in the runtime’s writable data.',
  'boundary.call-leftover.gc-object':
    'Codon calls {0} across the boundary. Codon believes: {1}. The library really is: {2}. Nobody set {3} for this call: it still holds {4}, the address of the live Codon object {5}.',
  'boundary.call-leftover.stale-stack':
    'Codon calls {0} across the boundary. Codon believes: {1}. The library really is: {2}. Nobody set {3} for this call: it still holds {4}, an address 1,360 bytes below the stack pointer, in dead frames (where glibc’s printf leaves its work buffer).',
  'finding.abi-coincidence':
    'The declarations of {0} disagree (Codon: {1}; the library: {2}), yet on this target the call happens to work: Codon’s first argument travels in {3}, exactly where the callee expects the address of its result, and the callee returns that address in {4}, where Codon reads its result. Nothing in either declaration promises this; by the declarations the call is undefined. On AArch64 a hidden pointer travels in x8, not in the first argument register, so nothing lines up there: switch the target to see.',
  'runtime.exit-deadlock':
    'At exit the dynamic loader’s _dl_fini takes its lock, _rtld_global._dl_load_lock ({0}): its lock word reads {1} and its owner {2} is not this thread, so glibc sleeps in futex_wait for an owner that will never release it. The real program hangs here, after everything it printed.',
  'runtime.print-deadlock':
    'print waits for stdout’s lock ({0}): its lock word reads {1} and its owner {2} is not this thread, so glibc sleeps in futex_wait for an owner that will never release it. The real program hangs here.',
  // indeterminate output (src/sim/trace/indeterminate.ts): {0} is one or more of the stdout.left.* clauses
  'stdout.indeterminate.value':
    'indeterminate: this value depends on {0} (the real machine may print something else)',
  'stdout.indeterminate.text':
    'indeterminate: what is printed here depends on {0} (the real machine may print something else)',
  'stdout.left.register': 'what was left in a register that nothing in either program set',
  'stdout.left.runtime-stack':
    'what was left on the dead stack by a runtime function (print, printf, GC_malloc), which the simulator runs as one step',
  'stdout.left.uninitialised': 'what was left in memory that nothing wrote before this read',
  'stdout.left.freed': 'what the allocator left in memory it took back (free, the garbage collector)',
  'stdout.left.unknown': 'what earlier code left behind, which the simulator makes up rather than computes',
  'stdout.left.separator': '; and on ',
  // names of objects and regions (src/sim/trace/names.ts)
  'name.ident': '{0}',
  'name.static': '{0} (static)',
  'name.return-address': 'return address into {0}',
  'name.saved-rbp': 'saved rbp of {0}',
  'name.saved-rbx': 'saved rbx of {0}',
  'name.frame-record': 'frame record (x29, x30) of {0}',
  'name.saved-x30': 'saved x30 of {0}',
  'name.saved-callee-saved': 'saved x19 of {0}',
  'name.frame-temporaries': 'temporaries of {0} (loop counters, error flags)',
  'name.hidden-result': 'hidden result pointer (from {0})',
  'name.argument': 'argument {0}',
  'name.result-of': 'result of {0}()',
  'name.return-value': 'return value',
  'name.return-copy': 'copy of the return value',
  'name.temporary': 'temporary',
  'name.malloc-header': 'malloc chunk header of {0}',
  'name.malloc-block': 'malloc({0}) block',
  'name.new-block': 'new {0}',
  'name.make-shared': 'make_shared block (control block + {0})',
  'name.make-unique': 'make_unique {0}',
  'name.shared-control': 'shared_ptr control block',
  'name.vector-buffer': 'vector buffer',
  'name.string-buffer': 'string buffer',
  'name.calloc-block': 'calloc block',
  'name.c-str-copy': 'c_str() copy',
  'name.from-ptr-copy': 'str.from_ptr copy',
  'name.gc-init-frame': 'GC_init’s frame (start-up, finished)',
  'name.main-thread-descriptor': 'the main thread’s descriptor',
  'name.codon-buffer': '{0} buffer',
  'name.codon-object': '{0} object',
  'name.unmapped': 'unmapped memory',
  'name.stack-below-sp': 'unused stack below the stack pointer',
  'name.region.codon-text': 'main program text (Codon)',
  'name.region.codon-data': 'main program .data (Codon globals)',
  'name.region.c-heap': 'C heap (malloc, new)',
  'name.region.gc-heap': 'GC heap (Codon objects)',
  'name.region.lib-text': 'libfoo.so text',
  'name.region.lib-data': 'libfoo.so .data/.bss (C++ statics)',
  'name.region.runtime': 'runtime data (ld.so, libc, Codon runtime)',
  'name.region.stack': 'main thread stack',
  // the simulator's fixed descriptions (src/sim/trace/terms.ts)
  'type.rtld-global': '{0} (dynamic loader state)',
  'type.loader-lock': '{0} (the dynamic loader’s lock)',
  'type.io-lock': '{0} (a recursive lock: lock, cnt, owner), {1}’s',
  'type.libc': '{0} (libc)',
  'type.thread-head': '{0} (its first {1} bytes)',
  'type.code-pointer': 'code pointer',
  'type.stack-frame': 'stack frame',
  'type.chunk-header': 'glibc chunk header',
  'type.no-object': 'no object',
  'type.frame-link': 'frame link',
  'type.callee-saved-register': 'callee-saved register',
  'path.tcb-self': '{0} (points to itself)',
  'path.saved': 'saved',
  'path.saved-rbp': 'saved rbp',
  'path.saved-rbx': 'saved rbx',
  'path.size-flags': 'size | flags',
  'path.padding': '{0}(padding)',
  'call.argument': 'argument {0}',
  'call.result': 'result',
  'call.hidden-result-pointer': 'hidden result pointer',
  'place.memory': 'memory at [{0}]',
  'place.stack': 'stack +{0}',
  'place.nowhere': 'nowhere (void)',
  'place.nothing': 'nothing',
  'abi.arg-missing': 'argument {0}: the caller passes nothing',
  'abi.arg-extra': 'argument {0}: the callee takes no such argument',
  'abi.arg-placed': 'argument {0}: caller puts it in {1}, callee reads {2}',
  'abi.arg-typed': 'argument {0}: caller passes {1}, callee reads {2}',
  'abi.result-unset': 'result: caller reads {0}, callee returns nothing',
  'abi.result-hidden': 'result: callee writes it to memory at [{0}] (hidden pointer), caller reads {1}',
  'abi.result-placed': 'result: callee returns it in {0}, caller reads {1}',
  'abi.result-typed': 'result: callee returns {0}, caller reads {1}',
  'abi.details': '{0}; {1}',
  'reg.x86.rax': 'integer/pointer return value; sret functions return the hidden pointer here',
  'reg.x86.rcx': '4th integer argument',
  'reg.x86.rdx': '3rd integer argument; 2nd integer return eightbyte',
  'reg.x86.rsi': '2nd integer argument',
  'reg.x86.rdi': '1st integer argument; the hidden result pointer of an sret call',
  'reg.x86.rbp': 'frame pointer (callee-saved)',
  'reg.x86.r8': '5th integer argument',
  'reg.x86.r9': '6th integer argument',
  'reg.x86.xmm0': '1st float argument; float return value',
  'reg.x86.xmm1': '2nd float argument; 2nd float return eightbyte',
  'reg.float-argument': 'float argument {0}',
  'reg.x87-top': 'x87 stack top: long double return',
  'reg.x87-stack': 'x87 stack',
  'reg.x87-depth': 'how many x87 stack slots are in use',
  'reg.callee-saved': 'callee-saved',
  'reg.scratch': 'scratch',
  'reg.stack-pointer': 'stack pointer',
  'reg.a64.x0': '1st argument; integer/pointer return value',
  'reg.a64.x1': '2nd argument; 2nd return register',
  'reg.a64.argument': 'argument {0}',
  'reg.a64.x8': 'indirect result location: the address of a result returned in memory',
  'reg.a64.platform': 'intra-procedure scratch / platform',
  'reg.a64.fp': 'frame pointer',
  'reg.a64.lr': 'link register: the return address',
  'reg.a64.v0': '1st float argument; float return value (d0/s0)',
  'reg.a64.float-argument': 'float argument/return {0} (d{1}/s{1})',
  'reg.x87-empty': 'empty',
  'name.unused-stack': 'unused stack',
};

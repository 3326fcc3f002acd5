/*
 * The leftover trampoline (x86-64). Every foreign call of the lowered program is Codon's own call
 * through a function pointer loaded from a global (`callq *slot(%rip)`, or the pointer in a
 * register), but the pointer the oracle stores there is a per-import stub's (stubs.S, written by
 * oracle.ts): the stub puts its own address in %r10 and the callee's (oracle_targets[k]) in %r11
 * and jumps here. First, any register that holds the stub's address (the one the call loaded, if
 * llc loaded it into one) gets the callee's address instead, so every register is as Codon's call
 * leaves it. Then, before the program's FIRST foreign call only, %rdi gets the chosen leftover
 * (only when no integer argument uses it); %rax keeps what the caller's code left there (the
 * dlsym result, at the first call right after the imports: docs/SIMULATOR.md, "What runs before,
 * and around, the program"). It logs %rdi and %rax as the callee sees them (and the callee's
 * address and the return address) and jumps to the callee (a tail jump: the callee's return
 * address is the call in the Codon code, and its stack is exactly the caller's). It uses only %r10
 * and %r11, which no call preserves or reads.
 */
        .text
.macro FIX reg
        cmpq    %r10, \reg
        cmoveq  %r11, \reg
.endm
.macro TRAMP name, setrdi
        .globl \name
        .type \name, @function
\name:
        FIX     %rax
        FIX     %rbx
        FIX     %rcx
        FIX     %rdx
        FIX     %rsi
        FIX     %rdi
        FIX     %rbp
        FIX     %r8
        FIX     %r9
        FIX     %r12
        FIX     %r13
        FIX     %r14
        FIX     %r15
        movq    %r11, oracle_target(%rip)
        cmpq    $0, oracle_ncalls(%rip)
        jne     9f
        movq    oracle_leftover_kind(%rip), %r11
        cmpq    $4, %r11
        je      9f
        xorl    %r10d, %r10d
        cmpq    $0, %r11
        je      5f
        movq    oracle_leftover_value(%rip), %r10
        cmpq    $1, %r11
        je      5f
        movq    oracle_last_gc(%rip), %r10
        cmpq    $2, %r11
        je      5f
        leaq    (8 - 0x2300)(%rsp), %r10   /* a dead stack address: the simulator's PRINTF_DEPTH below the caller's %rsp */
5:
        .if \setrdi
        movq    %r10, %rdi
        .endif
9:
        movq    oracle_ncalls(%rip), %r11
        cmpq    $256, %r11
        jae     8f
        shlq    $5, %r11
        leaq    oracle_log(%rip), %r10
        movq    %rdi, (%r10,%r11)
        movq    %rax, 8(%r10,%r11)
        addq    %r11, %r10
        movq    oracle_target(%rip), %r11
        movq    %r11, 16(%r10)
        movq    (%rsp), %r11            /* the return address the call pushed */
        movq    %r11, 24(%r10)
8:
        incq    oracle_ncalls(%rip)
        jmpq    *oracle_target(%rip)
        .size \name, .-\name
.endm
        TRAMP   oracle_tramp_full, 1
        TRAMP   oracle_tramp_part, 0
        /* a @tuple return LLVM demotes to memory on x86-64: %rdi is the caller's own buffer */
        TRAMP   oracle_tramp_sret_x86, 0
        .section .note.GNU-stack,"",@progbits

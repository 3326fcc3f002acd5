/*
 * The leftover trampoline (x86-64). Every foreign call of the lowered program goes through here
 * with the callee's own arguments in place and the callee's address in oracle_target:
 * before the program's FIRST foreign call only, it sets the registers the simulator calls the
 * leftover ones (%rdi, the hidden result pointer's register, and %rax, the result register;
 * %rdi only when no integer argument uses it), then it logs %rdi and %rax as the callee sees them (and the callee's address and the return address)
 * and jumps (a tail jump: the callee's return address is the call in the Codon code, and its
 * stack is exactly the caller's). It uses only %r10 and %r11, which no call preserves or reads.
 */
        .text
.macro TRAMP name, setrdi
        .globl \name
        .type \name, @function
\name:
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
        movq    %r10, %rax
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

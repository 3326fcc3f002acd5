/*
 * The leftover trampoline (AArch64). As tramp-x86_64.S: Codon's call loads a function pointer and
 * branches through it (llc-19 -O3: `ldr x8, [slot]; blr x8`); the pointer the oracle stores is a
 * per-import stub's (stubs.S), which puts its own address in x16 and the callee's in x17 and
 * branches here. Any register holding the stub's address gets the callee's, so x8 holds the
 * callee's address at every call, as Codon's call leaves it. Before the FIRST foreign call only it
 * then sets x8 (the indirect result register) and x0 (the result register; only when no integer
 * argument uses it) to the chosen leftover, logs x8 and x0 as the callee sees them (and the
 * callee's address and the return address), and branches to the callee without touching the stack
 * or the link register, so the callee returns straight into the Codon code. It uses only x16 and
 * x17 (IP0/IP1, free at any call).
 */
        .text
.macro FIX reg
        cmp     \reg, x16
        csel    \reg, x17, \reg, eq
.endm
.macro TRAMP name, setx0
        .globl \name
        .type \name, %function
\name:
        FIX     x0
        FIX     x1
        FIX     x2
        FIX     x3
        FIX     x4
        FIX     x5
        FIX     x6
        FIX     x7
        FIX     x8
        FIX     x9
        FIX     x10
        FIX     x11
        FIX     x12
        FIX     x13
        FIX     x14
        FIX     x15
        FIX     x19
        FIX     x20
        FIX     x21
        FIX     x22
        FIX     x23
        FIX     x24
        FIX     x25
        FIX     x26
        FIX     x27
        FIX     x28
        adrp    x16, oracle_target
        str     x17, [x16, :lo12:oracle_target]
        adrp    x16, oracle_ncalls
        ldr     x17, [x16, :lo12:oracle_ncalls]
        cbnz    x17, 9f
        adrp    x16, oracle_leftover_kind
        ldr     x17, [x16, :lo12:oracle_leftover_kind]
        cmp     x17, #4
        b.eq    9f
        mov     x16, #0
        cmp     x17, #0
        b.eq    5f
        adrp    x16, oracle_leftover_value
        ldr     x16, [x16, :lo12:oracle_leftover_value]
        cmp     x17, #1
        b.eq    5f
        adrp    x16, oracle_last_gc
        ldr     x16, [x16, :lo12:oracle_last_gc]
        cmp     x17, #2
        b.eq    5f
        mov     x16, sp
        sub     x16, x16, #0x2000       /* a dead stack address: the simulator's PRINTF_DEPTH (0x2300) below sp */
        sub     x16, x16, #0x300
5:
        mov     x8, x16
        .if \setx0
        mov     x0, x16
        .endif
9:
        adrp    x16, oracle_ncalls
        ldr     x17, [x16, :lo12:oracle_ncalls]
        cmp     x17, #256
        b.hs    8f
        adrp    x16, oracle_log
        add     x16, x16, :lo12:oracle_log
        add     x16, x16, x17, lsl #5
        str     x8, [x16]
        str     x0, [x16, #8]
        adrp    x17, oracle_target
        ldr     x17, [x17, :lo12:oracle_target]
        str     x17, [x16, #16]
        str     x30, [x16, #24]         /* the return address bl left in the link register */
8:
        adrp    x16, oracle_ncalls
        ldr     x17, [x16, :lo12:oracle_ncalls]
        add     x17, x17, #1
        str     x17, [x16, :lo12:oracle_ncalls]
        adrp    x16, oracle_target
        ldr     x16, [x16, :lo12:oracle_target]
        br      x16
        .size \name, .-\name
.endm
        TRAMP   oracle_tramp_full, 1
        TRAMP   oracle_tramp_part, 0
        /* demoted on x86-64 only (AArch64 returns up to eight fields of each kind in registers) */
        TRAMP   oracle_tramp_sret_x86, 1
        .section .note.GNU-stack,"",@progbits

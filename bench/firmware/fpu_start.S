@ Entry of the hard-float bench images: newlib's rdimon start-up leaves the FPU off, so give
@ CP10/CP11 full access in CPACR and set FPEXC.EN, then continue at newlib's _start.
    .syntax unified
    .arm
    .global _fpu_start
_fpu_start:
    mrc   p15, 0, r0, c1, c0, 2       @ CPACR
    orr   r0, r0, #(0xf << 20)        @ cp10, cp11: full access
    mcr   p15, 0, r0, c1, c0, 2
    isb
    mov   r0, #0x40000000             @ FPEXC.EN
    vmsr  fpexc, r0
    b     _start

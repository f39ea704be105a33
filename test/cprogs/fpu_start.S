@ Entry shim for hard-float images: newlib's rdimon start-up does not enable the FPU, so grant
@ CP10/CP11 access in CPACR and set FPEXC.EN before jumping to _start.
    .syntax unified
    .arm
    .global _fpu_start
_fpu_start:
    mrc p15, 0, r0, c1, c0, 2
    orr r0, r0, #(0xf << 20)
    mcr p15, 0, r0, c1, c0, 2
    isb
    mov r0, #0x40000000
    vmsr fpexc, r0
    b _start

/* Self-modifying code: the guest writes instructions and runs them, with and without cache
 * maintenance, with code and data sharing a page, and in a loop that patches its own next
 * iteration. Built for ARM and Thumb; the translation cache must never run stale code where
 * QEMU runs the new code.
 *
 * Not checked here: a store to a later instruction of the straight-line code being executed,
 * with no branch, ISB or maintenance in between. The architecture leaves it UNPREDICTABLE which
 * version runs; QEMU (no precise SMC on ARM) runs the old one until its translation block ends,
 * armada the new one. The `same_block_probe` group prints what ran instead of checking it. */
#include "check.inc"

#ifdef __thumb__
#define STI strh		/* patch one 16-bit Thumb instruction */
#define MOV_R0_1 .inst.n 0x2001	/* movs r0, #1 */
#define MOV_R0_2 0x2002		/* movs r0, #2 */
#define MOV_R0_3 0x2003		/* movs r0, #3 */
#define ADD_R5_1 0x3501		/* adds r5, #1 */
#define FNADDR(r, sym) ldr r, =sym; bic r, r, #1
#else
#define STI str
#define MOV_R0_1 .inst 0xe3a00001	/* mov r0, #1 */
#define MOV_R0_2 0xe3a00002
#define MOV_R0_3 0xe3a00003
#define ADD_R5_1 0xe2855001		/* add r5, r5, #1 */
#define FNADDR(r, sym) ldr r, =sym
#endif

	.text
	.balign 4
	.type patch_fn, %function
#ifdef __thumb__
	.thumb_func
#endif
patch_fn:			@ returns 1 until patched
	MOV_R0_1
	bx lr

	.type patch_fn2, %function
#ifdef __thumb__
	.thumb_func
#endif
patch_fn2:			@ a second one, patched with cache maintenance
	MOV_R0_1
	bx lr

#ifdef __thumb__
	.type movw_fn, %function
	.thumb_func
movw_fn:			@ a 32-bit Thumb instruction whose second halfword is patched
	movw r0, #0x11
	bx lr
#endif

	.balign 4
	.type template_fn, %function
template_fn:			@ copied into RAM and run from there (ARM: r0 = 0x40 + r0)
#ifdef __thumb__
	.thumb_func
	adds r0, r0, #0x40	@ (Thumb T2: adds rdn, #imm8 = 0x3040)
	bx lr
	nop
	nop
#else
	add r0, r0, #0x40
	bx lr
#endif
template_end:

	.data
	.balign 64
run_buf:	.space 64
	.text

	TEST_MAIN

	GROUP(patch_call_no_maintenance)
	bl patch_fn
	EXPECT(r0, 1)
	FNADDR(r1, patch_fn)
	ldr r2, =MOV_R0_2
	STI r2, [r1]
	bl patch_fn
	EXPECT(r0, 2)
	ldr r2, =MOV_R0_3
	STI r2, [r1]
	bl patch_fn
	EXPECT(r0, 3)
	ENDGROUP

	GROUP(patch_call_with_maintenance)
	bl patch_fn2
	EXPECT(r0, 1)
	FNADDR(r1, patch_fn2)
	ldr r2, =MOV_R0_2
	STI r2, [r1]
	mcr p15, 0, r1, c7, c11, 1	@ DCCMVAU: clean the line to the point of unification
	dsb
	mcr p15, 0, r1, c7, c5, 1	@ ICIMVAU: invalidate the instruction cache line
	mcr p15, 0, r0, c7, c5, 6	@ BPIALL
	dsb
	isb
	bl patch_fn2
	EXPECT(r0, 2)
	ldr r2, =MOV_R0_3
	STI r2, [r1]
	mov r0, #0
	mcr p15, 0, r0, c7, c5, 0	@ ICIALLU
	dsb
	isb
	bl patch_fn2
	EXPECT(r0, 3)
	ENDGROUP

	GROUP(patch_after_isb)
	@ A store to the next instruction but one, then DSB + ISB: the new instruction must run.
	ldr r1, =1f
	ldr r2, =MOV_R0_2
	mov r0, #0
	STI r2, [r1]
	dsb
	isb
1:	MOV_R0_1
	EXPECT(r0, 2)
	ENDGROUP

	GROUP(self_patching_loop)
	@ Each iteration rewrites the loop's first instruction with the next immediate: the loop
	@ adds 1, 2, ..., 10 (no maintenance: the branch back starts a new block on both).
	mov r4, #0
	mov r5, #0
	ldr r1, =2f
	ldr r6, =ADD_R5_1
	STI r6, [r1]		@ (the loop may run again if main is re-entered: start from #1)
	b 2f
	.balign 4
2:
#ifdef __thumb__
	.inst.n 0x3501
#else
	.inst 0xe2855001
#endif
	add r6, r6, #1
	STI r6, [r1]
	add r4, r4, #1
	cmp r4, #10
	blt 2b
	EXPECT(r4, 10)
	EXPECT(r5, 55)
	ENDGROUP

	GROUP(code_data_same_page)
	@ A data word in the middle of the code (same page, same 64-byte line): stores to it must
	@ not disturb the code around it, and the code must keep running correctly.
	ldr r1, =3f
	mov r4, #0
	mov r5, #0
4:	str r4, [r1]
	ldr r2, [r1]
	add r5, r5, r2
	add r4, r4, #1
	cmp r4, #200
	blt 4b
	b 5f
	.balign 4
3:	.word 0
5:	ldr r2, =19900		@ 0 + 1 + ... + 199
	EXPECT(r5, 19900)
	ldr r2, [r1]
	EXPECT(r2, 199)
	ENDGROUP

	GROUP(copy_and_run)
	@ Copy a function into a RAM buffer, run it, change its immediate, run it again.
	ldr r0, =run_buf
	FNADDR(r1, template_fn)
	ldr r2, [r1]
	str r2, [r0]
	ldr r2, [r1, #4]
	str r2, [r0, #4]
	ldr r7, =run_buf
#ifdef __thumb__
	orr r7, r7, #1
#endif
	mov r0, #2
	blx r7
	EXPECT(r0, 0x42)
	ldr r1, =run_buf
#ifdef __thumb__
	ldr r2, =0x3050		@ adds r0, #0x50
	strh r2, [r1]
#else
	ldr r2, =0xe2800050	@ add r0, r0, #0x50
	str r2, [r1]
#endif
	mov r0, #3
	blx r7
	EXPECT(r0, 0x53)
	@ Byte-wide patch of the immediate (STRB into an instruction)
	mov r2, #0x60
	strb r2, [r1]
	mov r0, #4
	blx r7
	EXPECT(r0, 0x64)
	ENDGROUP

#ifdef __thumb__
	GROUP(thumb32_second_half)
	bl movw_fn
	EXPECT(r0, 0x11)
	FNADDR(r1, movw_fn)
	ldrh r2, [r1, #2]
	bic r2, r2, #0xff
	orr r2, r2, #0x22
	strh r2, [r1, #2]	@ only the second halfword of MOVW changes
	bl movw_fn
	EXPECT(r0, 0x22)
	ENDGROUP
#endif

	GROUP(same_block_probe)
	@ UNPREDICTABLE by the architecture (see the top): print which instruction ran.
	ldr r1, =6f
	ldr r2, =MOV_R0_2
	mov r0, #0
	STI r2, [r1]
6:	MOV_R0_1
	mov r1, r0
	ldr r0, =probe_fmt
	bl printf
	ENDGROUP

	TEST_END

	.section .rodata
probe_fmt:	.asciz "same_block_probe: the patched instruction gave %d\n"

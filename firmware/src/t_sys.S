/* System level (ARM state, starts in SVC mode): processor modes and banked registers, SPSR,
 * MRS/MSR, exceptions through VBAR (SVC from ARM/Thumb/User, UNDEF skipped by its handler, data
 * abort on an unaligned LDM/STM), CP15 identification and read/write registers. */
#include "check.inc"
#define M_USR 0x10
#define M_FIQ 0x11
#define M_IRQ 0x12
#define M_SVC 0x13
#define M_ABT 0x17
#define M_UND 0x1b
#define M_SYS 0x1f

	.bss
	.balign 8
	.space 1024
und_stack:
	.space 1024
abt_stack:
	.data
	.balign 4
svc_count:	.word 0
svc_imm:	.word 0
svc_spsr:	.word 0
und_count:	.word 0
und_addr:	.word 0
und_spsr:	.word 0
abt_count:	.word 0
abt_dfsr:	.word 0
abt_dfar:	.word 0
abt_lr:		.word 0
	.balign 8
dbuf:	.word 1, 2, 3, 4
usr_regs:	.word 0, 0, 0

	.text
	.arm
	.balign 32
vectors:
	b .		@ reset
	b und_handler
	b svc_handler
	b .		@ prefetch abort
	b abt_handler
	b .
	b .		@ IRQ
	b .		@ FIQ

svc_handler:
	push {r0-r3}
	ldr r0, =svc_count
	ldr r1, [r0]
	add r1, r1, #1
	str r1, [r0]
	mrs r2, spsr
	str r2, [r0, #8]
	tst r2, #0x20		@ Thumb caller?
	ldrhne r1, [lr, #-2]
	andne r1, r1, #0xff
	ldreq r1, [lr, #-4]
	biceq r1, r1, #0xff000000
	str r1, [r0, #4]
	cmp r1, #0xff		@ SVC #0xff: return to the caller in SVC mode
	bne 1f
	bic r2, r2, #0x1f
	orr r2, r2, #M_SVC
	msr spsr_cxsf, r2
1:	pop {r0-r3}
	movs pc, lr

und_handler:
	push {r0-r2}
	ldr r0, =und_count
	ldr r1, [r0]
	add r1, r1, #1
	str r1, [r0]
	mrs r2, spsr
	str r2, [r0, #8]
	tst r2, #0x20
	subne r1, lr, #2	@ address of the undefined instruction (16-bit Thumb)
	subeq r1, lr, #4
	str r1, [r0, #4]
	pop {r0-r2}
	movs pc, lr		@ skip it

abt_handler:
	push {r0-r2}
	ldr r0, =abt_count
	ldr r1, [r0]
	add r1, r1, #1
	str r1, [r0]
	mrc p15, 0, r1, c5, c0, 0	@ DFSR
	str r1, [r0, #4]
	mrc p15, 0, r1, c6, c0, 0	@ DFAR
	str r1, [r0, #8]
	str lr, [r0, #12]
	pop {r0-r2}
	subs pc, lr, #4		@ skip the faulting instruction

	.thumb
	.thumb_func
thumb_part:			@ SVC and UDF from Thumb state (SVC overwrites LR_svc)
	push {r4, lr}
	svc #7
	udf #3
	pop {r4, pc}
	.arm

	TEST_MAIN

	GROUP(sys_setup)
	ldr r0, =vectors
	mcr p15, 0, r0, c12, c0, 0
	mrc p15, 0, r2, c12, c0, 0
	EXPECT(r2, vectors)
	cps #M_UND
	ldr sp, =und_stack
	cps #M_ABT
	ldr sp, =abt_stack
	cps #M_SVC
	mrs r2, cpsr
	ubfx r2, r2, #0, #9
	EXPECT(r2, 0x1d3)
	ENDGROUP

	GROUP(sys_banked)
	mov r4, sp
	mov r5, lr
	mov r8, #8
	mov r12, #12
	cps #M_FIQ
	mov r8, #0x88
	mov r12, #0xcc
	mov sp, #0x1100
	mov lr, #0x1101
	cps #M_IRQ
	mov sp, #0x1200
	mov lr, #0x1201
	cps #M_SYS
	mov r6, sp
	mov r7, lr
	mov sp, #0x1f00
	mov lr, #0x1f01
	cps #M_SVC
	sub r2, sp, r4
	EXPECT(r2, 0)
	sub r2, lr, r5
	EXPECT(r2, 0)
	EXPECT(r8, 8)
	EXPECT(r12, 12)
	cps #M_FIQ
	mov r0, r8
	mov r1, r12
	mov r2, sp
	mov r3, lr
	cps #M_SVC
	EXPECT(r0, 0x88)
	EXPECT(r1, 0xcc)
	EXPECT(r2, 0x1100)
	EXPECT(r3, 0x1101)
	cps #M_IRQ
	mov r2, sp
	mov r3, lr
	cps #M_SVC
	EXPECT(r2, 0x1200)
	EXPECT(r3, 0x1201)
	cps #M_SYS
	mov r2, sp
	mov r3, lr
	mov sp, r6
	mov lr, r7
	cps #M_SVC
	EXPECT(r2, 0x1f00)
	EXPECT(r3, 0x1f01)
	/* banked-register MRS/MSR (ARMv7 virtualization extensions) are not used: A9 lacks them */
	ENDGROUP

	GROUP(sys_spsr_msr)
	ldr r0, =0xf80f0010
	msr spsr_fsxc, r0
	cps #M_UND
	ldr r1, =0x20000030
	msr spsr_fsxc, r1
	cps #M_SVC
	mrs r2, spsr
	EXPECT(r2, 0xf80f0010)
	cps #M_UND
	mrs r2, spsr
	cps #M_SVC
	EXPECT(r2, 0x20000030)
	ldr r0, =0x500f01d3
	msr cpsr_fsxc, r0
	SETF(0)
	ldr r0, =0x90000000
	msr cpsr_f, r0
	mrs r2, cpsr
	EXPECT(r2, 0x900001d3)
	mrs r2, apsr
	ldr r0, =0xf00f0000
	and r2, r2, r0
	EXPECT(r2, 0x90000000)
	ldr r0, =0x000f0000
	msr APSR_g, r0
	mrs r2, cpsr
	EXPECT(r2, 0x900f01d3)
	mrs r0, cpsr
	bic r0, r0, #0x1f
	orr r0, r0, #M_SYS
	msr cpsr_c, r0
	mrs r2, cpsr
	and r2, r2, #0x1f
	msr cpsr_c, #0xd3
	EXPECT(r2, M_SYS)
	mrs r2, cpsr
	and r2, r2, #0xff
	EXPECT(r2, 0xd3)
	ENDGROUP

	GROUP(sys_svc)
	ldr r4, =svc_count
	svc #0x654321
	ldr r2, [r4]
	EXPECT(r2, 1)
	ldr r2, [r4, #4]
	EXPECT(r2, 0x654321)
	ldr r2, [r4, #8]
	and r2, r2, #0x3f
	EXPECT(r2, M_SVC)
	ldr r0, =thumb_part+1
	blx r0
	ldr r2, [r4]
	EXPECT(r2, 2)
	ldr r2, [r4, #4]
	EXPECT(r2, 7)
	ldr r2, [r4, #8]
	and r2, r2, #0x3f
	EXPECT(r2, 0x20|M_SVC)
	/* go to User mode, then SVC #0xff returns to SVC mode */
	ldr r5, =usr_regs
	mov r6, #0
	cps #M_USR
	mrs r7, cpsr
	str r7, [r5]
	svc #0xff		@ back to SVC
	mrs r2, cpsr
	and r2, r2, #0x1f
	EXPECT(r2, M_SVC)
	ldr r2, [r5]
	and r2, r2, #0x1f
	EXPECT(r2, M_USR)
	ldr r2, [r4]
	EXPECT(r2, 3)
	ldr r2, [r4, #8]
	and r2, r2, #0x1f
	EXPECT(r2, M_USR)
	ENDGROUP

	GROUP(sys_undef)
	ldr r4, =und_count
1:	.word 0xe7f000f0	@ UDF #0 (permanently undefined)
	ldr r2, [r4]
	EXPECT(r2, 2)		@ one from thumb_part above
	ldr r2, [r4, #4]
	EXPECT(r2, 1b)
	ldr r2, [r4, #8]
	and r2, r2, #0x3f
	EXPECT(r2, M_SVC)
	ENDGROUP

	GROUP(sys_abort)
	ldr r4, =abt_count
	ldr r5, =dbuf+2
	mov r6, #0x66
	mov r7, #0x77
	ldm r5, {r6, r7}
3:	EXPECT(r6, 0x66)
	EXPECT(r7, 0x77)
	ldr r2, [r4]
	EXPECT(r2, 1)
	ldr r2, [r4, #4]
	ldr r0, =0xc0f
	and r2, r2, r0
	EXPECT(r2, 0x001)
	ldr r2, [r4, #8]
	EXPECT(r2, dbuf+2)
	ldr r2, [r4, #12]
	EXPECT(r2, 3b+4)
	stmia r5!, {r6, r7}
	ldr r2, [r4]
	EXPECT(r2, 2)
	ldr r2, [r4, #4]
	ldr r0, =0xc0f
	and r2, r2, r0
	EXPECT(r2, 0x801)
	EXPECT(r5, dbuf+2)
	ldr r5, =dbuf
	ldr r2, [r5]
	EXPECT(r2, 1)
	ENDGROUP

	GROUP(sys_cp15)
	mrc p15, 0, r2, c0, c0, 0
	EXPECT(r2, 0x410fc090)
	mrc p15, 0, r2, c0, c0, 1
	EXPECT(r2, 0x80038003)
	mrc p15, 0, r2, c0, c0, 5
	EXPECT(r2, 0x80000000)
	mrc p15, 0, r2, c0, c1, 0
	EXPECT(r2, 0x00001031)
	mrc p15, 0, r2, c0, c2, 0
	EXPECT(r2, 0x00101111)
	mrc p15, 1, r2, c0, c0, 1
	EXPECT(r2, 0x09000003)
	mrc p15, 0, r2, c1, c0, 0
	EXPECT(r2, 0x00c50078)
	ldr r0, =0x65432178
	mcr p15, 0, r0, c13, c0, 2
	mrc p15, 0, r2, c13, c0, 2
	EXPECT(r2, 0x65432178)
	ldr r0, =0x9abcdef0
	mcr p15, 0, r0, c13, c0, 3
	mrc p15, 0, r2, c13, c0, 3
	EXPECT(r2, 0x9abcdef0)
	mcr p15, 0, r0, c13, c0, 4
	mrc p15, 0, r2, c13, c0, 4
	EXPECT(r2, 0x9abcdef0)
	ldr r0, =0x55555555
	mcr p15, 0, r0, c3, c0, 0
	mrc p15, 0, r2, c3, c0, 0
	EXPECT(r2, 0x55555555)
	mov r0, #0
	mcr p15, 0, r0, c3, c0, 0
	mov r0, #0x42
	mcr p15, 0, r0, c13, c0, 1
	mrc p15, 0, r2, c13, c0, 1
	EXPECT(r2, 0x42)
	ENDGROUP

	mov r0, #0
	mcr p15, 0, r0, c12, c0, 0	@ restore VBAR
	TEST_END

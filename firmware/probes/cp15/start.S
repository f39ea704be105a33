@ CP15 probe support: exception vectors (VBAR) and Monitor vectors (MVBAR) whose handlers record
@ what happened in `info` and resume at the address stored in `resume`; a stub runner that
@ executes one generated instruction from SVC or User mode.
@ info[0] kind (1 data abort, 2 prefetch abort, 3 undefined, 4 SMC), [1] LR of the handler's
@ mode, [2] its SPSR, [3] CPSR in the handler, [4] SP of the handler's mode on entry.
	.syntax unified
	.arch armv7-a
	.arch_extension sec
	.arm
	.section .text.start, "ax"
	.global _start
_start:
	ldr	sp, =stack_top
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0	@ VBAR
	bl	main
	mov	r1, #0x20000
	orr	r1, r1, #0x26		@ ADP_Stopped_ApplicationExit
	mov	r0, #0x18
	svc	0x123456
1:	b	1b

	.align	5
	.global vectors
vectors:
	b	.
	b	und_h
	b	svc_h
	b	pabt_h
	b	dabt_h
	b	.
	b	.
	b	.

@ record(kind): r12 = kind on entry
record:
	ldr	sp, =info
	str	r12, [sp]
	str	lr, [sp, #4]
	mrs	r12, spsr
	str	r12, [sp, #8]
	mrs	r12, cpsr
	str	r12, [sp, #12]
	bx	r11
dabt_h:	mov	r12, #1
	b	1f
pabt_h:	mov	r12, #2
	b	1f
und_h:	mov	r12, #3
1:	ldr	sp, =saved_r11
	str	r11, [sp]
	adr	r11, back_to_svc
	b	record
back_to_svc:
	ldr	r11, =saved_r11
	ldr	r11, [r11]
	ldr	sp, =info		@ count every trap in info[5]
	ldr	r12, [sp, #20]
	add	r12, r12, #1
	str	r12, [sp, #20]
	ldr	r12, =resume		@ no resume address: an UNDEFINED MRC/MCR in C, skip it
	ldr	r12, [r12]
	cmp	r12, #0
	movseq	pc, lr
	cps	#0x13
svc_h:
	ldr	r12, =resume
	ldr	r12, [r12]
	bx	r12

@ Monitor vectors: SMC at +8 records and returns to the instruction after the SMC.
	.align	5
	.global mon_vectors
mon_vectors:
	b	.
	b	.
	b	smc_h
	b	.
	b	.
	b	.
	b	.
	b	.
smc_h:
	str	sp, mon_sp_seen
	ldr	sp, =info
	mov	r12, #4
	str	r12, [sp]
	str	lr, [sp, #4]
	mrs	r12, spsr
	str	r12, [sp, #8]
	mrs	r12, cpsr
	str	r12, [sp, #12]
	ldr	r12, mon_sp_seen
	str	r12, [sp, #16]
	ldr	sp, mon_sp_seen
	movs	pc, lr
mon_sp_seen: .word 0

@ u32 run_stub(u32 r0): call the generated instruction in `stub` (followed by bx lr) with r0
	.global run_stub
run_stub:
	push	{r4, lr}
	ldr	r12, =resume
	adr	r2, 1f
	str	r2, [r12]
	ldr	r12, =stub
	blx	r12
1:	pop	{r4, pc}

@ u32 run_stub_usr(u32 r0): the same from User mode (back to SVC through svc #0)
	.global run_stub_usr
run_stub_usr:
	push	{r4-r11, lr}
	ldr	r12, =saved_sp
	str	sp, [r12]
	ldr	r12, =resume
	adr	r2, 2f
	str	r2, [r12]
	cps	#0x10
	ldr	r12, =stub
	blx	r12
	svc	#0
2:	ldr	r12, =saved_sp
	ldr	sp, [r12]
	pop	{r4-r11, pc}

@ u32 call_usr(u32 (*fn)(u32), u32 arg): fn(arg) in User mode
	.global call_usr
call_usr:
	push	{r4-r11, lr}
	ldr	r12, =saved_sp
	str	sp, [r12]
	ldr	r12, =resume
	adr	r2, 2f
	str	r2, [r12]
	mov	r12, r0
	mov	r0, r1
	cps	#0x10
	ldr	sp, =usr_stack_top
	blx	r12
	svc	#0
2:	ldr	r12, =saved_sp
	ldr	sp, [r12]
	pop	{r4-r11, pc}

@ void smc_arm(void): smc #0 from SVC (smc_arm_insn is its address)
	.global smc_arm, smc_arm_insn
smc_arm:
	ldr	r12, =resume
	adr	r1, 1f
	str	r1, [r12]
smc_arm_insn:
	smc	#0
1:	bx	lr

@ void smc_cond_false(void): smcne with Z set: must not trap
	.global smc_cond_false
smc_cond_false:
	ldr	r12, =resume
	adr	r1, 1f
	str	r1, [r12]
	cmp	r0, r0
	smcne	#0
1:	bx	lr

@ void smc_thumb(void): smc #0 in Thumb state (smc_thumb_insn is its address)
	.global smc_thumb, smc_thumb_insn
smc_thumb:
	push	{lr}
	ldr	r12, =resume
	adr	r1, 1f
	str	r1, [r12]
	adr	r1, 3f + 1
	bx	r1
	.thumb
	.thumb_func
3:	nop
smc_thumb_insn:
	smc	#0
	pop	{pc}
	.arm
	.align	2
1:	pop	{pc}

@ void mon_bank(u32 *out): write SP/LR/SPSR in Monitor mode, read SVC SP, read back Monitor
@ out: [0] sp_svc after, [1] sp_mon, [2] lr_mon, [3] spsr_mon, [4] cpsr in mon
	.global mon_bank
mon_bank:
	push	{r4-r6, lr}
	mov	r4, sp
	cps	#0x16
	ldr	sp, =0x1234abc0
	ldr	lr, =0x5678def0
	ldr	r1, =0x800001d3
	msr	spsr_fsxc, r1
	mrs	r5, cpsr
	cps	#0x13
	cmp	sp, r4
	moveq	r1, #1
	movne	r1, #0
	str	r1, [r0]
	cps	#0x16
	str	sp, [r0, #4]
	str	lr, [r0, #8]
	mrs	r1, spsr
	str	r1, [r0, #12]
	str	r5, [r0, #16]
	cps	#0x13
	mov	sp, r4
	pop	{r4-r6, pc}

@ u32 enter_mon_msr(void): msr cpsr_c to Monitor mode from SVC; returns the CPSR seen, back in SVC
	.global enter_mon_msr
enter_mon_msr:
	mrs	r1, cpsr
	bic	r2, r1, #0x1f
	orr	r2, r2, #0x16
	msr	cpsr_c, r2
	mrs	r0, cpsr
	msr	cpsr_c, r1
	bx	lr

@ u32 und_in_mon(void): UDF in Monitor mode; info records the UND entry
	.global und_in_mon
und_in_mon:
	push	{r4, lr}
	mov	r4, sp
	ldr	r12, =resume
	adr	r1, 1f
	str	r1, [r12]
	cps	#0x16
	udf	#0
1:	mov	sp, r4
	pop	{r4, pc}

@ u32 scr_ns_in_mon(void): in Monitor mode write SCR.NS=1, read SCR, read MIDR, write SCR=0; back to SVC
@ returns SCR as read with NS=1 (MIDR in mon_out[0])
	.global scr_ns_in_mon
scr_ns_in_mon:
	push	{r4, lr}
	mrs	r4, cpsr
	cps	#0x16
	mov	r1, #1
	mcr	p15, 0, r1, c1, c1, 0
	isb
	mrc	p15, 0, r0, c1, c1, 0
	mrc	p15, 0, r2, c0, c0, 0
	mov	r1, #0
	mcr	p15, 0, r1, c1, c1, 0
	isb
	msr	cpsr_c, r4
	ldr	r1, =mon_out
	str	r2, [r1]
	pop	{r4, pc}

@ void srs_rfe_mon(u32 *out): from SVC, srsdb sp!, #0x16 (store LR_svc and SPSR_svc on the Monitor
@ stack), then read the Monitor SP and the two words; then an RFE through a frame whose CPSR is
@ Monitor mode and back. out: [0] sp_mon after, [1] stored lr, [2] stored spsr, [3] cpsr after rfe
	.global srs_rfe_mon
srs_rfe_mon:
	push	{r4-r6, lr}
	mov	r6, r0
	mrs	r5, cpsr
	cps	#0x16
	ldr	sp, =mon_stack_top
	cps	#0x13
	ldr	lr, =0x11223344
	msr	spsr_fsxc, #0x1f
	srsdb	sp!, #0x16
	cps	#0x16
	str	sp, [r6]
	ldr	r1, [sp]
	str	r1, [r6, #4]
	ldr	r1, [sp, #4]
	str	r1, [r6, #8]
	cps	#0x13
	@ rfe to Monitor mode at label 1
	adr	r1, 1f
	ldr	r2, =0x600001d6
	push	{r1, r2}
	rfeia	sp!
1:	mrs	r1, cpsr
	str	r1, [r6, #12]
	msr	cpsr_c, r5
	pop	{r4-r6, pc}

@ u32 busy(u32 n): a counted loop (2 instructions per iteration)
	.global busy
busy:
1:	subs	r0, r0, #1
	bne	1b
	bx	lr

	.ltorg
	.data
	.align	5
	.global stub
stub:	.word	0xe1a00000
	.word	0xe12fff1e
	.bss
	.align	3
	.global mon_out
mon_out:	.space	16
	.space	256
mon_stack_top:
	.global info, resume
info:		.space	32
resume:		.space	4
saved_sp:	.space	4
saved_r11:	.space	4
	.align	3
	.space	8192
stack_top:
	.space	1024
usr_stack_top:

@ MMU probe support: vectors, abort/undef/svc handlers that record the fault registers and
@ resume at the address stored in `resume`, and access probes for privileged and user mode.
@ The handlers clobber only r12 (and banked sp/lr) of the interrupted code.
	.syntax unified
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

dabt_h:
	ldr	sp, =fault_info
	str	lr, [sp, #12]
	mrc	p15, 0, lr, c5, c0, 0	@ DFSR
	str	lr, [sp, #4]
	mrc	p15, 0, lr, c6, c0, 0	@ DFAR
	str	lr, [sp, #8]
	mov	lr, #1
	str	lr, [sp]
	b	back_to_svc
pabt_h:
	ldr	sp, =fault_info
	str	lr, [sp, #12]
	mrc	p15, 0, lr, c5, c0, 1	@ IFSR
	str	lr, [sp, #4]
	mrc	p15, 0, lr, c6, c0, 2	@ IFAR
	str	lr, [sp, #8]
	mov	lr, #2
	str	lr, [sp]
	b	back_to_svc
und_h:
	ldr	sp, =fault_info
	str	lr, [sp, #12]
	mov	lr, #3
	str	lr, [sp]
back_to_svc:
	cps	#0x13
svc_h:
	ldr	r12, =resume
	ldr	r12, [r12]
	bx	r12

@ u32 p_ld(u32 va): privileged load
	.global p_ld
p_ld:
	ldr	r12, =resume
	adr	r1, 1f
	str	r1, [r12]
	ldr	r0, [r0]
1:	bx	lr

@ void p_st(u32 va, u32 v)
	.global p_st
p_st:
	ldr	r12, =resume
	adr	r2, 1f
	str	r2, [r12]
	str	r1, [r0]
1:	bx	lr

@ u32 p_ex(u32 va): call va (which holds `bx lr`)
	.global p_ex
p_ex:
	push	{r4, lr}
	ldr	r12, =resume
	adr	r2, 1f
	str	r2, [r12]
	mov	r1, r0
	mov	r0, #0x55
	blx	r1
1:	pop	{r4, pc}

@ u32 u_ld(u32 va), void u_st(u32 va, u32 v), u32 u_ex(u32 va): the same from User mode
	.global u_ld
u_ld:
	push	{r4-r11, lr}
	ldr	r12, =saved_sp
	str	sp, [r12]
	ldr	r12, =resume
	adr	r2, 2f
	str	r2, [r12]
	cps	#0x10
	ldr	r0, [r0]
	svc	#0
2:	ldr	r12, =saved_sp
	ldr	sp, [r12]
	pop	{r4-r11, pc}

	.global u_st
u_st:
	push	{r4-r11, lr}
	ldr	r12, =saved_sp
	str	sp, [r12]
	ldr	r12, =resume
	adr	r2, 2f
	str	r2, [r12]
	cps	#0x10
	str	r1, [r0]
	svc	#0
2:	ldr	r12, =saved_sp
	ldr	sp, [r12]
	pop	{r4-r11, pc}

	.global u_ex
u_ex:
	push	{r4-r11, lr}
	ldr	r12, =saved_sp
	str	sp, [r12]
	ldr	r12, =resume
	adr	r2, 2f
	str	r2, [r12]
	mov	r1, r0
	mov	r0, #0x55
	cps	#0x10
	blx	r1
	svc	#0
2:	ldr	r12, =saved_sp
	ldr	sp, [r12]
	pop	{r4-r11, pc}

@ u32 p_ats(u32 va, u32 op): ATS1C{PR,PW,UR,UW} then PAR; a walk that aborts raises a Data Abort
	.global p_ats
p_ats:
	ldr	r12, =resume
	adr	r2, 9f
	str	r2, [r12]
	cmp	r1, #1
	beq	1f
	cmp	r1, #2
	beq	2f
	cmp	r1, #3
	beq	3f
	mcr	p15, 0, r0, c7, c8, 0
	b	8f
1:	mcr	p15, 0, r0, c7, c8, 1
	b	8f
2:	mcr	p15, 0, r0, c7, c8, 2
	b	8f
3:	mcr	p15, 0, r0, c7, c8, 3
8:	isb
	mrc	p15, 0, r0, c7, c4, 0
9:	bx	lr

@ u32 try_scr(void): read SCR (UNDEFINED without the Security Extensions)
	.global try_scr
try_scr:
	ldr	r12, =resume
	adr	r1, 1f
	str	r1, [r12]
	mov	r0, #0
	mrc	p15, 0, r0, c1, c1, 0
1:	bx	lr

	.ltorg
	.bss
	.align	3
	.global fault_info
fault_info:	.space	16
resume:		.space	4
saved_sp:	.space	4
	.align	3
	.space	8192
stack_top:

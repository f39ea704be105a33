@ Bare-metal start-up for the VFP instruction probe on vexpress-a9: vectors (undefined-instruction and
@ data-abort handlers that count and skip the instruction), stacks, FPU on, main(), semihosting exit.
	.syntax unified
	.arm
	.section .text.start, "ax"
	.global _start
_start:
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	cps	#0x1b				@ UND mode stack
	ldr	sp, =und_stack_top
	cps	#0x17				@ ABT mode stack
	ldr	sp, =und_stack_top - 256
	cps	#0x13
	ldr	sp, =stack_top
	mrc	p15, 0, r0, c1, c0, 2		@ CPACR
	orr	r0, r0, #(0xf << 20)		@ cp10, cp11 full access
	mcr	p15, 0, r0, c1, c0, 2
	isb
	mov	r0, #0x40000000			@ FPEXC.EN
	vmsr	fpexc, r0
	bl	main
	ldr	r1, =0x20026			@ ADP_Stopped_ApplicationExit
	mov	r0, #0x18			@ SYS_EXIT
	svc	0x123456
1:	b	1b

	.global semihost
	.type	semihost, %function
semihost:
	svc	0x123456
	bx	lr

	.align	5
vectors:
	b	.
	b	und
	b	.
	b	.
	b	abt
	b	.
	b	.
	b	.

und:	push	{r0, r1}
	ldr	r0, =undcnt
	ldr	r1, [r0]
	add	r1, r1, #1
	str	r1, [r0]
	mrs	r0, spsr
	tst	r0, #0x20
	addne	lr, lr, #2			@ Thumb: LR = insn + 2, skip a 32-bit instruction
	pop	{r0, r1}
	movs	pc, lr

abt:	push	{r0, r1}
	ldr	r0, =abtcnt
	ldr	r1, [r0]
	add	r1, r1, #1
	str	r1, [r0]
	pop	{r0, r1}
	subs	pc, lr, #4			@ A32 only: skip the faulting instruction

	.bss
	.align	3
	.space	0x10000
stack_top:
	.space	0x400
und_stack_top:

@ Bare-metal start-up for the VFP probe on vexpress-a9: stack, FPU on, main(), semihosting exit.
	.syntax unified
	.arm
	.section .text.start, "ax"
	.global _start
_start:
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
semihost:
	svc	0x123456
	bx	lr

	.bss
	.align	3
	.space	0x10000
stack_top:

@ Exception vectors for the GIC test firmware (ARM state; the C code may be ARM or Thumb).
@ IRQ and FIQ call void irq_handler(void) / void fiq_handler(void) in their own modes, on their
@ own stacks, and return to the interrupted code. Other exceptions are not expected: they print
@ nothing and spin, so the run times out instead of giving wrong output.
	.syntax unified
	.arm
	.text

	.global vec_table
	.balign 32
vec_table:
	b	.		@ reset
	b	.		@ undef
	b	.		@ svc
	b	.		@ prefetch abort
	b	.		@ data abort
	b	.
	b	irq_entry
	b	fiq_entry

irq_entry:
	sub	lr, lr, #4
	push	{r0-r3, r12, lr}
	ldr	r12, =irq_handler
	blx	r12
	pop	{r0-r3, r12, lr}
	movs	pc, lr

fiq_entry:
	sub	lr, lr, #4
	push	{r0-r3, r12, lr}
	ldr	r12, =fiq_handler
	blx	r12
	pop	{r0-r3, r12, lr}
	movs	pc, lr

@ void install_vectors(void): VBAR = vec_table, stacks for IRQ and FIQ modes
	.global install_vectors
	.type install_vectors, %function
install_vectors:
	ldr	r0, =vec_table
	mcr	p15, 0, r0, c12, c0, 0
	isb
	mrs	r1, cpsr
	cps	#0x12
	ldr	sp, =irq_stack_top
	cps	#0x11
	ldr	sp, =fiq_stack_top
	msr	cpsr_c, r1
	bx	lr

	.ltorg
	.bss
	.balign	8
	.space	4096
irq_stack_top:
	.space	4096
fiq_stack_top:

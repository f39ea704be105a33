@ Exception support for the MMU test programs (ARM state; the C code may be ARM or Thumb).
@ Data and prefetch aborts and undefined instructions call
@   u32 on_fault(u32 kind, u32 fsr, u32 far, u32 spsr)   (kind 0 data, 1 prefetch, 2 undef)
@ in ABT/UND mode; it repairs what caused the fault and returns how many bytes to skip
@ (0 = run the faulting instruction again). SVC (not semihosting: QEMU and armada take those
@ before the vector) returns from run_user().
	.syntax unified
	.arm
	.text

	.global vec_table
	.balign 32
vec_table:
	ldr	pc, 1f		@ reset
	ldr	pc, 2f		@ undef
	ldr	pc, 3f		@ svc
	ldr	pc, 4f		@ prefetch abort
	ldr	pc, 5f		@ data abort
	b	.
	b	.
	b	.
1:	.word	.
2:	.word	und_entry
3:	.word	svc_entry
4:	.word	pabt_entry
5:	.word	dabt_entry
	.global vec_table_end
vec_table_end:

dabt_entry:
	sub	lr, lr, #8
	push	{r0-r3, r12, lr}
	mov	r0, #0
	mrc	p15, 0, r1, c5, c0, 0	@ DFSR
	mrc	p15, 0, r2, c6, c0, 0	@ DFAR
	b	common
pabt_entry:
	sub	lr, lr, #4
	push	{r0-r3, r12, lr}
	mov	r0, #1
	mrc	p15, 0, r1, c5, c0, 1	@ IFSR
	mrc	p15, 0, r2, c6, c0, 2	@ IFAR
	b	common
und_entry:
	push	{r0-r3, r12, lr}
	mrs	r12, spsr
	tst	r12, #0x20
	subne	lr, lr, #2
	subeq	lr, lr, #4
	str	lr, [sp, #20]
	mov	r0, #2
	mov	r1, #0
	mov	r2, lr
common:
	mrs	r3, spsr
	ldr	r12, =on_fault
	blx	r12
	ldr	lr, [sp, #20]
	add	lr, lr, r0
	str	lr, [sp, #20]
	pop	{r0-r3, r12, lr}
	movs	pc, lr

svc_entry:
	ldr	r12, =saved_sp
	ldr	sp, [r12]
	pop	{r4-r11, pc}

@ void install_vectors(void): VBAR = vec_table, stacks for ABT and UND modes
	.global install_vectors
	.type install_vectors, %function
install_vectors:
	ldr	r0, =vec_table
	mcr	p15, 0, r0, c12, c0, 0
	mrs	r1, cpsr
	cps	#0x17
	ldr	sp, =abt_stack_top
	cps	#0x1b
	ldr	sp, =und_stack_top
	msr	cpsr_c, r1
	bx	lr

@ u32 run_user(u32 (*fn)(u32), u32 arg): call fn(arg) in User mode, back to SVC by `svc #1`
	.global run_user
	.type run_user, %function
run_user:
	push	{r4-r11, lr}
	ldr	r12, =saved_sp
	str	sp, [r12]
	mov	r4, r0
	mov	r0, r1
	cps	#0x1f
	ldr	sp, =usr_stack_top
	cps	#0x10
	blx	r4
	svc	#1

	.ltorg
	.bss
	.balign	8
saved_sp:	.space	8
	.space	2048
abt_stack_top:
	.space	2048
und_stack_top:
	.space	4096
usr_stack_top:

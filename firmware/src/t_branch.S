/* Branches and interworking: B/BL/BX/BLX, conditional branches, LDR/POP to PC, IT, CBZ, TBB/TBH. */
#include "check.inc"
	.text
	.balign 4
	.arm
	.type arm_add1, %function
arm_add1:		@ ARM-state helper: r0 += 1, return by BX LR
	add r0, r0, #1
	bx lr
	.type arm_add2_pop, %function
arm_add2_pop:
	push {r4, lr}
	add r0, r0, #2
	pop {r4, pc}
	.thumb
	.thumb_func
	.type thumb_add10, %function
thumb_add10:		@ Thumb-state helper
	adds r0, r0, #10
	bx lr
	.thumb_func
	.type thumb_add20_pop, %function
thumb_add20_pop:
	push {r4, lr}
	adds r0, r0, #20
	pop {r4, pc}
#ifdef __thumb__
	.thumb
#else
	.arm
#endif
	.balign 4

	TEST_MAIN

	GROUP(branch_basic)
	mov r2, #0
	b 1f
	mov r2, #1
1:	EXPECT(r2, 0)
	mov r0, #5
	bl local_fn
	EXPECT(r0, 6)
	mov r0, #0
	ldr r3, =arm_add1
	blx r3
	EXPECT(r0, 1)
	bl arm_add1
	EXPECT(r0, 2)
	ldr r3, =thumb_add10
	blx r3
	EXPECT(r0, 12)
	bl thumb_add10
	EXPECT(r0, 22)
	bl arm_add2_pop
	EXPECT(r0, 24)
	bl thumb_add20_pop
	EXPECT(r0, 44)
	/* BX to a Thumb address (bit 0 set) and back */
	adr r3, 2f
	add r3, r3, #1
	bx r3
	.thumb
2:	adds r0, r0, #1
	ldr r3, =3f
#ifdef __thumb__
	orr r3, r3, #1
#endif
	bx r3
#ifdef __thumb__
	.thumb
#else
	.arm
#endif
	.balign 4
3:	EXPECT(r0, 45)
	/* load to PC interworks */
	adr lr, 4f
#ifdef __thumb__
	orr lr, lr, #1
#endif
	ldr r3, =thumb_add10
	push {r3}
	pop {pc}
4:	EXPECT(r0, 55)
	ldr r3, =arm_add1
	str r3, [sp, #-8]!
	adr lr, 5f
#ifdef __thumb__
	orr lr, lr, #1
#endif
	ldr pc, [sp], #8
5:	EXPECT(r0, 56)
	ENDGROUP

	GROUP(branch_cond)
	mov r2, #0
	SETF(F_Z)
	beq 1f
	orr r2, r2, #1
1:	bne 2f
	b 3f
2:	orr r2, r2, #2
3:	SETF(F_N)
	bgt 4f
	blt 5f
4:	orr r2, r2, #4
5:	SETF(F_C)
	bls 6f
	bhi 7f
6:	orr r2, r2, #8
7:	SETF(F_V)
	bvc 8f
	bge 8f
	blt 9f
8:	orr r2, r2, #16
9:	EXPECT(r2, 0)
	/* a counted loop */
	mov r2, #0
	mov r3, #100
10:	add r2, r2, r3
	subs r3, r3, #1
	bne 10b
	EXPECT(r2, 5050)
	ENDGROUP

#ifdef __thumb__
	GROUP(branch_it)
	mov r2, #0
	SETF(F_Z)
	ite eq
	addeq r2, r2, #1
	addne r2, r2, #2
	EXPECT(r2, 1)
	SETF(F_C)
	itete cc
	addcc r2, r2, #4
	addcs r2, r2, #8
	addcc r2, r2, #16
	addcs r2, r2, #32
	EXPECT(r2, 41)
	/* flag-setting inside IT: the next instruction's condition sees the new flags */
	mov r3, #0
	SETF(0)
	itt ne
	cmpne r3, #0
	addne r2, r2, #100
	EXPECT(r2, 41)
	/* 16-bit ADDS inside IT does not set flags (it is ADD) */
	SETF(F_Z)
	it eq
	addeq r3, r3, #0
	EXPECT_PSR(F_NZCV, F_Z)
	movs r3, #0
	cbz r3, 1f
	mov r2, #0
1:	EXPECT(r2, 41)
	cbnz r3, 2f
	add r2, r2, #1
2:	EXPECT(r2, 42)
	ENDGROUP

	GROUP(branch_table)
	mov r2, #0
	mov r3, #0
11:	tbb [pc, r3]
12:	.byte (20f-12b)/2, (21f-12b)/2, (22f-12b)/2, (23f-12b)/2
20:	add r2, r2, #1
	b 29f
21:	add r2, r2, #10
	b 29f
22:	add r2, r2, #100
	b 29f
23:	add r2, r2, #1000
29:	add r3, r3, #1
	cmp r3, #4
	blt 11b
	EXPECT(r2, 1111)
	mov r3, #2
	tbh [pc, r3, lsl #1]
13:	.hword (30f-13b)/2, (31f-13b)/2, (32f-13b)/2
30:	mov r2, #1
	b 39f
31:	mov r2, #2
	b 39f
32:	mov r2, #3
39:	EXPECT(r2, 3)
	ENDGROUP
#endif

	TEST_END

	.type local_fn, %function
#ifdef __thumb__
	.thumb_func
#endif
local_fn:
	add r0, r0, #1
	bx lr

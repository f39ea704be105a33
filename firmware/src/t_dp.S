/* Data processing: arithmetic and logical instructions, flags, shifter operands. ARM and Thumb. */
#include "check.inc"
	TEST_MAIN

	GROUP(dp_add_sub)
	ldr r1, =0x7fffffff
	adds r2, r1, #1
	EXPECT(r2, 0x80000000)
	EXPECT_PSR(F_NZCV, F_N|F_V)
	ldr r1, =0xffffffff
	adds r2, r1, #1
	EXPECT(r2, 0)
	EXPECT_PSR(F_NZCV, F_Z|F_C)
	SETF(F_C)
	mov r1, #5
	adcs r2, r1, #3
	EXPECT(r2, 9)
	EXPECT_PSR(F_NZCV, 0)
	SETF(F_C)
	ldr r1, =0xfffffffe
	adcs r2, r1, #1
	EXPECT(r2, 0)
	EXPECT_PSR(F_NZCV, F_Z|F_C)
	mov r1, #5
	subs r2, r1, #5
	EXPECT(r2, 0)
	EXPECT_PSR(F_NZCV, F_Z|F_C)
	mov r1, #3
	subs r2, r1, #5
	EXPECT(r2, 0xfffffffe)
	EXPECT_PSR(F_NZCV, F_N)
	ldr r1, =0x80000000
	subs r2, r1, #1
	EXPECT(r2, 0x7fffffff)
	EXPECT_PSR(F_NZCV, F_C|F_V)
	SETF(0)
	mov r1, #5
	sbcs r2, r1, #3
	EXPECT(r2, 1)
	EXPECT_PSR(F_NZCV, F_C)
	SETF(0)
	mov r1, #0
	sbcs r2, r1, #0
	EXPECT(r2, 0xffffffff)
	EXPECT_PSR(F_NZCV, F_N)
	mov r1, #5
	rsbs r2, r1, #0
	EXPECT(r2, 0xfffffffb)
	EXPECT_PSR(F_NZCV, F_N)
	mov r1, #0
	rsbs r2, r1, #0
	EXPECT(r2, 0)
	EXPECT_PSR(F_NZCV, F_Z|F_C)
	ldr r1, =0x12345678
	ldr r3, =0x11111111
	add r2, r1, r3
	EXPECT(r2, 0x23456789)
	sub r2, r1, r3
	EXPECT(r2, 0x01234567)
	add r2, r1, r3, lsl #4
	EXPECT(r2, 0x23456788)
	sub r2, r1, r3, lsr #4
	EXPECT(r2, 0x11234567)
	rsb r2, r1, r3, asr #1
	EXPECT(r2, 0xf6543210)
#ifndef __thumb__
	SETF(F_C)
	mov r1, #7
	rscs r2, r1, #10
	EXPECT(r2, 3)
	EXPECT_PSR(F_NZCV, F_C)
	SETF(0)
	rscs r2, r1, #7
	EXPECT(r2, 0xffffffff)
	EXPECT_PSR(F_NZCV, F_N)
#else
	ldr r1, =1000
	addw r2, r1, #4095
	EXPECT(r2, 5095)
	subw r2, r1, #1001
	EXPECT(r2, 0xffffffff)
#endif
	ENDGROUP

	GROUP(dp_compare)
	mov r1, #4
	cmp r1, #4
	EXPECT_PSR(F_NZCV, F_Z|F_C)
	cmp r1, #5
	EXPECT_PSR(F_NZCV, F_N)
	ldr r3, =0x80000000
	cmp r3, #1
	EXPECT_PSR(F_NZCV, F_C|F_V)
	mvn r2, #3
	cmn r1, r2
	EXPECT_PSR(F_NZCV, F_Z|F_C)
	ldr r2, =0x7fffffff
	cmn r2, #1
	EXPECT_PSR(F_NZCV, F_N|F_V)
	SETF(F_C|F_V)
	tst r1, #3
	EXPECT_PSR(F_NZCV, F_Z|F_C|F_V)
	SETF(0)
	tst r3, #0x80000000
	EXPECT_PSR(F_NZCV, F_N|F_C)
	SETF(F_C)
	teq r3, r3
	EXPECT_PSR(F_NZCV, F_Z|F_C)
	SETF(F_V)
	teq r3, r1
	EXPECT_PSR(F_NZCV, F_N|F_V)
	SETF(0)
	cmp r1, r3, lsr #29
	EXPECT_PSR(F_NZCV, F_Z|F_C)
	ENDGROUP

	GROUP(dp_logic)
	ldr r1, =0xf0f0f0f0
	ldr r3, =0x0ff00ff0
	and r2, r1, r3
	EXPECT(r2, 0x00f000f0)
	orr r2, r1, r3
	EXPECT(r2, 0xfff0fff0)
	eor r2, r1, r3
	EXPECT(r2, 0xff00ff00)
	bic r2, r1, r3
	EXPECT(r2, 0xf000f000)
	mvn r2, r1
	EXPECT(r2, 0x0f0f0f0f)
	mvn r2, #0xff
	EXPECT(r2, 0xffffff00)
#ifdef __thumb__
	orn r2, r1, r3
	EXPECT(r2, 0xf0fff0ff)
	orn r2, r1, #0xff
	EXPECT(r2, 0xfffffff0)
#endif
	SETF(F_V)
	ands r2, r1, #0xff000000
	EXPECT(r2, 0xf0000000)
	EXPECT_PSR(F_NZCV, F_N|F_C|F_V)
	SETF(F_C)
	ands r2, r1, #0x0f
	EXPECT(r2, 0)
	EXPECT_PSR(F_NZCV, F_Z|F_C)
	SETF(F_C)
	eors r2, r1, #0xf0
	EXPECT(r2, 0xf0f0f000)
	EXPECT_PSR(F_NZCV, F_N|F_C)
	SETF(0)
	orrs r2, r1, r3, lsl #4
	EXPECT(r2, 0xfff0fff0)
	EXPECT_PSR(F_NZCV, F_N)
	SETF(0)
	bics r2, r1, r3, lsr #1
	EXPECT(r2, 0xf000f000)
	EXPECT_PSR(F_NZCV, F_N)
	movw r2, #0xbeef
	EXPECT(r2, 0x0000beef)
	movt r2, #0xdead
	EXPECT(r2, 0xdeadbeef)
	mov r2, #0x00ab0000
	EXPECT(r2, 0x00ab0000)
	ENDGROUP

	GROUP(dp_shift_imm)
	ldr r1, =0x80000001
	SETF(0)
	lsls r2, r1, #1
	EXPECT(r2, 2)
	EXPECT_PSR(F_NZCV, F_C)
	SETF(0)
	lsrs r2, r1, #1
	EXPECT(r2, 0x40000000)
	EXPECT_PSR(F_NZCV, F_C)
	SETF(0)
	lsrs r2, r1, #32
	EXPECT(r2, 0)
	EXPECT_PSR(F_NZCV, F_Z|F_C)
	SETF(0)
	asrs r2, r1, #1
	EXPECT(r2, 0xc0000000)
	EXPECT_PSR(F_NZCV, F_N|F_C)
	SETF(0)
	asrs r2, r1, #32
	EXPECT(r2, 0xffffffff)
	EXPECT_PSR(F_NZCV, F_N|F_C)
	SETF(0)
	rors r2, r1, #4
	EXPECT(r2, 0x18000000)
	EXPECT_PSR(F_NZCV, 0)
	SETF(0)
	rors r2, r1, #1
	EXPECT(r2, 0xc0000000)
	EXPECT_PSR(F_NZCV, F_N|F_C)
	SETF(F_C)
	rrxs r2, r1
	EXPECT(r2, 0xc0000000)
	EXPECT_PSR(F_NZCV, F_N|F_C)
	SETF(0)
	rrxs r2, r1
	EXPECT(r2, 0x40000000)
	EXPECT_PSR(F_NZCV, F_C)
	SETF(F_C)
	lsls r2, r1, #0
	EXPECT(r2, 0x80000001)
	EXPECT_PSR(F_NZCV, F_N|F_C)
	SETF(F_C|F_V)
	movs r2, r1, lsl #31
	EXPECT(r2, 0x80000000)
	EXPECT_PSR(F_NZCV, F_N|F_V)
	ldr r3, =0x11111111
	SETF(0)
	adds r2, r3, r1, ror #31
	EXPECT(r2, 0x11111114)
	EXPECT_PSR(F_NZCV, 0)
	ENDGROUP

	GROUP(dp_shift_reg)
	ldr r1, =0x80000001
	mov r3, #32
	SETF(0)
	lsls r2, r1, r3
	EXPECT(r2, 0)
	EXPECT_PSR(F_NZCV, F_Z|F_C)
	mov r3, #33
	SETF(F_C)
	lsls r2, r1, r3
	EXPECT(r2, 0)
	EXPECT_PSR(F_NZCV, F_Z)
	mov r3, #0
	SETF(F_C)
	lsls r2, r1, r3
	EXPECT(r2, 0x80000001)
	EXPECT_PSR(F_NZCV, F_N|F_C)
	mov r3, #0x100
	SETF(0)
	lsls r2, r1, r3
	EXPECT(r2, 0x80000001)
	EXPECT_PSR(F_NZCV, F_N)
	mov r3, #0x101
	SETF(0)
	lsls r2, r1, r3
	EXPECT(r2, 2)
	EXPECT_PSR(F_NZCV, F_C)
	mov r3, #32
	SETF(0)
	lsrs r2, r1, r3
	EXPECT(r2, 0)
	EXPECT_PSR(F_NZCV, F_Z|F_C)
	mov r3, #31
	SETF(0)
	lsrs r2, r1, r3
	EXPECT(r2, 1)
	EXPECT_PSR(F_NZCV, F_Z^F_Z)
	mov r3, #200
	SETF(0)
	asrs r2, r1, r3
	EXPECT(r2, 0xffffffff)
	EXPECT_PSR(F_NZCV, F_N|F_C)
	mov r3, #32
	SETF(0)
	rors r2, r1, r3
	EXPECT(r2, 0x80000001)
	EXPECT_PSR(F_NZCV, F_N|F_C)
	mov r3, #36
	SETF(0)
	rors r2, r1, r3
	EXPECT(r2, 0x18000000)
	EXPECT_PSR(F_NZCV, 0)
#ifndef __thumb__
	ldr r4, =0x01010101
	mov r3, #4
	add r2, r4, r1, lsl r3
	EXPECT(r2, 0x01010111)
	SETF(0)
	movs r2, r1, lsr r3
	EXPECT(r2, 0x08000000)
	EXPECT_PSR(F_NZCV, 0)
	mov r3, #0
	SETF(F_C)
	ands r2, r1, r1, ror r3
	EXPECT(r2, 0x80000001)
	EXPECT_PSR(F_NZCV, F_N|F_C)
	mov r3, #33
	SETF(0)
	eors r2, r4, r1, asr r3
	EXPECT(r2, 0xfefefefe)
	EXPECT_PSR(F_NZCV, F_N|F_C)
#endif
	ENDGROUP

#ifndef __thumb__
	GROUP(dp_conditional)
	mov r2, #0
	SETF(F_Z)
	addeq r2, r2, #1
	addne r2, r2, #0x10
	SETF(F_C)
	addcs r2, r2, #0x100
	addcc r2, r2, #0x1000
	SETF(F_N)
	addmi r2, r2, #0x10000
	addpl r2, r2, #0x100000
	SETF(F_V)
	addvs r2, r2, #0x1000000
	addvc r2, r2, #0x10000000
	EXPECT(r2, 0x01010101)
	mov r2, #0
	SETF(F_C)
	addhi r2, r2, #1
	SETF(F_C|F_Z)
	addls r2, r2, #2
	SETF(F_N|F_V)
	addge r2, r2, #4
	addlt r2, r2, #8
	SETF(F_N)
	addlt r2, r2, #16
	addgt r2, r2, #32
	SETF(0)
	addgt r2, r2, #64
	addle r2, r2, #128
	SETF(F_Z)
	addle r2, r2, #256
	addal r2, r2, #512
	EXPECT(r2, 0x357)
	ENDGROUP
#endif

	GROUP(dp_pc)
	adr r2, 1f
1:	ldr r3, =1b
	EXPECT(r2, 1b)
	EXPECT(r3, 1b)
	ENDGROUP

	TEST_END

/* Multiplies: 32- and 64-bit, signed halfword (DSP) and dual multiplies, most-significant-word. */
#include "check.inc"
	TEST_MAIN

	GROUP(mul_32)
	ldr r1, =0x12345678
	ldr r3, =0x9abcdef0
	mul r2, r1, r3
	EXPECT(r2, 0x242d2080)
	ldr r4, =0x11111111
	mla r2, r1, r3, r4
	EXPECT(r2, 0x353e3191)
	mls r2, r1, r3, r4
	EXPECT(r2, 0xece3f091)
	SETF(F_C|F_V)
	mov r1, #0
	muls r1, r3, r1
	EXPECT(r1, 0)
	EXPECT_PSR(F_NZCV, F_Z|F_C|F_V)
	mov r1, #3
	mvn r2, #0
	SETF(0)
	muls r2, r1, r2
	EXPECT(r2, 0xfffffffd)
	EXPECT_PSR(F_NZCV, F_N)
	ENDGROUP

	GROUP(mul_64)
	ldr r1, =0x12345678
	ldr r3, =0x9abcdef0
	umull r4, r5, r1, r3
	EXPECT(r4, 0x242d2080)
	EXPECT(r5, 0x0b00ea4e)
	smull r4, r5, r1, r3
	EXPECT(r4, 0x242d2080)
	EXPECT(r5, 0xf8cc93d6)
	ldr r4, =0xffffffff
	mov r5, #1
	umlal r4, r5, r1, r3
	EXPECT(r4, 0x242d207f)
	EXPECT(r5, 0x0b00ea50)
	mov r4, #0
	mov r5, #0
	smlal r4, r5, r1, r3
	EXPECT(r4, 0x242d2080)
	EXPECT(r5, 0xf8cc93d6)
	ldr r4, =0xffffffff
	ldr r5, =0xffffffff
	umaal r4, r5, r1, r3
	EXPECT(r4, 0x242d207e)
	EXPECT(r5, 0x0b00ea50)
#ifndef __thumb__
	SETF(F_C|F_V)
	mov r4, #0
	mov r5, #0
	smulls r4, r5, r4, r3
	EXPECT_PSR(F_NZCV, F_Z|F_C|F_V)
	SETF(0)
	umulls r4, r5, r1, r3
	EXPECT_PSR(F_NZCV, 0)
	SETF(0)
	smulls r4, r5, r1, r3
	EXPECT_PSR(F_NZCV, F_N)
#endif
	ENDGROUP

	GROUP(mul_halfword)
	ldr r1, =0x8000fffe
	ldr r3, =0x00037fff
	smulbb r2, r1, r3
	EXPECT(r2, 0xffff0002)
	smulbt r2, r1, r3
	EXPECT(r2, 0xfffffffa)
	smultb r2, r1, r3
	EXPECT(r2, 0xc0008000)
	smultt r2, r1, r3
	EXPECT(r2, 0xfffe8000)
	ldr r4, =0x7fffffff
	SETF(0)
	smlabb r2, r1, r3, r4
	EXPECT(r2, 0x7fff0001)
	EXPECT_PSR(F_Q, 0)
	ldr r1, =0x00010001
	smlabb r2, r1, r1, r4
	EXPECT(r2, 0x80000000)
	EXPECT_PSR(F_Q, F_Q)
	SETF(0)
	ldr r1, =0x40000000
	ldr r3, =0x00020003
	smulwb r2, r1, r3
	EXPECT(r2, 0x0000c000)
	smulwt r2, r1, r3
	EXPECT(r2, 0x00008000)
	ldr r4, =100
	smlawt r2, r1, r3, r4
	EXPECT(r2, 0x00008064)
	mvn r4, #0
	mov r5, #0
	ldr r1, =0x7fff8000
	smlalbb r4, r5, r1, r1
	EXPECT(r4, 0x3fffffff)
	EXPECT(r5, 1)
	mov r4, #0
	mov r5, #0
	smlaltb r4, r5, r1, r1
	EXPECT(r4, 0xc0008000)
	EXPECT(r5, 0xffffffff)
	ENDGROUP

	GROUP(mul_dual)
	ldr r1, =0x00020003
	ldr r3, =0x00050007
	smuad r2, r1, r3
	EXPECT(r2, 31)
	smuadx r2, r1, r3
	EXPECT(r2, 29)
	smusd r2, r1, r3
	EXPECT(r2, 11)
	smusdx r2, r1, r3
	EXPECT(r2, 1)
	mov r4, #1000
	smlad r2, r1, r3, r4
	EXPECT(r2, 1031)
	smlsd r2, r1, r3, r4
	EXPECT(r2, 1011)
	smlsdx r2, r1, r3, r4
	EXPECT(r2, 1001)
	SETF(0)
	ldr r1, =0x80008000
	smuad r2, r1, r1
	EXPECT(r2, 0x80000000)
	EXPECT_PSR(F_Q, F_Q)
	SETF(0)
	ldr r1, =0x00020003
	mov r4, #1
	mov r5, #0
	smlald r4, r5, r1, r3
	EXPECT(r4, 32)
	EXPECT(r5, 0)
	mov r4, #0
	mov r5, #0
	smlsld r4, r5, r3, r1
	EXPECT(r4, 11)
	EXPECT(r5, 0)
	mov r4, #0
	mov r5, #0
	smlaldx r4, r5, r1, r3
	EXPECT(r4, 29)
	ENDGROUP

	GROUP(mul_msw)
	ldr r1, =0x40000000
	ldr r3, =0x00000006
	smmul r2, r1, r3
	EXPECT(r2, 1)
	smmulr r2, r1, r3
	EXPECT(r2, 2)
	ldr r1, =0x80000000
	ldr r3, =0x80000000
	smmul r2, r1, r3
	EXPECT(r2, 0x40000000)
	mov r4, #5
	smmla r2, r1, r3, r4
	EXPECT(r2, 0x40000005)
	smmls r2, r1, r3, r4
	EXPECT(r2, 0xc0000005)
	ldr r1, =0x40000000
	ldr r3, =0x00000006
	smmlsr r2, r1, r3, r4
	EXPECT(r2, 4)
	smmlar r2, r1, r3, r4
	EXPECT(r2, 7)
	ENDGROUP

	TEST_END

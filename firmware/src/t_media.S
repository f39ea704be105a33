/* Saturating arithmetic, parallel add/subtract with GE flags, SEL, pack, extend, USAD8. */
#include "check.inc"
	TEST_MAIN

	GROUP(media_saturate)
	SETF(0)
	ldr r1, =0x7ffffff0
	mov r3, #0x20
	qadd r2, r1, r3
	EXPECT(r2, 0x7fffffff)
	EXPECT_PSR(F_Q, F_Q)
	SETF(0)
	qadd r2, r3, r3
	EXPECT(r2, 0x40)
	EXPECT_PSR(F_Q, 0)
	ldr r1, =0x80000010
	qsub r2, r1, r3
	EXPECT(r2, 0x80000000)
	EXPECT_PSR(F_Q, F_Q)
	SETF(0)
	ldr r1, =0x40000000
	qdadd r2, r3, r1
	EXPECT(r2, 0x7fffffff)
	EXPECT_PSR(F_Q, F_Q)
	SETF(0)
	mov r1, #0x100
	qdsub r2, r3, r1
	EXPECT(r2, 0xfffffe20)
	EXPECT_PSR(F_Q, 0)
	ldr r1, =300
	ssat r2, #8, r1
	EXPECT(r2, 127)
	EXPECT_PSR(F_Q, F_Q)
	SETF(0)
	ldr r1, =-300
	usat r2, #8, r1
	EXPECT(r2, 0)
	EXPECT_PSR(F_Q, F_Q)
	SETF(0)
	ldr r1, =0x10
	usat r2, #8, r1, lsl #3
	EXPECT(r2, 0x80)
	EXPECT_PSR(F_Q, 0)
	ldr r1, =0x80000000
	ssat r2, #16, r1, asr #8
	EXPECT(r2, 0xffff8000)
	EXPECT_PSR(F_Q, F_Q)
	SETF(0)
	ldr r1, =0x0200fe00
	ssat16 r2, #4, r1
	EXPECT(r2, 0x0007fff8)
	usat16 r2, #4, r1
	EXPECT(r2, 0x000f0000)
	EXPECT_PSR(F_Q, F_Q)
	ENDGROUP

	GROUP(media_parallel)
	SETF(0)
	ldr r1, =0x7fff0001
	ldr r3, =0x00018000
	sadd16 r2, r1, r3
	EXPECT(r2, 0x80008001)
	EXPECT_PSR(F_GE, 0xc0000)
	ssub16 r2, r1, r3
	EXPECT(r2, 0x7ffe8001)
	EXPECT_PSR(F_GE, 0xf0000)
	uadd16 r2, r1, r3
	EXPECT(r2, 0x80008001)
	EXPECT_PSR(F_GE, 0x00000)
	usub16 r2, r1, r3
	EXPECT(r2, 0x7ffe8001)
	EXPECT_PSR(F_GE, 0xc0000)
	ldr r1, =0x80ff7f01
	ldr r3, =0x01017f80
	uadd8 r2, r1, r3
	EXPECT(r2, 0x8100fe81)
	EXPECT_PSR(F_GE, 0x40000)
	sadd8 r2, r1, r3
	EXPECT(r2, 0x8100fe81)
	EXPECT_PSR(F_GE, 0x60000)
	usub8 r2, r1, r3
	EXPECT(r2, 0x7ffe0081)
	EXPECT_PSR(F_GE, 0xe0000)
	ssub8 r2, r1, r3
	EXPECT(r2, 0x7ffe0081)
	EXPECT_PSR(F_GE, 0x30000)
	sasx r2, r1, r3
	EXPECT(r2, 0x007f7e00)
	ssax r2, r1, r3
	EXPECT(r2, 0x017f8002)
	ldr r1, =0x7fff8000
	ldr r3, =0x00100010
	qadd16 r2, r1, r3
	EXPECT(r2, 0x7fff8010)
	qsub16 r2, r1, r3
	EXPECT(r2, 0x7fef8000)
	ldr r1, =0xf0108020
	ldr r3, =0x20f0f0f0
	uqadd8 r2, r1, r3
	EXPECT(r2, 0xffffffff)
	uqsub8 r2, r1, r3
	EXPECT(r2, 0xd0000000)
	qadd8 r2, r1, r3
	EXPECT(r2, 0x10008010)
	shadd16 r2, r1, r3
	EXPECT(r2, 0x0880b888)
	uhadd8 r2, r1, r3
	EXPECT(r2, 0x8880b888)
	uhsub16 r2, r1, r3
	EXPECT(r2, 0x6790c798)
	shsub8 r2, r1, r3
	EXPECT(r2, 0xe810c818)
	ENDGROUP

	GROUP(media_sel_pack)
	ldr r1, =0x11223344
	ldr r3, =0xaabbccdd
	SETF(0x50000)
	sel r2, r1, r3
	EXPECT(r2, 0xaa22cc44)
	SETF(0xa0000)
	sel r2, r1, r3
	EXPECT(r2, 0x11bb33dd)
	pkhbt r2, r1, r3, lsl #16
	EXPECT(r2, 0xccdd3344)
	pkhtb r2, r1, r3, asr #16
	EXPECT(r2, 0x1122aabb)
	pkhtb r2, r1, r3
	EXPECT(r2, 0x1122ccdd)
	ENDGROUP

	GROUP(media_extend)
	ldr r1, =0x8091a2b3
	sxtb r2, r1
	EXPECT(r2, 0xffffffb3)
	sxtb r2, r1, ror #8
	EXPECT(r2, 0xffffffa2)
	sxth r2, r1
	EXPECT(r2, 0xffffa2b3)
	sxth r2, r1, ror #16
	EXPECT(r2, 0xffff8091)
	uxtb r2, r1, ror #24
	EXPECT(r2, 0x80)
	uxth r2, r1, ror #8
	EXPECT(r2, 0x91a2)
	sxtb16 r2, r1
	EXPECT(r2, 0xff91ffb3)
	uxtb16 r2, r1, ror #8
	EXPECT(r2, 0x008000a2)
	ldr r3, =0x00010002
	sxtab r2, r3, r1
	EXPECT(r2, 0x0000ffb5)
	uxtab r2, r3, r1
	EXPECT(r2, 0x000100b5)
	sxtah r2, r3, r1
	EXPECT(r2, 0x0000a2b5)
	uxtah r2, r3, r1
	EXPECT(r2, 0x0001a2b5)
	sxtab16 r2, r3, r1
	EXPECT(r2, 0xff92ffb5)
	uxtab16 r2, r3, r1
	EXPECT(r2, 0x009200b5)
	ENDGROUP

	GROUP(media_usad)
	ldr r1, =0x01ff1080
	ldr r3, =0x02001f7f
	usad8 r2, r1, r3
	EXPECT(r2, 0x110)
	mov r4, #0x1000
	usada8 r2, r1, r3, r4
	EXPECT(r2, 0x1110)
	ENDGROUP

	TEST_END

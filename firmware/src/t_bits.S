/* Bit operations: CLZ, RBIT, REV*, bitfield insert/clear/extract. */
#include "check.inc"
	TEST_MAIN

	GROUP(bits_count_reverse)
	mov r1, #0
	clz r2, r1
	EXPECT(r2, 32)
	ldr r1, =0x00010000
	clz r2, r1
	EXPECT(r2, 15)
	mvn r1, #0
	clz r2, r1
	EXPECT(r2, 0)
	ldr r1, =0x12345678
	rbit r2, r1
	EXPECT(r2, 0x1e6a2c48)
	rev r2, r1
	EXPECT(r2, 0x78563412)
	rev16 r2, r1
	EXPECT(r2, 0x34127856)
	ldr r1, =0x000012f0
	revsh r2, r1
	EXPECT(r2, 0xfffff012)
	ENDGROUP

	GROUP(bits_field)
	ldr r1, =0xffffffff
	ldr r3, =0x12345678
	bfi r1, r3, #8, #12
	EXPECT(r1, 0xfff678ff)
	bfc r1, #0, #4
	EXPECT(r1, 0xfff678f0)
	bfc r1, #31, #1
	EXPECT(r1, 0x7ff678f0)
	bfi r1, r3, #0, #32
	EXPECT(r1, 0x12345678)
	ubfx r2, r3, #4, #8
	EXPECT(r2, 0x67)
	sbfx r2, r3, #4, #8
	EXPECT(r2, 0x67)
	sbfx r2, r3, #8, #4
	EXPECT(r2, 0x6)
	sbfx r2, r3, #3, #4
	EXPECT(r2, 0xffffffff)
	ubfx r2, r3, #0, #32
	EXPECT(r2, 0x12345678)
	sbfx r2, r3, #31, #1
	EXPECT(r2, 0)
	ENDGROUP

	TEST_END

/* Exclusive loads and stores: success, failure after CLREX / without a reservation, sizes. */
#include "check.inc"
	.data
	.balign 16
ebuf:	.word 0x11223344, 0x55667788, 0, 0
	.text
	TEST_MAIN

	GROUP(excl_word)
	ldr r4, =ebuf
	ldrex r2, [r4]
	EXPECT(r2, 0x11223344)
	ldr r6, =0xabcdef01
	strex r3, r6, [r4]
	EXPECT(r3, 0)
	ldr r2, [r4]
	EXPECT(r2, 0xabcdef01)
	mov r6, #1
	strex r3, r6, [r4]
	EXPECT(r3, 1)
	ldr r2, [r4]
	EXPECT(r2, 0xabcdef01)
	ldrex r2, [r4]
	clrex
	strex r3, r6, [r4]
	EXPECT(r3, 1)
	ldr r2, [r4]
	EXPECT(r2, 0xabcdef01)
	/* atomic increment loop */
	mov r7, #0
	add r5, r4, #8
1:	ldrex r2, [r5]
	add r2, r2, #1
	strex r3, r2, [r5]
	cmp r3, #0
	bne 1b
	add r7, r7, #1
	cmp r7, #10
	blt 1b
	ldr r2, [r4, #8]
	EXPECT(r2, 10)
	ENDGROUP

	GROUP(excl_sizes)
	ldr r4, =ebuf
	ldr r6, =0x11223344
	str r6, [r4]
	add r5, r4, #1
	ldrexb r2, [r5]
	EXPECT(r2, 0x33)
	mov r6, #0xee
	strexb r3, r6, [r5]
	EXPECT(r3, 0)
	ldr r2, [r4]
	EXPECT(r2, 0x1122ee44)
	add r5, r4, #2
	ldrexh r2, [r5]
	EXPECT(r2, 0x1122)
	ldr r6, =0xbeef
	strexh r3, r6, [r5]
	EXPECT(r3, 0)
	ldr r2, [r4]
	EXPECT(r2, 0xbeefee44)
	ldrexd r6, r7, [r4]
	EXPECT(r6, 0xbeefee44)
	EXPECT(r7, 0x55667788)
	mov r8, #1
	mov r9, #2
	strexd r3, r8, r9, [r4]
	EXPECT(r3, 0)
	ldrd r6, r7, [r4]
	EXPECT(r6, 1)
	EXPECT(r7, 2)
	strexd r3, r8, r9, [r4]
	EXPECT(r3, 1)
	ENDGROUP

	TEST_END

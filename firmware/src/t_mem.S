/* Loads and stores: every addressing mode, byte/halfword/signed/doubleword, LDM/STM, PUSH/POP. */
#include "check.inc"
	.data
	.balign 16
buf:	.word 0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00
	.word 0x80818283, 0x84858687, 0x88898a8b, 0x8c8d8e8f
	.space 64
	.text
	TEST_MAIN

	GROUP(mem_word)
	ldr r4, =buf
	ldr r2, [r4]
	EXPECT(r2, 0x11223344)
	ldr r2, [r4, #4]
	EXPECT(r2, 0x55667788)
	add r5, r4, #8
	ldr r2, [r5, #-4]
	EXPECT(r2, 0x55667788)
	mov r5, r4
	ldr r2, [r5, #8]!
	EXPECT(r2, 0x99aabbcc)
	EXPECT(r5, buf+8)
	ldr r2, [r5], #-4
	EXPECT(r2, 0x99aabbcc)
	EXPECT(r5, buf+4)
	mov r6, #3
	ldr r2, [r4, r6, lsl #2]
	EXPECT(r2, 0xddeeff00)
	mov r6, #12
	ldr r2, [r4, r6]
	EXPECT(r2, 0xddeeff00)
#ifndef __thumb__
	add r5, r4, #12
	mov r6, #2
	ldr r2, [r5, -r6, lsl #2]
	EXPECT(r2, 0x55667788)
	ldr r2, [r5, -r6, lsl #2]!
	EXPECT(r5, buf+4)
	mov r6, #16
	ldr r2, [r5], r6, lsr #1
	EXPECT(r2, 0x55667788)
	EXPECT(r5, buf+12)
	ldr r2, [r5, -r6, asr #2]
	EXPECT(r2, 0x99aabbcc)
	ldr r2, [r5, -r6, ror #2]
	EXPECT(r2, 0x99aabbcc)
#endif
	ldr r6, =0xcafef00d
	str r6, [r4, #32]
	ldr r2, [r4, #32]
	EXPECT(r2, 0xcafef00d)
	add r5, r4, #32
	str r6, [r5, #4]!
	EXPECT(r5, buf+36)
	str r4, [r5], #4
	EXPECT(r5, buf+40)
	ldr r2, [r4, #36]
	EXPECT(r2, buf)
	ldr r2, lit
	EXPECT(r2, 0x0badcafe)
	ENDGROUP

	GROUP(mem_byte_half)
	ldr r4, =buf
	ldrb r2, [r4]
	EXPECT(r2, 0x44)
	ldrb r2, [r4, #3]
	EXPECT(r2, 0x11)
	ldrsb r2, [r4, #16]
	EXPECT(r2, 0xffffff83)
	ldrsb r2, [r4, #1]
	EXPECT(r2, 0x33)
	ldrh r2, [r4, #2]
	EXPECT(r2, 0x1122)
	ldrsh r2, [r4, #18]
	EXPECT(r2, 0xffff8081)
	mov r6, #6
	ldrh r2, [r4, r6]
	EXPECT(r2, 0x5566)
	ldrsh r2, [r4, r6]
	EXPECT(r2, 0x5566)
	add r5, r4, #16
	ldrsb r2, [r5, #-1]!
	EXPECT(r2, 0xffffffdd)
	EXPECT(r5, buf+15)
	ldrh r2, [r5], #3
	EXPECT(r5, buf+18)
	ldrsh r2, [r5, #-2]
	EXPECT(r2, 0xffff8283)
#ifndef __thumb__
	mov r6, #2
	ldrh r2, [r5, -r6]
	EXPECT(r2, 0x8283)
	ldrsb r2, [r5], -r6
	EXPECT(r2, 0xffffff81)
	EXPECT(r5, buf+16)
#endif
	mov r6, #0x1ab
	strb r6, [r4, #40]
	mov r6, #0
	strb r6, [r4, #41]
	strh r6, [r4, #42]
	ldr r2, [r4, #40]
	EXPECT(r2, 0xab)
	ldr r6, =0x12345678
	strh r6, [r4, #42]
	ldr r2, [r4, #40]
	EXPECT(r2, 0x567800ab)
	add r5, r4, #44
	strb r6, [r5], #1
	strb r6, [r5], #1
	strh r6, [r5, #0]
	ldr r2, [r4, #44]
	EXPECT(r2, 0x56787878)
	ENDGROUP

	GROUP(mem_double)
	ldr r4, =buf
	ldrd r6, r7, [r4]
	EXPECT(r6, 0x11223344)
	EXPECT(r7, 0x55667788)
	ldrd r6, r7, [r4, #8]
	EXPECT(r6, 0x99aabbcc)
	EXPECT(r7, 0xddeeff00)
	add r5, r4, #16
	ldrd r6, r7, [r5, #-8]!
	EXPECT(r5, buf+8)
	EXPECT(r7, 0xddeeff00)
	ldrd r6, r7, [r5], #16
	EXPECT(r5, buf+24)
	EXPECT(r6, 0x99aabbcc)
	ldr r6, =0xa5a5a5a5
	ldr r7, =0x5a5a5a5a
	strd r6, r7, [r4, #48]
	ldr r2, [r4, #48]
	EXPECT(r2, 0xa5a5a5a5)
	ldr r2, [r4, #52]
	EXPECT(r2, 0x5a5a5a5a)
#ifndef __thumb__
	mov r8, #8
	ldrd r6, r7, [r4, r8]
	EXPECT(r6, 0x99aabbcc)
	ldrd r6, r7, [r4, -r8]
	add r5, r4, #56
	strd r6, r7, [r5, -r8]!
	EXPECT(r5, buf+48)
#endif
	ENDGROUP

	GROUP(mem_multiple)
	ldr r4, =buf
	mov r5, r4
	ldmia r5!, {r6-r8}
	EXPECT(r5, buf+12)
	EXPECT(r6, 0x11223344)
	EXPECT(r8, 0x99aabbcc)
	ldmdb r5!, {r6, r7}
	EXPECT(r5, buf+4)
	EXPECT(r6, 0x55667788)
	EXPECT(r7, 0x99aabbcc)
	ldmdb r5, {r7}
	EXPECT(r7, 0x11223344)
#ifndef __thumb__
	ldmib r5, {r6, r7}
	EXPECT(r6, 0x99aabbcc)
	EXPECT(r7, 0xddeeff00)
	ldmda r5!, {r6, r7}
	EXPECT(r5, buf-4)
	EXPECT(r6, 0x11223344)
	EXPECT(r7, 0x55667788)
	add r5, r4, #64
	mov r6, #1
	mov r7, #2
	stmib r5!, {r6, r7}
	EXPECT(r5, buf+72)
	stmda r5, {r6, r7}
	ldr r2, [r4, #72]
	EXPECT(r2, 2)
	ldr r2, [r4, #68]
	EXPECT(r2, 1)
#endif
	add r5, r4, #80
	mov r6, #6
	mov r7, #7
	mov r8, #8
	stmia r5!, {r6-r8}
	EXPECT(r5, buf+92)
	stmdb r5!, {r7, r8}
	EXPECT(r5, buf+84)
	ldm r5, {r9-r11}
	EXPECT(r9, 7)
	EXPECT(r10, 8)
	EXPECT(r11, 0)
	mov r9, sp
	mov r6, #0x66
	mov r7, #0x77
	push {r6, r7}
	mov r3, sp
	sub r2, r9, r3
	EXPECT(r2, 8)
	ldr r2, [sp, #4]
	EXPECT(r2, 0x77)
	pop {r7, r8}
	EXPECT(r7, 0x66)
	EXPECT(r8, 0x77)
	mov r3, sp
	sub r2, r9, r3
	EXPECT(r2, 0)
	/* base in the register list, no writeback */
	add r5, r4, #16
	ldm r5, {r4, r5}
	EXPECT(r4, 0x80818283)
	EXPECT(r5, 0x84858687)
	ENDGROUP

	GROUP(mem_unpriv)
	ldr r4, =buf
	ldr r6, =0x01020304
	add r5, r4, #96
#ifndef __thumb__
	strt r6, [r5], #4
	EXPECT(r5, buf+100)
	ldrt r2, [r5], #-4
	EXPECT(r2, 0)
	ldrt r2, [r5], #4
	EXPECT(r2, 0x01020304)
	EXPECT(r5, buf+100)
#else
	strt r6, [r5, #4]
	ldrt r2, [r5, #4]
	EXPECT(r2, 0x01020304)
	ldrbt r2, [r5, #7]
	EXPECT(r2, 0x01)
#endif
	ENDGROUP

	TEST_END
	.balign 4
lit:	.word 0x0badcafe

	.syntax unified
	.fpu vfpv3
	.text
	vmla.f32 s1, s2, s31
	vmla.f64 d17, d2, d31
	vmls.f32 s0, s3, s4
	vmls.f64 d0, d3, d4
	vnmls.f32 s5, s6, s7
	vnmls.f64 d5, d22, d7
	vnmla.f32 s5, s6, s7
	vnmla.f64 d5, d6, d7
	vmul.f32 s8, s9, s10
	vmul.f64 d8, d9, d10
	vnmul.f32 s8, s9, s10
	vnmul.f64 d8, d9, d10
	vadd.f32 s0, s1, s2
	vaddne.f64 d16, d1, d2
	vsub.f32 s0, s1, s2
	vsub.f64 d0, d1, d2
	vdiv.f32 s0, s1, s2
	vdiv.f64 d0, d1, d2
	vmov.f32 s3, #1.0
	vmov.f64 d18, #-0.5
	vmov.f32 s0, s1
	vmov.f64 d0, d31
	vabs.f32 s0, s1
	vabs.f64 d0, d1
	vneg.f32 s0, s1
	vneg.f64 d0, d1
	vsqrt.f32 s0, s1
	vsqrt.f64 d0, d1
	vcvtb.f32.f16 s0, s1
	vcvtt.f32.f16 s0, s1
	vcvtb.f16.f32 s0, s1
	vcvtt.f16.f32 s0, s1
	vcmp.f32 s0, s1
	vcmpe.f64 d0, d1
	vcmp.f32 s0, #0
	vcmpe.f64 d0, #0
	vcvt.f64.f32 d0, s1
	vcvt.f32.f64 s0, d1
	vcvt.f32.s32 s0, s1
	vcvt.f64.u32 d0, s1
	vcvt.s32.f32 s0, s1
	vcvtr.u32.f64 s0, d1
	vcvt.f32.s16 s0, s0, #4
	vcvt.f32.u32 s0, s0, #20
	vcvt.f64.s32 d0, d0, #1
	vcvt.f64.u16 d0, d0, #16
	vcvt.s32.f32 s0, s0, #32
	vcvt.u16.f32 s0, s0, #8
	vcvt.s16.f64 d3, d3, #2
	vcvt.u32.f64 d3, d3, #31
	vmov s3, r4
	vmov r4, s3
	vmov.32 d17[1], r2
	vmov.32 r2, d17[0]
	vmov s2, s3, r0, r1
	vmov r0, r1, s2, s3
	vmov d5, r0, r1
	vmov r0, r1, d21
	vmsr fpscr, r0
	vmsr fpexc, r1
	vmrs r0, fpscr
	vmrs APSR_nzcv, fpscr
	vmrs r2, fpsid
	vmrs r3, mvfr0
	vmrs r3, mvfr1
	vmrs r3, fpexc
	vldr s1, [r0, #8]
	vldr d17, [r1, #-16]
	vstr s1, [r0]
	vstr d1, [r1, #1020]
	vldmia r0!, {s1-s4}
	vldmia r0, {d1-d4}
	vstmia r0!, {s1-s4}
	vstmia r0, {d16-d31}
	vldmdb r0!, {s1-s4}
	vldmdb r0!, {d1-d4}
	vstmdb r0!, {s1-s4}
	vstmdb r0!, {d1-d4}
	vpop {s16-s31}
	vpop {d8-d15}
	vpush {s0}
	vpush {d8-d15}
	fldmiax r0!, {d0-d3}
	fstmdbx r0!, {d0-d3}

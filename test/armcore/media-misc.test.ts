// Media group: flag-setting multiplies, set-specific register-15 rules, unallocated words
// (checked word by word under QEMU 7.2 vexpress-a9), and the T16 forms.
import { describe, expect, it } from 'vitest';
import { a32, t16, t32, execA32, execThumb, machine, loadA32, loadThumb, u32, CODE } from '../harness.js';
import { decodeA32, decodeThumb, translateInsn } from '../../src/translator/translate.js';
import { Cpu, Mode } from '../../src/armcore/cpu.js';
import { Bus } from '../../src/armcore/bus.js';

describe('A32 flag-setting multiplies (N and Z only)', () => {
  it('MULS sets N and Z, leaves C and V', () => {
    let m = execA32([a32('MUL', { S: 1, d: 0, n: 1, m: 2 })], { 1: 0x10000, 2: 0x10000 }, mm => { mm.cpu.c = 1; mm.cpu.v = 1; });
    expect([m.cpu.r[0], m.cpu.n, m.cpu.z, m.cpu.c, m.cpu.v]).toEqual([0, 0, 1, 1, 1]);
    m = execA32([a32('MUL', { S: 1, d: 0, n: 1, m: 2 })], { 1: -3, 2: 5 }, mm => { mm.cpu.z = 1; });
    expect([m.cpu.r[0], m.cpu.n, m.cpu.z, m.cpu.c, m.cpu.v]).toEqual([-15, 1, 0, 0, 0]);
  });
  it('MLAS flags the accumulated result', () => {
    const m = execA32([a32('MLA', { S: 1, d: 0, n: 1, m: 2, a: 3 })], { 1: 2, 2: 3, 3: -6 });
    expect([m.cpu.r[0], m.cpu.n, m.cpu.z]).toEqual([0, 0, 1]);
  });
  it('UMULLS / SMLALS: Z from all 64 bits, N from bit 63', () => {
    let m = execA32([a32('UMULL', { S: 1, l: 0, h: 1, n: 2, m: 3 })], { 2: 0x80000000, 3: 2 });
    expect([u32(m.cpu.r[1]!), u32(m.cpu.r[0]!), m.cpu.n, m.cpu.z]).toEqual([1, 0, 0, 0]);
    m = execA32([a32('SMULL', { S: 1, l: 0, h: 1, n: 2, m: 3 })], { 2: -1, 3: 1 });
    expect([m.cpu.n, m.cpu.z]).toEqual([1, 0]);
    m = execA32([a32('SMLAL', { S: 1, l: 0, h: 1, n: 2, m: 3 })], { 0: 1, 1: 0, 2: -1, 3: 1 });
    expect([m.cpu.r[0], m.cpu.r[1], m.cpu.n, m.cpu.z]).toEqual([0, 0, 0, 1]);
    m = execA32([a32('UMLAL', { S: 1, l: 0, h: 1, n: 2, m: 3 })], { 0: 0, 1: 0x80000000, 2: 0, 3: 0 });
    expect([m.cpu.n, m.cpu.z]).toEqual([1, 0]);
  });
  it('a failed condition changes nothing', () => {
    const m = execA32([a32('MUL', { c: 0, S: 1, d: 0, n: 1, m: 2 })], { 0: 7, 1: 2, 2: 3 });
    expect([m.cpu.r[0], m.cpu.z]).toEqual([7, 0]);
  });
});

describe('register 15 operands', () => {
  it('A32 SMLABB with Ra = PC accumulates PC + 8 (QEMU: 0xe100f382 gives r2*r3 + pc + 8)', () => {
    const w = a32('SMLAxy', { d: 0, n: 2, m: 3, a: 15, N: 0, M: 0 });
    expect(w).toBe(0xe100f382);
    const m = execA32([w], { 2: 1, 3: 0x100 });
    expect(u32(m.cpu.r[0]!)).toBe(CODE + 8 + 0x100);
  });
  it('T32 SADD16 with Rn = PC reads the instruction address + 4 (QEMU: 0xfa9ff002 at 0x60010028 gives 0x6001002d)', () => {
    const w = t32('SADD16', { d: 0, n: 15, m: 2 });
    expect(w).toBe(0xfa9ff002);
    const m = execThumb([w], { 2: 1 });
    expect(u32(m.cpu.r[0]!)).toBe(u32(CODE + 4 + 1));
  });
  it('Ra = 1111 selects the non-accumulating forms', () => {
    expect(decodeA32(0xe700f211).encoding?.name).toBe('SMUAD');
    expect(decodeA32(0xe750f211).encoding?.name).toBe('SMMUL');
    expect(decodeA32(0xe780f211).encoding?.name).toBe('USAD8');
    expect(decodeA32(0xe6af0071).encoding?.name).toBe('SXTB');
    expect(decodeA32(0xe7df001f).encoding?.name).toBe('BFC');
    expect(decodeThumb(0xfb12, 0xf003).encoding?.name).toBe('SMULxy');
    expect(decodeThumb(0xfb32, 0xf003).encoding?.name).toBe('SMULWy');
    expect(decodeThumb(0xfa4f, 0xf081).encoding?.name).toBe('SXTB');
  });
  it('SMMLS with Ra = 15 returns the top word of +Rn*Rm, like SMMUL (QEMU: 0xe750f2d1 gives 0)', () => {
    const m = execA32([0xe750f2d1], { 1: 0x60010101, 2: 1 });
    expect(m.cpu.r[0]).toBe(0);
    const t = execThumb([t32('SMMLS', { d: 0, n: 1, m: 2, a: 15, R: 0 })], { 1: 0x10000, 2: 0x10000 });
    expect(t.cpu.r[0]).toBe(1);
  });
  it('Rd = PC in a 64-bit multiply branches (QEMU)', () => {
    const m = machine();
    m.cpu.r[1] = 0x60003001; m.cpu.r[2] = 1;
    loadA32(m, [a32('UMULL', { S: 0, h: 0, l: 15, n: 1, m: 2 })]);
    m.engine.step();
    expect(m.cpu.pc).toBe(0x60003000);
  });
});

describe('unallocated words UNDEF as in QEMU', () => {
  // Each word was run under QEMU 7.2 -M vexpress-a9: UNDEF, or (last ones) executed.
  const A32_UNDEF = [
    0xe0001291, // MUL with Ra field != 0
    0xe6ef0171, // UXTB with bits 9:8 != 0
    0xe1020151, // QADD with bits 11:8 != 0
    0xe12012a1, // SMULWB with bits 15:12 != 0
    0xe6b00f31, // REV with bits 19:16 != 1111
    0xe1600f11, // CLZ with bits 19:16 != 1111
    0xe710f211, // SDIV: Cortex-A9 has no divider
  ];
  const T32_UNDEF = [
    0xfa4ff0c1, // SXTB.W with hw2 bit 6 set
    0xeac10012, // PKHBT with hw2 bit 4 set
    0xeaf10002, // PKH space with S = 1
    0xfb01f022, // multiply space, op2 = 0010
    0xfb91f0f2, // SDIV
  ];
  it.each(A32_UNDEF)('A32 %s', w => {
    const m = machine();
    loadA32(m, [w]);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it.each(T32_UNDEF)('T32 %s', w => {
    const m = machine();
    loadThumb(m, [w]);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it('executes the words QEMU executes (T32 SSAT16 with sat field >= 16, CLZ with Rn != Rm)', () => {
    let m = execThumb([0xf3210017], { 1: 0x80007fff }); // ssat16 r0, #24, r1: no clipping
    expect([u32(m.cpu.r[0]!), m.cpu.q]).toEqual([0x80007fff, 0]);
    m = execThumb([0xfab0f081], { 1: 0x00010000 }); // clz r0, r1 with Rn field r0
    expect(m.cpu.r[0]).toBe(15);
  });
});

describe('T16 forms', () => {
  it('MULS sets N and Z outside an IT block', () => {
    let m = execThumb([t16('MUL', { d: 0, n: 1 })], { 0: 0x10000, 1: 0x10000 }, mm => { mm.cpu.c = 1; mm.cpu.v = 1; });
    expect([m.cpu.r[0], m.cpu.n, m.cpu.z, m.cpu.c, m.cpu.v]).toEqual([0, 0, 1, 1, 1]);
    m = execThumb([t16('MUL', { d: 3, n: 4 })], { 3: -2, 4: 0x40000001 });
    expect([u32(m.cpu.r[3]!), m.cpu.n, m.cpu.z]).toEqual([0x7ffffffe, 0, 0]);
    m = execThumb([t16('MUL', { d: 3, n: 4 })], { 3: -2, 4: 3 });
    expect([m.cpu.r[3], m.cpu.n, m.cpu.z]).toEqual([-6, 1, 0]);
  });
  it('MUL inside an IT block leaves the flags alone', () => {
    const cpu = new Cpu(new Bus());
    const d = decodeThumb(t16('MUL', { d: 0, n: 1 }), -1);
    const { op } = translateInsn(d, CODE, 1, 0xe8, { semihosting: false }); // IT AL, last in block
    cpu.r[0] = 0; cpu.r[1] = 5; cpu.z = 0; cpu.n = 1;
    op(cpu);
    expect([cpu.r[0], cpu.z, cpu.n]).toEqual([0, 0, 1]);
  });
  it('SXTB / SXTH / UXTB / UXTH / REV / REV16 / REVSH', () => {
    const one = (name: string, v: number) => u32(execThumb([t16(name, { d: 1, m: 2 })], { 2: v }).cpu.r[1]!);
    expect(one('SXTB', 0x12345680)).toBe(0xffffff80);
    expect(one('SXTB', 0x1234567f)).toBe(0x7f);
    expect(one('SXTH', 0x12348000)).toBe(0xffff8000);
    expect(one('UXTB', 0x123456f0)).toBe(0xf0);
    expect(one('UXTH', 0x1234f000)).toBe(0xf000);
    expect(one('REV', 0x12345678)).toBe(0x78563412);
    expect(one('REV16', 0x12345678)).toBe(0x34127856);
    expect(one('REVSH', 0x000080ff)).toBe(0xffffff80);
    expect(one('REVSH', 0x0000ff7f)).toBe(0x7fff);
  });
  it('the unallocated 1011 1010 10xx xxxx (HLT in v8) is not a media encoding', () => {
    expect(decodeThumb(0xba81, -1).encoding?.group).not.toBe('media');
  });
});

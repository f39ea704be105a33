// ctl group: branches, interworking, CBZ/CBNZ, TBB/TBH and IT blocks.
import { describe, expect, it } from 'vitest';
import { a32, t16, t32, machine, loadA32, loadThumb, CODE, DATA, type Machine } from '../harness.js';
import { Mode } from '../../src/armcore/cpu.js';

function steps(m: Machine, n: number): Machine {
  for (let i = 0; i < n; i++) m.engine.step();
  return m;
}
function a32Run(words: number[], n: number, setup?: (m: Machine) => void): Machine {
  const m = machine();
  setup?.(m);
  loadA32(m, words);
  return steps(m, n);
}
function thumbRun(insns: number[], n: number, setup?: (m: Machine) => void, at = CODE): Machine {
  const m = machine();
  setup?.(m);
  loadThumb(m, insns, at);
  return steps(m, n);
}
const NOP_A32 = 0xe320f000;
const NOP_T16 = 0xbf00;
// T16 MOVS Rd, #imm8 (MOV without S inside an IT block), from arm-none-eabi-as.
const MOV_T16 = (d: number, v: number) => 0x2000 | (d << 8) | v;

describe('A32 branches', () => {
  it('B forward and backward', () => {
    // b .+12 at CODE: imm24 = 1 -> CODE + 8 + 4
    let m = a32Run([a32('B', { i: 1 })], 1);
    expect(m.cpu.pc).toBe(CODE + 12);
    // at CODE+8: b CODE  (0xeafffffc)
    const back = a32('B', { i: 0xfffffc });
    expect(back).toBe(0xeafffffc);
    m = a32Run([NOP_A32, NOP_A32, back], 3);
    expect(m.cpu.pc).toBe(CODE);
  });
  it('B<c> taken and not taken', () => {
    const beq = a32('B', { c: 0, i: 4 });
    let m = a32Run([beq], 1, m => { m.cpu.z = 1; });
    expect(m.cpu.pc).toBe(CODE + 8 + 16);
    m = a32Run([beq], 1, m => { m.cpu.z = 0; });
    expect(m.cpu.pc).toBe(CODE + 4);
  });
  it('BL writes LR = next instruction', () => {
    const m = a32Run([NOP_A32, a32('BL', { i: 0x10 })], 2);
    expect(m.cpu.pc).toBe(CODE + 4 + 8 + 0x40);
    expect(m.cpu.r[14]! >>> 0).toBe(CODE + 8);
    expect(m.cpu.t).toBe(0);
  });
  it('BLX (immediate) switches to Thumb, halfword-aligned target from H', () => {
    const m = a32Run([a32('BLX_imm', { H: 1, i: 2 })], 1);
    expect(m.cpu.t).toBe(1);
    expect(m.cpu.pc).toBe(CODE + 8 + 8 + 2);
    expect(m.cpu.r[14]! >>> 0).toBe(CODE + 4);
  });
  it('BX to Thumb and to ARM; BXJ behaves as BX', () => {
    let m = a32Run([a32('BX', { m: 3 })], 1, m => { m.cpu.r[3] = DATA + 0x11; });
    expect([m.cpu.pc, m.cpu.t]).toEqual([DATA + 0x10, 1]);
    m = a32Run([a32('BX', { m: 3 })], 1, m => { m.cpu.r[3] = DATA + 0x20; });
    expect([m.cpu.pc, m.cpu.t]).toEqual([DATA + 0x20, 0]);
    m = a32Run([a32('BXJ', { m: 4 })], 1, m => { m.cpu.r[4] = DATA + 0x41; });
    expect([m.cpu.pc, m.cpu.t]).toEqual([DATA + 0x40, 1]);
  });
  it('BLX (register) writes LR before branching, even when Rm is LR', () => {
    let m = a32Run([a32('BLX_reg', { m: 5 })], 1, m => { m.cpu.r[5] = DATA + 1; });
    expect([m.cpu.pc, m.cpu.t, m.cpu.r[14]! >>> 0]).toEqual([DATA, 1, CODE + 4]);
    m = a32Run([a32('BLX_reg', { m: 14 })], 1, m => { m.cpu.r[14] = DATA + 0x100; });
    expect([m.cpu.pc, m.cpu.t, m.cpu.r[14]! >>> 0]).toEqual([DATA + 0x100, 0, CODE + 4]);
  });
  it('a branch ends the block: the instruction after it does not run', () => {
    const m = machine();
    // b +4 (skips one word), mov r0,#1 (skipped), mov r1,#2
    loadA32(m, [a32('B', { i: 0 }), 0xe3a00001, 0xe3a01002]);
    m.engine.run(2);
    expect(m.cpu.r[0]).toBe(0);
    expect(m.cpu.r[1]).toBe(2);
  });
});

describe('T16 branches', () => {
  it('B (T2) forward and backward', () => {
    let m = thumbRun([t16('B_T2', { i: 3 })], 1);
    expect(m.cpu.pc).toBe(CODE + 4 + 6);
    m = thumbRun([NOP_T16, NOP_T16, 0xe7fc], 3); // b.n CODE from CODE+4
    expect(m.cpu.pc).toBe(CODE);
  });
  it('B<c> (T1) taken, not taken, backward', () => {
    const bne = t16('B_T1', { c: 1, i: 0xfe }); // bne . (pc+4-4)
    let m = thumbRun([bne], 1, m => { m.cpu.z = 0; });
    expect(m.cpu.pc).toBe(CODE);
    m = thumbRun([bne], 1, m => { m.cpu.z = 1; });
    expect(m.cpu.pc).toBe(CODE + 2);
  });
  it('B<c> (T1) inside an IT block is UNDEFINED (QEMU)', () => {
    const m = thumbRun([0xbf08 /* it eq */, t16('B_T1', { c: 0, i: 4 })], 2, m => { m.cpu.z = 1; });
    expect(m.cpu.mode).toBe(Mode.UND);
    expect(m.cpu.r[14]! >>> 0).toBe(CODE + 2 + 2);
  });
  it('BX / BLX register interworking; BLX LR has the Thumb bit', () => {
    let m = thumbRun([t16('BX_T1', { m: 3 })], 1, m => { m.cpu.r[3] = DATA; });
    expect([m.cpu.pc, m.cpu.t]).toEqual([DATA, 0]);
    m = thumbRun([NOP_T16, t16('BLX_reg_T1', { m: 2 })], 2, m => { m.cpu.r[2] = DATA + 5; });
    expect([m.cpu.pc, m.cpu.t, m.cpu.r[14]! >>> 0]).toEqual([DATA + 4, 1, (CODE + 4) | 1]);
  });
  it('BX PC reads PC+4 and goes to ARM state', () => {
    const m = thumbRun([0x4778 /* bx pc */], 1);
    expect([m.cpu.pc, m.cpu.t]).toEqual([CODE + 4, 0]);
  });
  it('CBZ / CBNZ', () => {
    const cbz = t16('CBZ', { i: 2, n: 1 });
    expect(cbz).toBe(0xb111);
    let m = thumbRun([cbz], 1, m => { m.cpu.r[1] = 0; });
    expect(m.cpu.pc).toBe(CODE + 4 + 4);
    m = thumbRun([cbz], 1, m => { m.cpu.r[1] = 7; });
    expect(m.cpu.pc).toBe(CODE + 2);
    const cbnz = t16('CBNZ', { i: 33, n: 2 }); // i:imm5 = 100001 -> +66
    m = thumbRun([cbnz], 1, m => { m.cpu.r[2] = -1; });
    expect(m.cpu.pc).toBe(CODE + 4 + 66);
    m = thumbRun([cbnz], 1, m => { m.cpu.r[2] = 0; });
    expect(m.cpu.pc).toBe(CODE + 2);
  });
});

describe('T32 branches', () => {
  it('B.W (T4) forward, far, and backward', () => {
    // b.w CODE from CODE+4: 0xf7ffbffc
    let m = thumbRun([NOP_T16, NOP_T16, 0xf7ffbffc], 3);
    expect(m.cpu.pc).toBe(CODE);
    // +0x123456: S=0, I1=I2=1 -> J1=J2=0... build through the encoder: imm = 0x123456>>1
    const off = 0x123456, v = off >>> 1;
    const w = t32('B_T4', { g: 0, j: 0, k: 0, i: v & 0x1fffff });
    m = thumbRun([w], 1);
    // S=0,J1=0,J2=0 -> I1=I2=1: offset += 0xc00000
    expect(m.cpu.pc).toBe(CODE + 4 + 0xc00000 + (v & 0x1fffff) * 2);
  });
  it('B<c>.W (T3) uses S:J2:J1:imm6:imm11', () => {
    const beqw = 0xf43faffa; // beq.w CODE from CODE+8
    let m = thumbRun([NOP_T16, NOP_T16, NOP_T16, NOP_T16, beqw], 5, m => { m.cpu.z = 1; });
    expect(m.cpu.pc).toBe(CODE);
    m = thumbRun([beqw], 1, m => { m.cpu.z = 0; });
    expect(m.cpu.pc).toBe(CODE + 4);
    // J1 and J2 are bits 18 and 19 of the offset: +0x40000 (J1=1), +0x80000 (J2=1)
    m = thumbRun([t32('B_T3', { c: 14 - 14, g: 0, j: 1, k: 0, i: 0 })], 1, m => { m.cpu.z = 1; });
    expect(m.cpu.pc).toBe(CODE + 4 + 0x40000);
    m = thumbRun([t32('B_T3', { c: 0, g: 0, j: 0, k: 1, i: 0 })], 1, m => { m.cpu.z = 1; });
    expect(m.cpu.pc).toBe(CODE + 4 + 0x80000);
  });
  it('BL writes LR = next | 1', () => {
    const m = thumbRun([NOP_T16, 0xf000f802 /* bl .+8 */], 2);
    expect(m.cpu.pc).toBe(CODE + 2 + 4 + 4);
    expect(m.cpu.r[14]! >>> 0).toBe((CODE + 6) | 1);
    expect(m.cpu.t).toBe(1);
  });
  it('BLX (immediate) goes to ARM from Align(PC, 4)', () => {
    // at CODE+2 (not word aligned): blx with offset +8 (imm10H:imm10L = 2, times 4)
    // -> Align(CODE+6, 4) + 8 = CODE+4+8
    const blx = t32('BLX_imm_T2', { g: 0, j: 1, k: 1, i: 2, H: 0 });
    const m = thumbRun([NOP_T16, blx], 2);
    expect(m.cpu.t).toBe(0);
    expect(m.cpu.pc).toBe(CODE + 4 + 8);
    expect(m.cpu.r[14]! >>> 0).toBe((CODE + 6) | 1);
  });
  it('BLX (immediate) with H=1 is UNDEFINED', () => {
    const m = thumbRun([t32('BLX_imm_T2', { g: 0, j: 1, k: 1, i: 4, H: 1 })], 1);
    expect(m.cpu.mode).toBe(Mode.UND);
  });
  it('TBB and TBH', () => {
    const tbb = t32('TBB', { n: 0, m: 1 }), tbh = t32('TBH', { n: 0, m: 1 });
    const setup = (m: Machine) => {
      m.cpu.r[0] = DATA; m.cpu.r[1] = 2;
      m.bus.write(DATA, 4, 0x40302010);      // bytes 10 20 30 40
      m.bus.write(DATA + 4, 4, 0x01000080);  // halfwords 0x0080 0x0100 (index 2, 3)
    };
    let m = thumbRun([tbb], 1, setup);
    expect(m.cpu.pc).toBe(CODE + 4 + 2 * 0x30);
    m = thumbRun([tbh], 1, setup);
    expect(m.cpu.pc).toBe(CODE + 4 + 2 * 0x80);
  });
  it('TBB [pc, Rm] reads the table right after the instruction', () => {
    // tbb [pc, r1]; table bytes 2, 3 follow
    const m = thumbRun([0xe8dff001, 0x0302], 1, m => { m.cpu.r[1] = 1; });
    expect(m.cpu.pc).toBe(CODE + 4 + 6);
  });
});

describe('IT blocks', () => {
  it('ITTET GT: then, then, else, then', () => {
    const prog = [0xbfc5 /* ittet gt */, MOV_T16(0, 1), MOV_T16(1, 2), MOV_T16(2, 3), MOV_T16(3, 4), MOV_T16(4, 5)];
    const init = (gt: boolean) => (m: Machine) => {
      m.cpu.r.fill(9, 0, 5);
      m.cpu.z = gt ? 0 : 1; m.cpu.n = 0; m.cpu.v = 0;
    };
    let m = thumbRun(prog, 6, init(true));
    expect(Array.from(m.cpu.r.slice(0, 5))).toEqual([1, 2, 9, 4, 5]);
    expect(m.cpu.it).toBe(0);
    expect([m.cpu.n, m.cpu.z]).toEqual([0, 0]); // MOVs inside IT do not set flags
    m = thumbRun(prog, 6, init(false));
    expect(Array.from(m.cpu.r.slice(0, 5))).toEqual([9, 9, 3, 9, 5]);
    expect(m.cpu.z).toBe(0); // the last MOVS, outside the block, set flags
  });
  it('ITTE EQ as assembled, and ITSTATE during the block', () => {
    const m = machine();
    m.cpu.z = 1;
    loadThumb(m, [0xbf06 /* itte eq */, MOV_T16(0, 1), MOV_T16(1, 2), MOV_T16(2, 3)]);
    m.engine.step();
    expect(m.cpu.it).toBe(0x06);
    m.engine.step();
    expect(m.cpu.it).toBe(0x0c);
    m.engine.step();
    expect(m.cpu.it).toBe(0x18);
    m.engine.step();
    expect(m.cpu.it).toBe(0);
    expect(Array.from(m.cpu.r.slice(0, 3))).toEqual([1, 2, 0]);
  });
  it('a branch as the last instruction of an IT block is conditional', () => {
    const prog = [0xbf18 /* it ne */, t16('B_T2', { i: 4 })];
    let m = thumbRun(prog, 2, m => { m.cpu.z = 0; });
    expect(m.cpu.pc).toBe(CODE + 2 + 4 + 8);
    m = thumbRun(prog, 2, m => { m.cpu.z = 1; });
    expect(m.cpu.pc).toBe(CODE + 4);
  });
  it('IT runs in one block with the instructions it covers (no single-stepping)', () => {
    const m = machine();
    m.cpu.c = 1;
    loadThumb(m, [0xbf2c /* ite cs */, MOV_T16(0, 1), MOV_T16(0, 2), 0xe7fe /* b . */]);
    m.engine.run(4);
    expect(m.cpu.r[0]).toBe(1);
    expect(m.cpu.it).toBe(0);
  });
});

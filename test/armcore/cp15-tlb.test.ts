// TLB maintenance by MVA (TLBIMVA, TLBIMVAA, I/D and inner-shareable forms) drops only the entries
// of that page, whatever the ASID field; by ASID or all: everything (as QEMU, whose TLB is not
// ASID-tagged). Entries cached from a section or large page are covered by QEMU's large-page
// rule: an MVA invalidation inside the range of such entries flushes the whole level's set, since
// one architectural TLB entry spans all the 4 KiB entries armada made of it. Stale entries of
// other pages are architecturally allowed to survive; QEMU's eviction decides whether they do
// there, so firmware/probes/cp15 checks only the invalidated page against QEMU.
import { describe, expect, it } from 'vitest';
import { a32, machine, loadA32, type Machine } from '../harness.js';
import { Mode } from '../../src/armcore/cpu.js';
import { installCp15 } from '../../src/armcore/cp15.js';

const L1 = 0x60200000, L2 = 0x60208000;
const A = 0x10000000, B = 0x10001000, S = 0x20000000;
const LDR = (t: number, n: number) => a32('LDR_imm', { P: 1, U: 1, W: 0, n, t, i: 0 });
const MCR = (t: number, N: number, M: number, q: number) => a32('MCR', { p: 15, o: 0, t, N, M, q });

function mmuMachine(): Machine {
  const m = machine();
  installCp15(m.cpu);
  for (let i = 0; i < 4096; i++) m.bus.write(L1 + 4 * i, 4, 0);
  m.bus.write(L1 + 4 * 0x600, 4, 0x60000000 | (3 << 10) | 2);          // code and tables: section
  m.bus.write(L1 + 4 * (A >>> 20), 4, L2 | 1);                          // A, B: small pages
  for (let p = 0; p < 8; p++) m.bus.write(0x60400000 + p * 0x1000, 4, 0xa0 + p);
  m.bus.write(0x60500000, 4, 0x50); m.bus.write(0x60501000, 4, 0x51);
  m.bus.write(0x60600000, 4, 0x60); m.bus.write(0x60601000, 4, 0x61);
  pages(m, 0x60400000, 0x60401000);
  m.bus.write(L1 + 4 * (S >>> 20), 4, 0x60500000 | (3 << 10) | 2);      // S: a section
  m.cpu.ttbr0 = L1; m.cpu.dacr = 0x55555555; m.cpu.sctlr |= 1;
  m.cpu.flushTlb();
  return m;
}
function pages(m: Machine, pa: number, pb: number): void {
  m.bus.write(L2, 4, pa | 0x32); m.bus.write(L2 + 4, 4, pb | 0x32);
}
function exec(m: Machine, words: number[], regs: Record<number, number>): void {
  loadA32(m, words);
  for (const [k, v] of Object.entries(regs)) m.cpu.r[Number(k)] = v;
  for (let i = 0; i < words.length; i++) m.engine.step();
}
const read = (m: Machine, va: number) => { exec(m, [LDR(0, 1)], { 1: va }); return m.cpu.r[0]; };
const tlbi = (m: Machine, crm: number, opc2: number, v: number) => exec(m, [MCR(2, 8, crm, opc2)], { 2: v });

describe('TLB invalidation by MVA', () => {
  for (const [name, crm, opc2] of [['TLBIMVA', 7, 1], ['TLBIMVAA', 7, 3], ['TLBIMVAIS', 3, 1], ['TLBIMVAAIS', 3, 3],
    ['DTLBIMVA', 6, 1], ['ITLBIMVA', 5, 1]] as const) {
    it(`${name} (mcr p15, 0, r2, c8, c${crm}, ${opc2}) drops page A only; B stays stale`, () => {
      const m = mmuMachine();
      expect([read(m, A), read(m, B)]).toEqual([0xa0, 0xa1]);
      pages(m, 0x60402000, 0x60403000);
      expect([read(m, A), read(m, B)]).toEqual([0xa0, 0xa1]); // no maintenance: stale
      tlbi(m, crm, opc2, A | 0x5);                             // the ASID field is ignored
      expect([read(m, A), read(m, B)]).toEqual([0xa2, 0xa1]);
    });
  }
  it('TLBIASID and TLBIALL flush everything (QEMU: the TLB is not ASID-tagged)', () => {
    for (const opc2 of [0, 2]) {
      const m = mmuMachine();
      read(m, A); read(m, B);
      pages(m, 0x60402000, 0x60403000);
      tlbi(m, 7, opc2, 9);
      expect([read(m, A), read(m, B)]).toEqual([0xa2, 0xa3]);
    }
  });
  it('a section is one TLB entry: TLBIMVA of one of its pages drops the others too (large-page rule)', () => {
    const m = mmuMachine();
    expect([read(m, S), read(m, S + 0x1000)]).toEqual([0x50, 0x51]);
    m.bus.write(L1 + 4 * (S >>> 20), 4, 0x60600000 | (3 << 10) | 2);
    tlbi(m, 7, 1, S + 0x1000);
    expect([read(m, S), read(m, S + 0x1000)]).toEqual([0x60, 0x61]);
  });
  it('cached sections far apart widen the range, as QEMU: then an MVA between them flushes everything', () => {
    // code section 0x60000000 and S = 0x20000000: the range becomes 0x00000000-0x7fffffff
    const m = mmuMachine();
    read(m, S); read(m, A); read(m, B);
    pages(m, 0x60402000, 0x60403000);
    tlbi(m, 7, 1, A);
    expect([read(m, A), read(m, B)]).toEqual([0xa2, 0xa3]);
    // after that full flush only the code section is cached again: A is outside, one page goes
    pages(m, 0x60404000, 0x60405000);
    tlbi(m, 7, 1, A);
    expect([read(m, A), read(m, B)]).toEqual([0xa4, 0xa3]);
  });
  it('the User-mode set is invalidated too', () => {
    const m = mmuMachine();
    m.cpu.switchMode(Mode.USR);
    expect([read(m, A), read(m, B)]).toEqual([0xa0, 0xa1]);
    pages(m, 0x60402000, 0x60403000);
    m.cpu.switchMode(Mode.SVC);
    tlbi(m, 7, 1, A);
    m.cpu.switchMode(Mode.USR);
    expect([read(m, A), read(m, B)]).toEqual([0xa2, 0xa1]);
  });
  it('instruction fetch translations of the page are dropped (code remapped, then TLBIMVA)', () => {
    const m = mmuMachine();
    m.bus.write(0x60400000, 4, 0xe3a00011); m.bus.write(0x60400004, 4, 0xe12fff1e); // mov r0, #0x11; bx lr
    m.bus.write(0x60402000, 4, 0xe3a00022); m.bus.write(0x60402004, 4, 0xe12fff1e); // mov r0, #0x22; bx lr
    const call = () => { m.cpu.r[14] = 0x60001000; m.cpu.pc = A; m.cpu.t = 0; m.engine.step(); m.engine.step(); return m.cpu.r[0]; };
    expect(call()).toBe(0x11);
    pages(m, 0x60402000, 0x60403000);
    expect(call()).toBe(0x11); // stale fetch translation
    tlbi(m, 7, 1, A);
    expect(call()).toBe(0x22);
  });
});

// MMU wiring (cpu.ts translate/TLB/fetch, cp15.ts translation registers, ATS/PAR, flushes): single
// instructions stepped with SCTLR.M=1 over tables written straight into RAM. The QEMU behaviour
// these follow is checked end to end by firmware/mmu (test/qemu/mmu.test.ts).
import { describe, expect, it } from 'vitest';
import { a32, machine, loadA32, CODE, type Machine } from '../harness.js';
import { Mode } from '../../src/armcore/cpu.js';
import { installCp15 } from '../../src/armcore/cp15.js';

const L1 = 0x60200000;
const WIN = 0x10000000;          // test window: one section
const WIN_PA = 0x60400000;
const u = (v: number) => v >>> 0;

const LDR = (t: number, n: number, i = 0) => a32('LDR_imm', { P: 1, U: 1, W: 0, n, t, i });
const STR = (t: number, n: number, i = 0) => a32('STR_imm', { P: 1, U: 1, W: 0, n, t, i });
const LDRT = (t: number, n: number) => a32('LDRT_A1', { U: 1, n, t, i: 0 });
const MCR = (t: number, N: number, M: number, q: number) => a32('MCR', { p: 15, o: 0, t, N, M, q });
const MRC = (t: number, N: number, M: number, q: number) => a32('MRC', { p: 15, o: 0, t, N, M, q });
const BX = (m: number) => a32('BX', { m });

function section(m: Machine, va: number, pa: number, ap: number, dom: number, xn = 0): void {
  const d = (pa & 0xfff00000) | ((ap & 4) << 13) | ((ap & 3) << 10) | (dom << 5) | (xn << 4) | 2;
  m.bus.write(L1 + ((va >>> 20) << 2), 4, d | 0);
}

/** A machine with the MMU on: identity section for the code and data, domains all client. */
function mmuMachine(): Machine {
  const m = machine();
  installCp15(m.cpu);
  for (let i = 0; i < 4096; i++) m.bus.write(L1 + 4 * i, 4, 0);
  section(m, 0x60000000, 0x60000000, 3, 0);
  section(m, WIN, WIN_PA, 3, 1);
  m.bus.write(WIN_PA + 0x344, 4, 0x11223344);
  m.cpu.ttbr0 = L1;
  m.cpu.dacr = 0x55555555;
  m.cpu.sctlr |= 1;
  m.cpu.flushTlb();
  return m;
}

function step(m: Machine, words: number[], regs: Record<number, number> = {}, n = words.length): Machine {
  loadA32(m, words);
  for (const [k, v] of Object.entries(regs)) m.cpu.r[Number(k)] = v;
  for (let i = 0; i < n; i++) m.engine.step();
  return m;
}

const tlbIndex = (va: number) => (va >>> 12) & 1023;

describe('data accesses with the MMU on', () => {
  it('LDR through a section reads the mapped PA and fills the read side of the TLB', () => {
    const m = step(mmuMachine(), [LDR(0, 1)], { 1: WIN + 0x344 });
    expect(u(m.cpu.r[0]!)).toBe(0x11223344);
    expect(m.cpu.tlbRTag[tlbIndex(WIN)]).toBe(WIN >>> 12);
    expect(m.cpu.tlbWTag[tlbIndex(WIN)]).toBe(WIN >>> 12); // writable: both sides
  });
  it('translation fault: Data Abort with DFSR 0x5, DFAR, destination unchanged', () => {
    const m = step(mmuMachine(), [LDR(0, 1)], { 0: 0x55, 1: 0x20000010 });
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.pc).toBe(0x10);
    expect(u(m.cpu.r[14]!)).toBe(CODE + 8);
    expect(m.cpu.dfsr).toBe(0x5);
    expect(u(m.cpu.dfar)).toBe(0x20000010);
    expect(m.cpu.r[0]).toBe(0x55);
  });
  it('STR to a privileged read-only section: permission fault with WnR, memory unchanged', () => {
    const m = mmuMachine();
    section(m, WIN, WIN_PA, 5, 1);
    step(m, [LDR(0, 1), STR(2, 1)], { 1: WIN + 0x344, 2: 0x99 });
    expect(u(m.cpu.r[0]!)).toBe(0x11223344);
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.dfsr).toBe(0x800 | 0xd | (1 << 4));
    expect(u(m.bus.read(WIN_PA + 0x344, 4))).toBe(0x11223344);
    // the read filled only the read side
    expect(m.cpu.tlbWTag[tlbIndex(WIN)]).toBe(-1);
  });
  it('domain fault (No access domain) reports the domain', () => {
    const m = mmuMachine();
    m.cpu.dacr = 0x55555555 & ~(3 << 2); m.cpu.flushTlb();
    step(m, [LDR(0, 1)], { 1: WIN });
    expect(m.cpu.dfsr).toBe(0x9 | (1 << 4));
  });
  it('a walk into unmapped physical space is an external abort (0xC)', () => {
    const m = mmuMachine();
    loadA32(m, [LDR(0, 1)]);
    m.cpu.r[1] = WIN;
    m.cpu.ttbr0 = 0x00000000; m.cpu.flushTlb(); // L1 table where nothing is mapped
    m.engine.step(); // the instruction fetch's walk aborts: prefetch abort with IFSR 0xC
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.ifsr).toBe(0xc);
    expect(m.cpu.pc).toBe(0x0c);
  });
  it('SCTLR.A=1: unaligned LDR aborts with 0x1 before translation, and the TLB is not filled', () => {
    const m = mmuMachine();
    m.cpu.sctlr |= 2; m.cpu.flushTlb();
    step(m, [LDR(0, 1)], { 1: WIN + 0x345 });
    expect(m.cpu.dfsr).toBe(0x1);
    const m2 = mmuMachine();
    m2.cpu.sctlr |= 2; m2.cpu.flushTlb();
    step(m2, [LDR(0, 1)], { 1: WIN + 0x344 });
    expect(u(m2.cpu.r[0]!)).toBe(0x11223344);
    expect(m2.cpu.tlbRTag[tlbIndex(WIN)]).toBe(-1);
  });
});

describe('privilege', () => {
  it('User mode: a privileged-only page aborts even after SVC filled its TLB entry', () => {
    const m = mmuMachine();
    section(m, WIN, WIN_PA, 1, 1);
    step(m, [LDR(0, 1)], { 1: WIN + 0x344 });
    expect(u(m.cpu.r[0]!)).toBe(0x11223344);
    m.cpu.switchMode(Mode.USR);
    expect(m.cpu.tlbRTag[tlbIndex(WIN)]).toBe(-1); // the User set is separate
    step(m, [LDR(2, 1)], { 1: WIN + 0x344 });
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.dfsr).toBe(0xd | (1 << 4));
    // back in a privileged mode the privileged entry is still there
    expect(m.cpu.tlbRTag[tlbIndex(WIN)]).toBe(WIN >>> 12);
  });
  it('LDRT from SVC checks User permissions and does not fill the TLB', () => {
    const m = mmuMachine();
    section(m, WIN, WIN_PA, 2, 1); // User read-only
    step(m, [LDRT(0, 1)], { 1: WIN + 0x344 });
    expect(u(m.cpu.r[0]!)).toBe(0x11223344);
    expect(m.cpu.tlbRTag[tlbIndex(WIN)]).toBe(-1);
    const m2 = mmuMachine();
    section(m2, WIN, WIN_PA, 1, 1);
    step(m2, [LDRT(0, 1)], { 1: WIN + 0x344 });
    expect(m2.cpu.mode).toBe(Mode.ABT);
    expect(m2.cpu.dfsr).toBe(0xd | (1 << 4));
  });
  it('entering and leaving User mode tells the host the privilege level (virtual-PC caches are per level)', () => {
    const m = mmuMachine();
    const seen: boolean[] = [];
    let flushes = 0;
    const prevLevel = m.cpu.host.privilegeChanged;
    m.cpu.host.privilegeChanged = user => { seen.push(user); prevLevel?.(user); };
    const prevFlush = m.cpu.host.tlbFlushed;
    m.cpu.host.tlbFlushed = () => { flushes++; prevFlush?.(); };
    m.cpu.switchMode(Mode.USR);
    m.cpu.switchMode(Mode.SVC);
    m.cpu.switchMode(Mode.IRQ); // privileged to privileged: nothing
    expect(seen).toEqual([true, false]);
    m.cpu.sctlr &= ~1;
    m.cpu.switchMode(Mode.USR);
    expect(seen).toEqual([true, false, true]);
    expect(flushes).toBe(0); // a level change is not a mapping change
  });
});

describe('instruction fetch', () => {
  it('a branch to an XN section takes the prefetch abort when the target would execute', () => {
    const m = mmuMachine();
    section(m, WIN, WIN_PA, 3, 1, 1);
    step(m, [BX(1)], { 1: WIN + 0x100 });
    expect(m.cpu.pc).toBe(WIN + 0x100);
    expect(m.cpu.mode).toBe(Mode.SVC);
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.pc).toBe(0x0c);
    expect(m.cpu.ifsr).toBe(0xd | (1 << 4));
    expect(u(m.cpu.ifar)).toBe(WIN + 0x100);
    expect(u(m.cpu.r[14]!)).toBe(WIN + 0x104);
  });
  it('code runs at a virtual alias and fetchPhys gives the physical address', () => {
    const m = mmuMachine();
    m.bus.write(WIN_PA + 0x200, 4, a32('MOV_imm', { S: 0, d: 3, r: 0, v: 42 }));
    step(m, [BX(1)], { 1: WIN + 0x200 });
    m.engine.step();
    expect(m.cpu.r[3]).toBe(42);
    expect(m.cpu.fetchPhys(WIN + 0x200)).toBe(WIN_PA + 0x200);
    expect(m.cpu.fetchPhys(0x20000000)).toBe(-1);
    expect(m.cpu.fetchFault.fsr).toBe(0x5);
  });
});

describe('CP15 translation registers and TLB flushes (as QEMU)', () => {
  const filled = (m: Machine) => m.cpu.tlbRTag[tlbIndex(WIN)] === (WIN >>> 12);
  const after = (insns: number[], regs: Record<number, number>) => {
    const m = step(mmuMachine(), [LDR(0, 1)], { 1: WIN + 0x344 });
    expect(filled(m)).toBe(true);
    step(m, insns, regs);
    return filled(m);
  };
  it('TTBR0, TTBR1 and TTBCR writes do not flush', () => {
    expect(after([MCR(2, 2, 0, 0), MCR(2, 2, 0, 1), MCR(3, 2, 0, 2)], { 2: L1, 3: 0 })).toBe(true);
  });
  it('CONTEXTIDR: a change flushes, the same value does not', () => {
    expect(after([MCR(2, 13, 0, 1)], { 2: 0 })).toBe(true);
    expect(after([MCR(2, 13, 0, 1)], { 2: 5 })).toBe(false);
  });
  it('DACR writes, SCTLR changes and TLBI flush', () => {
    expect(after([MCR(2, 3, 0, 0)], { 2: 0x55555555 })).toBe(false);
    expect(after([MCR(2, 8, 7, 0)], { 2: 0 })).toBe(false);
    expect(after([MCR(2, 8, 7, 1)], { 2: WIN })).toBe(false);
    const m = step(mmuMachine(), [LDR(0, 1), MRC(2, 1, 0, 0), a32('ORR_imm', { S: 0, n: 2, d: 2, r: 12, v: 2 }), MCR(2, 1, 0, 0)], { 1: WIN + 0x344 });
    expect(filled(m)).toBe(false);
  });
  it('the registers read back and feed the walk', () => {
    const m = step(mmuMachine(), [MCR(2, 2, 0, 0), MCR(3, 3, 0, 0), MRC(4, 2, 0, 0), MRC(5, 3, 0, 0)], { 2: L1 | 0x59, 3: 0x7 });
    expect(u(m.cpu.r[4]!)).toBe(L1 | 0x59);
    expect(m.cpu.r[5]).toBe(7);
    expect(m.cpu.ttbr0).toBe(L1 | 0x59);
  });
  it('ATS1CPR / ATS1CUW and PAR', () => {
    const m = mmuMachine();
    section(m, WIN, WIN_PA, 2, 1); // User read-only
    step(m, [MCR(1, 7, 8, 0), MRC(2, 7, 4, 0), MCR(1, 7, 8, 3), MRC(3, 7, 4, 0), MCR(4, 7, 8, 0), MRC(5, 7, 4, 0)],
      { 1: WIN + 0x344, 4: 0x20000000 });
    expect(u(m.cpu.r[2]!)).toBe(WIN_PA);
    expect(m.cpu.r[3]).toBe((0xd << 1) | 1);
    expect(m.cpu.r[5]).toBe((0x5 << 1) | 1);
  });
  it('ATS with a walk external abort takes a Data Abort (DFSR without WnR)', () => {
    const m = mmuMachine();
    m.bus.write(L1 + ((WIN >>> 20) << 2), 4, 0x00000000 | (1 << 5) | 1); // L2 table at PA 0: nothing there
    step(m, [MCR(1, 7, 8, 1)], { 1: WIN + 0x344 });
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.dfsr).toBe(0xe | (1 << 4));
    expect(u(m.cpu.dfar)).toBe(WIN + 0x344);
  });
});

describe('MMU off', () => {
  it('FCSE relocates VAs below 32 MiB', () => {
    const m = machine();
    installCp15(m.cpu);
    m.bus.write(0x60000344, 4, 0x5a5a5a5a);
    step(m, [MCR(2, 13, 0, 0), LDR(0, 1)], { 2: 0x60000000, 1: 0x344 });
    expect(u(m.cpu.r[0]!)).toBe(0x5a5a5a5a);
    expect(m.cpu.fcseidr).toBe(0x60000000);
  });
});

// The PMU registers as QEMU 7.2's Cortex-A9 has them (values from firmware/probes/cp15, compared
// in full by cp15-probe.test.ts): PMCR 0x41093000 (N = 6), write masks, PMSELR/PMXEVTYPER/
// PMXEVCNTR selection, PMUSERENR, and no counting (QEMU's default). With `pmuCounting` on, the
// counters count deterministically from the instruction count.
import { describe, expect, it } from 'vitest';
import { a32, machine, loadA32, type Machine } from '../harness.js';
import { Mode } from '../../src/armcore/cpu.js';
import { installCp15, type Cp15 } from '../../src/armcore/cp15.js';

const u = (v: number) => v >>> 0;
const MRC = (t: number, N: number, M: number, q: number) => a32('MRC', { p: 15, o: 0, t, N, M, q });
const MCR = (t: number, N: number, M: number, q: number) => a32('MCR', { p: 15, o: 0, t, N, M, q });
const NOP = 0xe1a00000;

function pm(counting: boolean): { m: Machine; cp: Cp15 } {
  const m = machine();
  const cp = installCp15(m.cpu);
  cp.pmuCounting = counting;
  return { m, cp };
}
/** Run `words` one instruction per step (icount advances by one each). */
function steps(m: Machine, words: number[]): void {
  loadA32(m, words);
  for (let i = 0; i < words.length; i++) m.engine.step();
}

describe('PMU registers (QEMU 7.2 values)', () => {
  it('reset values and write masks', () => {
    const { m } = pm(false);
    m.cpu.r[0] = -1;
    steps(m, [MRC(1, 9, 12, 0), MCR(0, 9, 12, 0), MRC(2, 9, 12, 0), MCR(0, 9, 12, 1), MRC(3, 9, 12, 1),
      MCR(0, 9, 14, 1), MRC(4, 9, 14, 2), MCR(0, 9, 12, 5), MRC(5, 9, 12, 5), MCR(0, 9, 14, 0), MRC(6, 9, 14, 0)]);
    expect([1, 2, 3, 4, 5, 6].map(r => u(m.cpu.r[r]!))).toEqual([0x41093000, 0x410930f9, 0x8000003f, 0x8000003f, 0x1f, 1]);
  });
  it('PMXEVTYPER masks fe00ffff for counters 0-5, fc000000 for PMSELR=31 (PMCCFILTR), RAZ/WI beyond', () => {
    for (const [sel, want] of [[0, 0xfe00ffff], [5, 0xfe00ffff], [6, 0], [31, 0xfc000000]] as const) {
      const { m } = pm(false);
      m.cpu.r[0] = sel; m.cpu.r[1] = -1;
      steps(m, [MCR(0, 9, 12, 5), MCR(1, 9, 13, 1), MRC(2, 9, 13, 1), MCR(1, 9, 13, 2), MRC(3, 9, 13, 2)]);
      expect(u(m.cpu.r[2]!)).toBe(want);
      expect(u(m.cpu.r[3]!)).toBe(sel < 6 ? 0xffffffff : 0); // PMXEVCNTR with PMSELR=31 is not PMCCNTR
    }
  });
  it('QEMU default: nothing counts, even with PMCR.E and every enable set; PMCR.C/P still reset', () => {
    const { m, cp } = pm(false);
    cp.pmccntr = 0x1000; cp.evcnt[0] = 5;
    m.cpu.r[0] = -1; m.cpu.r[1] = 1;
    steps(m, [MCR(0, 9, 12, 1), MCR(1, 9, 12, 0), NOP, NOP, NOP, MCR(1, 9, 12, 4), MRC(2, 9, 13, 0), MRC(3, 9, 13, 2)]);
    expect([u(m.cpu.r[2]!), u(m.cpu.r[3]!)]).toEqual([0x1000, 5]);
    m.cpu.r[1] = 6; // C | P
    steps(m, [MCR(1, 9, 12, 0), MRC(2, 9, 13, 0), MRC(3, 9, 13, 2)]);
    expect([m.cpu.r[2], m.cpu.r[3]]).toEqual([0, 0]);
  });
  it('User mode: PMUSERENR is readable, the rest needs PMUSERENR.EN, PMINTENSET/CLR never', () => {
    const user = (cp: Cp15, insn: number, en: number) => {
      const m = machine(); m.cpu.cp[15] = cp; cp.pmuserenr = en;
      m.cpu.switchMode(Mode.USR);
      loadA32(m, [insn]); m.engine.step();
      return m.cpu.mode === Mode.UND ? 'undef' : 'ok';
    };
    const { cp } = pm(false);
    expect(user(cp, MRC(0, 9, 14, 0), 0)).toBe('ok');
    expect(user(cp, MCR(0, 9, 14, 0), 1)).toBe('undef');
    expect(user(cp, MRC(0, 9, 13, 0), 0)).toBe('undef');
    expect(user(cp, MRC(0, 9, 13, 0), 1)).toBe('ok');
    expect(user(cp, MCR(0, 9, 12, 4), 1)).toBe('ok');
    expect(user(cp, MRC(0, 9, 12, 4), 1)).toBe('undef'); // PMSWINC is write-only
    expect(user(cp, MRC(0, 9, 14, 1), 1)).toBe('undef');
    expect(user(cp, MRC(0, 14, 15, 7), 1)).toBe('ok'); // PMCCFILTR
  });
});

describe('PMU counting (pmuCounting: deterministic, from the instruction count)', () => {
  it('PMCCNTR counts one per instruction while PMCR.E and PMCNTENSET[31] are set', () => {
    const { m } = pm(true);
    m.cpu.r[0] = 0x80000000 | 0; m.cpu.r[1] = 1;
    steps(m, [MCR(0, 9, 12, 1), MCR(1, 9, 12, 0), MRC(2, 9, 13, 0), NOP, NOP, NOP, NOP, MRC(3, 9, 13, 0)]);
    expect(m.cpu.r[3]! - m.cpu.r[2]!).toBe(5);
  });
  it('PMCR.D divides by 64; disabling stops the count', () => {
    const { m } = pm(true);
    m.cpu.r[0] = 0x80000000 | 0; m.cpu.r[1] = 1 | 8;
    const words = [MCR(0, 9, 12, 1), MCR(1, 9, 12, 0), ...new Array(130).fill(NOP), MRC(2, 9, 13, 0),
      MCR(0, 9, 12, 2), NOP, NOP, MRC(3, 9, 13, 0)];
    steps(m, words);
    expect(m.cpu.r[2]).toBe(2);
    expect(m.cpu.r[3]).toBe(2);
  });
  it('overflow sets PMOVSR[31]; writing 1 clears it', () => {
    const { m, cp } = pm(true);
    cp.pmccntr = -3;
    m.cpu.r[0] = 0x80000000 | 0; m.cpu.r[1] = 1;
    steps(m, [MCR(0, 9, 12, 1), MCR(1, 9, 12, 0), NOP, NOP, NOP, NOP, MRC(2, 9, 12, 3), MCR(0, 9, 12, 3), MRC(3, 9, 12, 3)]);
    expect(u(m.cpu.r[2]!)).toBe(0x80000000);
    expect(m.cpu.r[3]).toBe(0);
  });
  it('SW_INCR counts PMSWINC writes for enabled counters with event 0; wraps into PMOVSR', () => {
    const { m, cp } = pm(true);
    cp.evcnt[1] = 0xffffffff;
    m.cpu.r[0] = 3; m.cpu.r[1] = 1;
    steps(m, [MCR(0, 9, 12, 1), MCR(1, 9, 12, 0), MCR(0, 9, 12, 4), MCR(0, 9, 12, 4), MRC(2, 14, 8, 0), MRC(3, 14, 8, 1), MRC(4, 9, 12, 3)]);
    expect([m.cpu.r[2], m.cpu.r[3], m.cpu.r[4]]).toEqual([2, 1, 2]);
  });
  it('event 0x08 (instructions) counts like the cycle counter', () => {
    const { m } = pm(true);
    m.cpu.r[0] = 1; m.cpu.r[1] = 1; m.cpu.r[5] = 8;
    steps(m, [MCR(5, 14, 12, 0), MCR(0, 9, 12, 1), MCR(1, 9, 12, 0), NOP, NOP, MRC(2, 14, 8, 0)]);
    expect(m.cpu.r[2]).toBe(3);
  });
});

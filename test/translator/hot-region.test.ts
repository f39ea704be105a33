// Hot-tier regions: a block compiled together with the cached blocks its direct branches reach in
// the same page (hot/index.ts regionMembers), run as one function. Each program runs with
// closures only and in auto mode with a low threshold (so that the successors are cached when
// the first block compiles and regions form); the machine states must be identical, and the
// engine must have entered far fewer blocks (the region ran them).
import { describe, expect, it } from 'vitest';
import { Bus } from '../../src/armcore/bus.js';
import { Cpu } from '../../src/armcore/cpu.js';
import { a32, t16 } from '../harness.js';
import { run, diff, CODE, SINK, WINDOW, a32Branch, t32Branch, type Setup, type Result } from './hot-harness.js';

const regs = (over: Record<number, number> = {}) => Array.from({ length: 15 }, (_, r) => over[r] ?? 0);
const mem = new Array(32).fill(0).map((_, i) => i * 0x01010101);

function both(s: Setup, threshold = 3): { off: Result; hot: Result } {
  const off = run(s, 'off');
  const hot = run(s, 'auto', threshold);
  expect(diff(off, hot)).toBe('');
  // Tiny budgets end before any block reaches the threshold.
  if (s.budget >= 30) expect(hot.hotCompiles).toBeGreaterThan(0);
  return { off, hot };
}

// Four blocks in a loop, joined by direct branches:
//   A: SUBS r0, r0, #1 ; ANDS r3, r0, #3 ; BEQ C
//   B: ADD r1, r1, r0 ; B D
//   C: LDR r5, [r7] ; ADD r2, r2, r5 ; ADD r7, r7, r6 ; B D
//   D: CMP r0, #0 ; BNE A
//   E: B SINK
const A = CODE, B = CODE + 12, C = CODE + 20, D = CODE + 36, E = CODE + 44;
const loop4 = [
  a32('SUB_imm', { S: 1, n: 0, d: 0, r: 0, v: 1 }), a32('AND_imm', { S: 1, n: 0, d: 3, r: 0, v: 3 }), a32Branch(A + 8, C, 0),
  a32('ADD_reg', { S: 0, n: 1, d: 1, m: 0, i: 0, y: 0 }), a32Branch(B + 4, D),
  a32('LDR_imm', { P: 1, U: 1, W: 0, n: 7, t: 5, i: 0 }), a32('ADD_reg', { S: 0, n: 2, d: 2, m: 5, i: 0, y: 0 }),
  a32('ADD_reg', { S: 0, n: 7, d: 7, m: 6, i: 0, y: 0 }), a32Branch(C + 12, D),
  a32('CMP_imm', { n: 0, r: 0, v: 0 }), a32Branch(D + 4, A, 1),
  a32Branch(E, SINK),
];

describe('regions', () => {
  it('a loop over four blocks runs as one function with the closure tier\'s results', () => {
    const { off, hot } = both({ thumb: false, code: loop4, regs: regs({ 0: 400, 6: 4, 7: WINDOW }), flags: 0, mem, budget: 100000 });
    expect(hot.state['r0']).toBe(0);
    expect(hot.state['pc']).toBe(SINK);
    // 400 iterations of 2 blocks each, and the sink's B . until the budget: the region enters once
    // per call of the run loop instead of once per block.
    expect(hot.entries).toBeLessThan(off.entries / 4);
  });

  // A nested loop: the inner loop is a self-loop block, which alone compiles to a tight JS loop.
  // Reached from the outer loop's blocks it is a member too, so the whole nest runs in one
  // function (intmix's matrix multiply and insertion sort entered the engine twice per outer
  // iteration while self-loops stayed out of regions).
  //   A: MOV r1, #10 ; SUBS r1, r1, #1 ; ADD r2, r2, r0 ; BNE B
  //   B: SUBS r1, r1, #1 ; ADD r2, r2, r0 ; BNE B        (the self-loop)
  //   C: SUBS r0, r0, #1 ; BNE A
  //   E: B SINK
  it('a self-loop reached from other members runs inside their region (nested loops)', () => {
    const a = CODE, b = CODE + 16, c = CODE + 28, e = CODE + 36;
    const code = [
      a32('MOV_imm', { S: 0, d: 1, r: 0, v: 10 }), a32('SUB_imm', { S: 1, n: 1, d: 1, r: 0, v: 1 }),
      a32('ADD_reg', { S: 0, n: 2, d: 2, m: 0, i: 0, y: 0 }), a32Branch(a + 12, b, 1),
      a32('SUB_imm', { S: 1, n: 1, d: 1, r: 0, v: 1 }), a32('ADD_reg', { S: 0, n: 2, d: 2, m: 0, i: 0, y: 0 }), a32Branch(b + 8, b, 1),
      a32('SUB_imm', { S: 1, n: 0, d: 0, r: 0, v: 1 }), a32Branch(c + 4, a, 1),
      a32Branch(e, SINK),
    ];
    const setup = (budget: number): Setup => ({ thumb: false, code, regs: regs({ 0: 300 }), flags: 0, mem, budget });
    const { hot } = both(setup(100000), 3);
    expect(hot.state['r2']).toBe(10 * (300 * 301 / 2));
    expect(hot.state['pc']).toBe(SINK);
    // 300 outer iterations: with the self-loop outside the region, at least two entries each.
    const inLoop = both(setup(8000), 3);
    expect(inLoop.hot.entries).toBeLessThan(60);
    for (const budget of [7, 31, 444, 2001]) both(setup(budget), 3);
  });

  it('stops exactly at the budget, at member boundaries and inside members', () => {
    for (const budget of [1, 7, 38, 101, 250, 999, 1503]) {
      both({ thumb: false, code: loop4, regs: regs({ 0: 400, 6: 4, 7: WINDOW }), flags: 0, mem, budget });
    }
  });

  // A data abort in a member other than the first: the engine must name that member's
  // instruction (the region's own trap tables) and count the instructions of the members run.
  it('a trap in a later member names its instruction and counts exactly', () => {
    // r7 walks out of the 16 MiB of RAM by 1 MiB steps: C's LDR aborts on its 13th run.
    const { hot } = both({ thumb: false, code: loop4, regs: regs({ 0: 1000, 6: 0x100000, 7: WINDOW }), flags: 0, mem, budget: 5000 });
    expect((hot.state['cpsr'] as number) & 0x1f).toBe(0x17);
    expect(hot.state['dfar']).toBe(0x61000000);
  });

  // B stores r5 into D's first instruction; r5 is the word C loaded last, which turns from
  // CMP r0, #0 into CMP r0, #200 on C's 11th run, long after the region formed. The closure tier
  // retranslates D; the region that covers D must not run its stale copy (the engine drops it).
  it('a store into another member\'s code drops the region', () => {
    const code = loop4.slice();
    code[3] = a32('STR_imm', { P: 1, U: 1, W: 0, n: 9, t: 5, i: 0 });
    const cmp0 = a32('CMP_imm', { n: 0, r: 0, v: 0 }), cmp200 = a32('CMP_imm', { n: 0, r: 0, v: 200 });
    const words = Array.from({ length: 64 }, (_, i) => i < 10 ? cmp0 : cmp200);
    const { hot } = both({ thumb: false, code, regs: regs({ 0: 400, 5: cmp0, 6: 4, 7: WINDOW, 9: D }), flags: 0, mem: words, budget: 100000 });
    // The patched compare ends the loop at 200 (the stale one would run r0 down to 0).
    expect(hot.state['r0']).toBe(200);
  });

  it('an interrupt raised by a device store in a member is taken at the next member boundary', () => {
    const DEV = 0x10000000;
    let writes = 0;
    const prepare = (cpu: Cpu, bus: Bus) => {
      cpu.i = 0;
      bus.addDevice(DEV, { name: 'irq-after-40', size: 0x1000, read: () => 0, write: () => { if (++writes === 40) cpu.irqLine = true; } });
    };
    const code = loop4.slice();
    code[3] = a32('STR_imm', { P: 1, U: 1, W: 0, n: 9, t: 0, i: 0 });
    const s: Setup = { thumb: false, code, regs: regs({ 0: 400, 6: 4, 7: WINDOW, 9: DEV }), flags: 0, mem, budget: 100000, prepare };
    writes = 0;
    const off = run(s, 'off');
    writes = 0;
    const hot = run(s, 'auto', 3);
    expect(diff(off, hot)).toBe('');
    expect((hot.state['cpsr'] as number) & 0x1f).toBe(0x12);
  });

  it('Thumb: a conditional B.W and a B.W join two blocks', () => {
    // A: SUBS r0, #1 ; BEQ.W E     B: ADD r1, r0 ; B.W A     E: B.W SINK
    const a = CODE, b = CODE + 6, e = CODE + 12;
    const code = [
      t16('SUB_imm_T2', { d: 0, v: 1 }), t32Branch(a + 2, e, 0),
      t16('ADD_reg_T2', { d: 1, m: 0 }), t32Branch(b + 2, a),
      t32Branch(e, SINK),
    ];
    const { off, hot } = both({ thumb: true, code, regs: regs({ 0: 300 }), flags: 0, mem, budget: 100000 });
    expect(hot.state['r1']).toBe(299 * 300 / 2);
    expect(hot.entries).toBeLessThan(off.entries / 4);
    for (const budget of [5, 64, 333]) both({ thumb: true, code, regs: regs({ 0: 300 }), flags: 0, mem, budget });
  });

  // Thumb-2 compilers end loop blocks with CBZ/CBNZ (intmix's string loop did: its region ended
  // at the CBZ, and the run loop was entered once per 6 instructions).
  for (const [name, counts] of [['CBZ', 'non-zero'], ['CBNZ', 'zero']] as const) {
    it(`Thumb: ${name} joins blocks like a conditional branch (counting ${counts} bytes)`, () => {
      // A: LDRB r5, [r2] ; ADDS r2, #1 ; ${name} r5, C     B: ADDS r0, #1
      // C: SUBS r4, #1 ; BNE.W A     E: B.W SINK
      const a = CODE, c = CODE + 8, e = CODE + 14;
      const code = [
        t16('LDRB_imm_T1', { t: 5, n: 2, i: 0 }), t16('ADD_imm_T2', { d: 2, v: 1 }), t16(name, { n: 5, i: 0 }),
        t16('ADD_imm_T2', { d: 0, v: 1 }),
        t16('SUB_imm_T2', { d: 4, v: 1 }), t32Branch(c + 2, a, 1),
        t32Branch(e, SINK),
      ];
      const bytes = [0x00ff00ff, 0x01000100, 0, 0x7f7f0000, -1, 0x00000080, 0x01010101, 0x00100000];
      const data = Array.from({ length: 32 }, (_, i) => bytes[i % bytes.length]!);
      let nonZero = 0;
      for (let k = 0; k < 64; k++) if ((data[k >> 2]! >>> ((k & 3) * 8)) & 0xff) nonZero++;
      const { hot } = both({ thumb: true, code, regs: regs({ 2: WINDOW, 4: 64 }), flags: 0, mem: data, budget: 100000 });
      expect(hot.state['r0']).toBe(name === 'CBZ' ? nonZero : 64 - nonZero);
      expect(hot.state['pc']).toBe(SINK);
      // Inside the loop (before the sink's B . dominates): the region runs it without the engine.
      const inLoop = both({ thumb: true, code, regs: regs({ 2: WINDOW, 4: 64 }), flags: 0, mem: data, budget: 300 });
      expect(inLoop.hot.entries).toBeLessThan(inLoop.off.entries / 4);
      for (const budget of [4, 9, 50, 177]) both({ thumb: true, code, regs: regs({ 2: WINDOW, 4: 64 }), flags: 0, mem: data, budget });
    });
  }

  // An interpreter's dispatch: LDRLS pc, [pc, r2, lsl #2] through a jump table. The engine records
  // the handlers seen after the dispatch block (Block.succ), the region takes them in, and the
  // indirect jump continues at the member it lands on instead of leaving the region (intmix's
  // interpreter: one engine entry per bytecode before).
  it('a jump table dispatches between members inside the region', () => {
    // D: LDR r2, [r7], #4 ; CMP r2, #3 ; LDRLS pc, [pc, r2, lsl #2]     B SINK     .word H0..H3
    // H0: ADD r0, #1 ; B D   H1: ADD r1, r0 ; B D   H2: SUB r0, #2 ; B D   H3: EOR r3, r1 ; B D
    const D = CODE, H = [CODE + 32, CODE + 40, CODE + 48, CODE + 56];
    const code = [
      a32('LDR_imm', { P: 0, U: 1, W: 0, n: 7, t: 2, i: 4 }), a32('CMP_imm', { n: 2, r: 0, v: 3 }),
      a32('LDR_reg', { c: 9, P: 1, U: 1, W: 0, n: 15, t: 15, v: 2, y: 0, m: 2 }), a32Branch(D + 12, SINK),
      ...H,
      a32('ADD_imm', { S: 0, n: 0, d: 0, r: 0, v: 1 }), a32Branch(H[0]! + 4, D),
      a32('ADD_reg', { S: 0, n: 1, d: 1, m: 0, i: 0, y: 0 }), a32Branch(H[1]! + 4, D),
      a32('SUB_imm', { S: 0, n: 0, d: 0, r: 0, v: 2 }), a32Branch(H[2]! + 4, D),
      a32('EOR_reg', { S: 0, n: 3, d: 3, m: 1, i: 0, y: 0 }), a32Branch(H[3]! + 4, D),
    ];
    const ops = Array.from({ length: 200 }, (_, i) => i < 4 ? i : (i * 7 + 3) % 4);
    let r0 = 0, r1 = 0, r3 = 0;
    for (const op of ops) {
      if (op === 0) r0 = (r0 + 1) | 0; else if (op === 1) r1 = (r1 + r0) | 0; else if (op === 2) r0 = (r0 - 2) | 0; else r3 ^= r1;
    }
    const setup = (budget: number): Setup => ({ thumb: false, code, regs: regs({ 7: WINDOW }), flags: 0, mem: [...ops, 9], budget });
    // The threshold lets the dispatch block see all four handlers before it compiles.
    const { hot } = both(setup(100000), 10);
    expect([hot.state['r0'], hot.state['r1'], hot.state['r3']]).toEqual([r0, r1, r3]);
    expect(hot.state['pc']).toBe(SINK);
    const inLoop = both(setup(800), 10);
    expect(inLoop.hot.entries).toBeLessThan(inLoop.off.entries / 4);
    for (const budget of [3, 50, 333, 801]) both(setup(budget), 10);
  });
});


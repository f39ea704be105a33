// The GIC and the private timer wired into the vexpress-a9 board (src/soc/vexpress.ts): a guest
// programs both, unmasks IRQs, and takes the timer interrupt through the vector table at the
// virtual time the timer was set for.
import { describe, it, expect } from 'vitest';
import { createBoard, ENGINE_SLICE_INSNS } from '../../src/soc/board.js';
import { vexpressA9 } from '../../src/soc/vexpress.js';

function put(b: { bus: { write(a: number, w: 4, v: number): void } }, at: number, words: number[]): void {
  words.forEach((w, i) => b.bus.write(at + 4 * i, 4, w));
}

/** GIC on with PPI 29 enabled; TWD one-shot 1000 ticks (10 us) with IT enable; CPSIE I; count in
 * r5 until the IRQ. The handler (VBAR + 0x18) copies r5 to r6, acknowledges (r7 = IAR), clears
 * the timer's flag, EOIs and waits in WFI. */
const PROGRAM = [
  0xe3010000, 0xe3410e00, // movw/movt r0, #0x1e001000 (GICD)
  0xe3001100, 0xe3411e00, // movw/movt r1, #0x1e000100 (GICC)
  0xe3a02001, 0xe5802000, // mov r2, #1; str r2, [r0]         GICD_CTLR
  0xe5812000,             // str r2, [r1]                     GICC_CTLR
  0xe3a020f8, 0xe5812004, // mov r2, #0xf8; str r2, [r1, #4]  GICC_PMR
  0xe3a02202, 0xe5802100, // mov r2, #1 << 29; str r2, [r0, #0x100] ISENABLER0
  0xe3003600, 0xe3413e00, // movw/movt r3, #0x1e000600 (TWD)
  0xe30023e8, 0xe5832000, // movw r2, #1000; str r2, [r3]     load
  0xe3a02005, 0xe5832008, // mov r2, #5; str r2, [r3, #8]     enable | IT enable, one-shot
  0xf1080080,             // cpsie i
  0xe2855001, 0xeafffffd, // loop: add r5, r5, #1; b loop
];
const HANDLER = [
  0xe1a06005,             // mov r6, r5
  0xe591700c,             // ldr r7, [r1, #0xc]   IAR
  0xe3a02001, 0xe583200c, // mov r2, #1; str r2, [r3, #0xc]
  0xe5817010,             // str r7, [r1, #0x10]  EOIR
  0xe320f003,             // wfi
  0xeafffffe,             // b .
];

describe('vexpress-a9: GIC + private timer', () => {
  it('the timer interrupt is taken when due even inside a long run slice', () => {
    const errors: string[] = [];
    const b = createBoard(vexpressA9, { onGuestError: m => errors.push(m) });
    put(b, 0x60000000, PROGRAM);
    put(b, 0x60001018, HANDLER);
    b.cpu.vbar = 0x60001000;
    b.cpu.pc = 0x60000000;
    const r = b.run({ maxInsns: 1_000_000 });
    expect(r).toEqual({ kind: 'wfi' });           // nothing else is scheduled
    expect(b.cpu.r[7]).toBe(29);                  // acknowledged PPI 29
    // 10 us at 1 ns per instruction is about 10,000 instructions, two per loop iteration.
    expect(b.cpu.r[6]).toBeGreaterThan(4_900);
    expect(b.cpu.r[6]).toBeLessThan(5_100);
    expect(b.bus.read(0x1e000600 + 0xc, 4)).toBe(0); // flag cleared by the handler
    expect(b.bus.read(0x1e001000 + 0x300, 4)).toBe(0); // nothing active after EOI
    expect(errors).toEqual([]);
  });
});

// V8 optimizes the engine's run loop for its next call only (on-stack optimization is off, see
// translator/engine.ts), so the board must return to it often even when no device event is due.
describe('vexpress-a9: engine slices', () => {
  it('a long run with nothing scheduled calls the engine in slices of at most ENGINE_SLICE_INSNS', () => {
    const b = createBoard(vexpressA9);
    put(b, 0x60000000, [0xe2855001, 0xeafffffd]); // loop: add r5, r5, #1; b loop
    b.cpu.pc = 0x60000000;
    const engine = b.engine;
    const slices: number[] = [];
    const run = engine.run.bind(engine);
    engine.run = n => { slices.push(n); return run(n); };
    const total = 3 * ENGINE_SLICE_INSNS + 1000;
    expect(b.run({ maxInsns: total })).toEqual({ kind: 'budget' });
    expect(b.cpu.icount).toBe(total);
    expect(b.cpu.r[5]).toBe(total / 2);
    expect(Math.max(...slices)).toBe(ENGINE_SLICE_INSNS);
    expect(slices.length).toBe(4);
  });
});

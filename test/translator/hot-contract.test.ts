// The engine's side of the hot-tier contract (types.ts: HotFn, HotCompiler), with a stand-in
// compiler that runs the recorded ops: when blocks are compiled (off / force / auto), budgets
// handed to compiled code, and guest traps leaving it (c.hotTrapIndex).
import { describe, it, expect, afterEach } from 'vitest';
import { Bus } from '../../src/armcore/bus.js';
import { Cpu, GuestTrap, Mode } from '../../src/armcore/cpu.js';
import { Engine, HOT_CALL_MAX_INSNS, setHotCompiler, type EngineOptions } from '../../src/translator/engine.js';
import { WARM_BUDGET, WARM_CALLS } from '../../src/translator/hot/index.js';
import { MAX_BLOCK_INSNS } from '../../src/translator/translate.js';
import { hotLoopMayContinue, type Block, type HotCompiler, type HotFn } from '../../src/translator/types.js';

const RAM = 0x60000000, CODE = 0x60001000;

function machine(eopts: EngineOptions): { cpu: Cpu; bus: Bus; engine: Engine } {
  const bus = new Bus();
  bus.addRam('ram', RAM, 1 << 20);
  const cpu = new Cpu(bus);
  cpu.reset();
  cpu.switchMode(Mode.SVC);
  return { cpu, bus, engine: new Engine(cpu, { semihosting: false, vfp: false }, eopts) };
}

/** A stand-in code generator: runs the block's recorded ops, loops on self-loops, keeps the contract. */
const budgets: number[] = [];
const compiled: Block[] = [];
const standIn: HotCompiler = (b) => {
  compiled.push(b);
  const ops = b.insns.map(x => x.op), n = ops.length;
  const fn: HotFn = (c, budget) => {
    budgets.push(budget);
    let done = 0;
    for (;;) {
      c.pc = b.endPc; c.it = b.itAfter;
      let k = 0;
      try {
        for (; k < n; k++) ops[k]!(c);
      } catch (e) {
        if (e instanceof GuestTrap) { c.icount += done; c.hotTrapIndex = k; }
        throw e;
      }
      done += n;
      if (!(b.selfLoop && c.pc === b.pc && done + n <= budget && hotLoopMayContinue(c, b))) return done;
    }
  };
  return fn;
};

/** loop: subs r0, r0, #1 ; bne loop ; b .  with r0 = count, every block compiled by the stand-in. */
function countdown(count: number): ReturnType<typeof machine> {
  setHotCompiler(standIn);
  const m = machine({ hot: 'force' });
  [0xe2500001, 0x1afffffd, 0xeafffffe].forEach((w, i) => m.bus.write(CODE + 4 * i, 4, w));
  m.cpu.r[0] = count;
  m.cpu.pc = CODE;
  return m;
}

afterEach(() => { setHotCompiler(null); budgets.length = 0; compiled.length = 0; });

// loop: add r0, r0, #1; cmp r0, #100; bne loop; b .
const LOOP = [0xe2800001, 0xe3500064, 0x1afffffc, 0xeafffffe];

describe('hot tier: when the engine compiles', () => {
  it('force compiles every block on its first run, off never, auto at the threshold', () => {
    setHotCompiler(standIn);
    for (const [mode, want] of [['force', 2], ['off', 0]] as const) {
      const m = machine({ hot: mode });
      LOOP.forEach((w, i) => m.bus.write(CODE + 4 * i, 4, w));
      m.cpu.pc = CODE;
      m.engine.run(400);
      expect(m.cpu.r[0]).toBe(100);
      expect(m.engine.stats.hotCompiles).toBe(want);
    }
    const m = machine({ hot: 'auto', hotThreshold: 10 });
    LOOP.forEach((w, i) => m.bus.write(CODE + 4 * i, 4, w));
    m.cpu.pc = CODE;
    m.engine.run(3 * 9);
    expect(m.engine.stats.hotCompiles).toBe(0);
    m.engine.run(3);
    expect(m.engine.stats.hotCompiles).toBe(1);
  });

  it('compiled code gets the budget left, never less than its block, and counts are exact', () => {
    setHotCompiler(standIn);
    const m = machine({ hot: 'force' });
    LOOP.forEach((w, i) => m.bus.write(CODE + 4 * i, 4, w));
    m.cpu.pc = CODE;
    m.engine.run(100); // 33 iterations and one instruction of the 34th (run as a closure prefix)
    expect(m.cpu.icount).toBe(100);
    expect(m.cpu.r[0]).toBe(34);
    expect(m.cpu.pc).toBe(CODE + 4);
    expect(Math.min(...budgets)).toBeGreaterThanOrEqual(3);
  });

  // Regression (intmix's interpreter region: 1,924 deoptimizations of one function): V8 optimized
  // a loop before its exit paths had ever run. And a counter for this in the generated code got
  // no V8 feedback in a function's first calls, so every later board deoptimized on it.
  it(`a newly compiled block's first ${WARM_CALLS} calls get at most ${WARM_BUDGET} instructions, later ones the budget left`, () => {
    expect(WARM_BUDGET).toBeGreaterThanOrEqual(MAX_BLOCK_INSNS); // every call gets at least one block's worth
    const m = countdown(20_000);
    m.engine.run(30_000);
    expect(m.cpu.r[0]).toBe(5_000);
    expect(budgets.slice(0, WARM_CALLS)).toEqual(new Array(WARM_CALLS).fill(WARM_BUDGET));
    expect(budgets[WARM_CALLS]).toBe(30_000 - WARM_CALLS * (WARM_BUDGET - WARM_BUDGET % 2));
  });

  // Every call of a hot function returns within HOT_CALL_MAX_INSNS, so that a function V8 has
  // optimized meanwhile is entered afresh (the engine turns V8's on-stack optimization off).
  it(`a long loop gets at most HOT_CALL_MAX_INSNS (${HOT_CALL_MAX_INSNS}) instructions per call`, () => {
    const m = countdown(200_000);
    m.engine.run(400_000);
    expect(m.cpu.r[0]).toBe(0);
    expect(m.cpu.icount).toBe(400_000);
    expect(Math.max(...budgets)).toBe(HOT_CALL_MAX_INSNS);
    expect(budgets.length).toBeGreaterThanOrEqual(Math.ceil(400_000 / HOT_CALL_MAX_INSNS));
  });

  it('a compiler that declines is not asked again; the closure tier runs the block', () => {
    let asked = 0;
    setHotCompiler(() => { asked++; return null; });
    const m = machine({ hot: 'force' });
    LOOP.forEach((w, i) => m.bus.write(CODE + 4 * i, 4, w));
    m.cpu.pc = CODE;
    m.engine.run(400);
    expect(m.cpu.r[0]).toBe(100);
    expect(asked).toBe(2);
    expect(m.engine.stats.hotCompiles).toBe(0);
  });
});

describe('hot tier: traps leaving compiled code', () => {
  it('a data abort in the third iteration of a compiled loop enters the abort with the faulting PC and exact counts', () => {
    setHotCompiler(standIn);
    const m = machine({ hot: 'force' });
    // loop: ldr r2, [r1], #4 ; add r0, r0, #1 ; b loop    (r1 walks off the end of RAM)
    [0xe4912004, 0xe2800001, 0xeafffffc].forEach((w, i) => m.bus.write(CODE + 4 * i, 4, w));
    m.bus.write(RAM + 0x10, 4, 0xeafffffe); // data abort vector: b .
    m.cpu.vbar = RAM;
    m.cpu.r[1] = RAM + (1 << 20) - 8;       // two loads succeed, the third is outside RAM
    m.cpu.pc = CODE;
    // (with nothing mapped after RAM, the bus raises an external abort there)
    let trapAt = -1, kind = '';
    const take = m.cpu.takeTrap.bind(m.cpu);
    m.cpu.takeTrap = (t, addr, size) => { if (trapAt < 0) { trapAt = m.cpu.icount; kind = t.name; } take(t, addr, size); };
    m.engine.run(50);
    expect(kind).toBe('data abort');
    expect(budgets[0]).toBe(50); // the compiled loop got the whole budget and was left by the trap
    expect(trapAt).toBe(7); // two full iterations (6) + the trapping load
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect((m.cpu.r[14]! - 8) >>> 0).toBe(CODE);
    expect(m.cpu.r[0]).toBe(2);
  });
});

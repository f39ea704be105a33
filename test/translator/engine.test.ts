// The translation cache engine: exact instruction budgets, code-write invalidation (inside the
// running block too), the LRU bound, chaining, and interrupts at block boundaries.
// Instruction words come from arm-none-eabi-as; the disassembly is beside each.
import { describe, it, expect } from 'vitest';
import { Bus } from '../../src/armcore/bus.js';
import { Cpu, Mode } from '../../src/armcore/cpu.js';
import { installCp15 } from '../../src/armcore/cp15.js';
import { Engine, HOT_FAST_RUNS, type EngineOptions } from '../../src/translator/engine.js';
import { type MmioDevice } from '../../src/armcore/bus.js';

const RAM = 0x60000000;
const CODE = 0x60001000;

interface M { cpu: Cpu; bus: Bus; engine: Engine }

function machine(eopts: EngineOptions = {}): M {
  const bus = new Bus();
  bus.addRam('ram', RAM, 4 * 1024 * 1024);
  const cpu = new Cpu(bus);
  installCp15(cpu);
  cpu.reset();
  cpu.switchMode(Mode.SVC);
  const engine = new Engine(cpu, { semihosting: false, vfp: false }, eopts);
  return { cpu, bus, engine };
}

function loadA32(m: M, words: number[], at = CODE): void {
  words.forEach((w, i) => m.bus.write(at + 4 * i, 4, w));
  m.cpu.pc = at; m.cpu.t = 0;
}
function loadT16(m: M, hws: number[], at = CODE): void {
  hws.forEach((h, i) => m.bus.write(at + 2 * i, 2, h));
  m.cpu.pc = at; m.cpu.t = 1;
}

function snapshot(c: Cpu) {
  return { pc: c.pc >>> 0, it: c.it, t: c.t, cpsr: c.cpsr, icount: c.icount, r: Array.from(c.r.slice(0, 15)) };
}

// A straight ARM block: ten increments, then a self-loop.
const TEN_ADDS = [...Array(10).fill(0xe2800001) as number[], 0xeafffffe]; // add r0, r0, #1 (x10); b .

// Thumb: IT blocks, a flag-setting compare, a branch back.
const THUMB_IT = [
  0x2800, // cmp r0, #0
  0xbf0c, // ite eq
  0x2101, // moveq r1, #1
  0x2102, // movne r1, #2
  0x3001, // adds r0, #1
  0x2803, // cmp r0, #3
  0xbf1e, // ittt ne
  0x3201, // addne r2, #1
  0x3301, // addne r3, #1
  0x3401, // addne r4, #1
  0xd1f4, // bne.n <start> (back to cmp r0, #0)
  0xe7fe, // b.n .
];

describe('exact instruction budgets', () => {
  it('run(n) stops after exactly n instructions inside a block, with the PC of the next one', () => {
    const m = machine();
    loadA32(m, TEN_ADDS);
    m.engine.run(3);
    expect(snapshot(m.cpu)).toMatchObject({ pc: CODE + 12, icount: 3 });
    expect(m.cpu.r[0]).toBe(3);
    m.engine.run(4);
    expect(snapshot(m.cpu)).toMatchObject({ pc: CODE + 28, icount: 7 });
    m.engine.run(100);
    expect(m.cpu.icount).toBe(107);
    expect(m.cpu.r[0]).toBe(10);
    expect(m.cpu.pc).toBe(CODE + 40);
  });

  for (const [name, load, n] of [
    ['ARM', (m: M) => loadA32(m, TEN_ADDS), 40],
    ['Thumb with IT blocks', (m: M) => loadT16(m, THUMB_IT), 60],
  ] as const) {
    it(`run(k) leaves the same state as k one-instruction blocks, for every k (${name})`, () => {
      const ref = machine({ maxBlockInsns: 1 });
      load(ref);
      const states = [snapshot(ref.cpu)];
      for (let k = 1; k <= n; k++) { ref.engine.step(); states.push(snapshot(ref.cpu)); }
      for (let k = 1; k <= n; k++) {
        const m = machine();
        load(m);
        // run in two pieces, so the second starts where a prefix stopped (inside IT blocks too)
        const a = k >> 1;
        if (a > 0) m.engine.run(a);
        m.engine.run(k - a);
        expect(snapshot(m.cpu), `k=${k}`).toEqual(states[k]);
      }
    });
  }

  it('a block entered inside an IT block is cached under its ITSTATE', () => {
    const m = machine();
    loadT16(m, THUMB_IT);
    for (let k = 0; k < 40; k++) m.engine.run(3); // stops land inside IT blocks
    // every entry point (address, ITSTATE) is translated once, however often it is entered
    expect(m.engine.stats.translations).toBeLessThanOrEqual(THUMB_IT.length);
    expect(m.cpu.r[1]).toBe(2); // r0 reached 3 with r1 set by the last ITE
  });
});

describe('code-write invalidation', () => {
  it('a store to a later instruction of the running block takes effect before it runs (ARM)', () => {
    const m = machine();
    loadA32(m, [
      0xe3a00000, // mov r0, #0
      0xe5812000, // str r2, [r1]
      0xe3a00001, // mov r0, #1      <- becomes mov r0, #2
      0xeafffffe, // b .
    ]);
    m.cpu.r[1] = CODE + 8; m.cpu.r[2] = 0xe3a00002;
    m.engine.run(4);
    expect(m.cpu.r[0]).toBe(2);
    expect(m.cpu.icount).toBe(4);
    expect(m.cpu.pc).toBe(CODE + 12);
    expect(m.engine.stats.invalidations).toBe(1);
  });

  it('a store to a later instruction of the running block takes effect before it runs (Thumb, STRH)', () => {
    const m = machine();
    loadT16(m, [
      0x2000, // movs r0, #0
      0x800a, // strh r2, [r1]
      0x2001, // movs r0, #1       <- becomes movs r0, #2
      0xe7fe, // b.n .
    ]);
    m.cpu.r[1] = CODE + 4; m.cpu.r[2] = 0x2002;
    m.engine.run(4);
    expect(m.cpu.r[0]).toBe(2);
    expect(m.cpu.pc).toBe(CODE + 6);
  });

  it('STM over the following instructions of the running block (ARM)', () => {
    const m = machine();
    loadA32(m, [
      0xe8810060, // stm r1, {r5, r6}
      0xe3a00001, // mov r0, #1      <- mov r0, #5
      0xe3a03001, // mov r3, #1      <- mov r3, #6
      0xeafffffe, // b .
    ]);
    m.cpu.r[1] = CODE + 4; m.cpu.r[5] = 0xe3a00005; m.cpu.r[6] = 0xe3a03006;
    m.engine.run(3);
    expect([m.cpu.r[0], m.cpu.r[3]]).toEqual([5, 6]);
  });

  it('data sharing a page (and a 64-byte line) with code invalidates nothing', () => {
    const m = machine();
    loadA32(m, [
      0xe5810000, // loop: str r0, [r1]
      0xe2800001, //       add r0, r0, #1
      0xe3500c01, //       cmp r0, #256
      0x1afffffb, //       bne loop
      0xeafffffe, //       b .
      0x00000000, // data word (r1 points here), same 64-byte line as the loop
    ]);
    m.cpu.r[1] = CODE + 20;
    m.engine.run(256 * 4 + 1);
    expect(m.cpu.r[0]).toBe(256);
    expect(m.bus.read(CODE + 20, 4)).toBe(255);
    expect(m.engine.stats.invalidations).toBe(0);
    expect(m.engine.stats.translations).toBeLessThanOrEqual(3);
  });

  it('loader (bus.writeBytes) and device/DMA (bus.write) writes invalidate the blocks they overlap', () => {
    const m = machine();
    loadA32(m, [0xe3a00001, 0xeafffffe]); // mov r0, #1; b .
    m.engine.run(2);
    expect(m.cpu.r[0]).toBe(1);
    m.bus.writeBytes(CODE, new Uint8Array([0x07, 0x00, 0xa0, 0xe3])); // mov r0, #7
    m.cpu.pc = CODE;
    m.engine.run(2);
    expect(m.cpu.r[0]).toBe(7);
    m.bus.write(CODE, 4, 0xe3a00009); // mov r0, #9
    m.cpu.pc = CODE;
    m.engine.run(2);
    expect(m.cpu.r[0]).toBe(9);
    expect(m.engine.stats.invalidations).toBe(2);
  });

  it('a 32-bit Thumb instruction crossing a page: a write to its second half invalidates it', () => {
    const m = machine();
    const at = CODE + 0xffe; // MOVW r0, #0x11 straddles two pages
    m.bus.write(at, 2, 0xf240); m.bus.write(at + 2, 2, 0x0011); // movw r0, #0x11
    m.bus.write(at + 4, 2, 0xe7fe); // b.n .
    m.cpu.pc = at; m.cpu.t = 1;
    m.engine.run(2);
    expect(m.cpu.r[0]).toBe(0x11);
    m.bus.write(at + 2, 2, 0x0022); // movw r0, #0x22
    m.cpu.pc = at;
    m.engine.run(2);
    expect(m.cpu.r[0]).toBe(0x22);
  });
});

describe('stores that take the slow path reach the cache too', () => {
  // Each program first caches the block at +0xc (mov r0, #1; b .), then stores over it.
  function patchAfterCaching(m: M, words: number[]): void {
    loadA32(m, words);
    m.cpu.pc = CODE + 0xc;
    m.engine.run(2);
    expect(m.cpu.r[0]).toBe(1);
    m.cpu.pc = CODE;
    m.cpu.r[1] = CODE + 0xc;
  }
  it('a big-endian store (CPSR.E = 1, no TLB fast path)', () => {
    const m = machine();
    patchAfterCaching(m, [
      0xf1010200, // setend be
      0xe5812000, // str r2, [r1]
      0xf1010000, // setend le
      0xe3a00001, // mov r0, #1      <- mov r0, #2
      0xeafffffe, // b .
    ]);
    m.cpu.r[2] = 0x0200a0e3; // e3a00002 byte-reversed: stored big-endian, it reads back as the instruction
    m.engine.run(5);
    expect(m.cpu.r[0]).toBe(2);
  });
  it('an unprivileged store (STRT)', () => {
    const m = machine();
    patchAfterCaching(m, [
      0xe1a00000, // nop (mov r0, r0)
      0xe4a12000, // strt r2, [r1], #0
      0xe1a00000, // nop
      0xe3a00001, // mov r0, #1      <- mov r0, #3
      0xeafffffe, // b .
    ]);
    m.cpu.r[2] = 0xe3a00003;
    m.engine.run(5);
    expect(m.cpu.r[0]).toBe(3);
  });
  it('an unaligned store over part of an instruction', () => {
    const m = machine();
    patchAfterCaching(m, [
      0xe1a00000, // nop
      0xe5812000, // str r2, [r1]   (r1 = code + 0xb: unaligned, SCTLR.A = 0)
      0xe1a00000, // nop
      0xe3a00001, // mov r0, #1      <- mov r0, #4 (low byte written by the unaligned store)
      0xeafffffe, // b .
    ]);
    m.cpu.r[2] = 0xa00004e1 | 0; // bytes at +0xb..+0xe: e1 (the nop's top byte, unchanged), 04, 00, a0
    m.engine.run(1);
    m.cpu.r[1] = CODE + 0xb;
    m.engine.run(4);
    expect(m.cpu.r[0]).toBe(4);
  });
});

describe('code-write invalidation with the MMU on', () => {
  // Regressions, for a block whose last (32-bit Thumb) instruction crosses into a virtual page
  // mapped to a LOWER physical page: (1) it was registered for the physical page range
  // [first, last], empty then, so neither page was marked; (2) its code mark on the first page
  // was clipped at paEnd, which lies in the other page, so a write to the first page was missed.
  it('a block across two virtual pages mapped to non-adjacent physical pages is invalidated by a write to either', () => {
    const m = machine();
    const L1 = RAM + 0x200000, L2 = RAM + 0x204000;
    const VA = 0x70000000, PA1 = RAM + 0x300000, PA2 = RAM + 0x280000;
    m.bus.write(L1 + ((VA >>> 20) << 2), 4, (L2 | 1) | 0);                 // L1: page table, domain 0
    const small = (pa: number) => ((pa & ~0xfff) | (3 << 4) | 2) | 0;      // AP=11 (full access), small page
    m.bus.write(L2 + 0 * 4, 4, small(PA1));                                // VA page 0 -> PA1
    m.bus.write(L2 + 1 * 4, 4, small(PA2));                                // VA page 1 -> PA2 (below PA1)
    m.cpu.ttbr0 = L1; m.cpu.dacr = 0x55555555; m.cpu.sctlr |= 1; m.cpu.flushTlb();
    m.bus.write(PA1 + 0xffe, 2, 0xf240); // movw r0, #0x11 (first halfword, page 0)
    m.bus.write(PA2 + 0x000, 2, 0x0011); //                (second halfword, page 1)
    m.bus.write(PA2 + 0x002, 2, 0xe7fe); // b.n .
    m.cpu.pc = VA + 0xffe; m.cpu.t = 1;
    m.engine.run(2);
    expect(m.cpu.r[0]).toBe(0x11);
    m.bus.write(PA2, 2, 0x0022);         // movw r0, #0x22: a write to the second page only
    m.cpu.pc = VA + 0xffe;
    m.engine.run(2);
    expect(m.cpu.r[0]).toBe(0x22);
    m.bus.write(PA1 + 0xffe, 2, 0xf2c0); // movt r0, #0x22: a write to the first page only
    m.cpu.pc = VA + 0xffe;
    m.engine.run(2);
    expect(m.cpu.r[0] >>> 0).toBe(0x00220022);
  });
});

describe('translation changes break links', () => {
  it('after a remap and a TLB flush, a linked loop runs the code at its new physical page', () => {
    const m = machine();
    const L1 = RAM + 0x200000, L2 = RAM + 0x204000;
    const VA = 0x70000000, PA1 = RAM + 0x300000, PA2 = RAM + 0x310000;
    m.bus.write(L1 + ((VA >>> 20) << 2), 4, (L2 | 1) | 0);
    const small = (pa: number) => ((pa & ~0xfff) | (3 << 4) | 2) | 0;
    m.bus.write(L2, 4, small(PA1));
    m.cpu.ttbr0 = L1; m.cpu.dacr = 0x55555555; m.cpu.sctlr |= 1; m.cpu.flushTlb();
    m.bus.write(PA1, 4, 0xe0800005);     // loop: add r0, r0, r5
    m.bus.write(PA1 + 4, 4, 0xeafffffd); //       b loop
    m.bus.write(PA2, 4, 0xe0400005);     // loop: sub r0, r0, r5
    m.bus.write(PA2 + 4, 4, 0xeafffffd); //       b loop
    m.cpu.r[5] = 1;
    m.cpu.pc = VA; m.cpu.t = 0;
    m.engine.run(20);                    // ten iterations: the block links to itself
    expect(m.cpu.r[0]).toBe(10);
    m.bus.write(L2, 4, small(PA2));      // remap the page (as the guest would, then TLBIALL)
    m.cpu.flushTlb();
    m.engine.run(20);
    expect(m.cpu.r[0]).toBe(0);
  });

  // Links inside one page survive a TLB flush (a block entered under the current mapping implies
  // its own page's), so the block after the flush must be looked up, not reached by such a link:
  // here the guest remaps the page it runs in. Without the forced lookup, the second TLBIALL
  // would continue through the same-page link into the old page (r4 = 2 instead of 101).
  it('the block after a guest TLBIALL is looked up afresh, even when the old link stays in the page', () => {
    const m = machine();
    const L1 = RAM + 0x200000, L2 = RAM + 0x204000;
    const VA = 0x70000000, PA1 = RAM + 0x300000, PA2 = RAM + 0x310000;
    m.bus.write(L1 + ((VA >>> 20) << 2), 4, (L2 | 1) | 0);
    const small = (pa: number) => ((pa & ~0xfff) | (3 << 4) | 2) | 0;
    m.bus.write(L2, 4, small(PA1));
    m.bus.write(L2 + 4, 4, small(L2));    // VA + 0x1000: the page table itself
    m.cpu.ttbr0 = L1; m.cpu.dacr = 0x55555555; m.cpu.sctlr |= 1; m.cpu.flushTlb();
    [0xe5821000,   // str r1, [r2]                  (the page's own PTE)
      0xee080f17,  // mcr p15, 0, r0, c8, c7, 0     (TLBIALL: ends the block)
      0xe2844001,  // add r4, r4, #1
      0xe1a01003,  // mov r1, r3                    (the next PTE)
      0xeafffffa,  // b VA
    ].forEach((w, i) => m.bus.write(PA1 + 4 * i, 4, w));
    m.bus.write(PA2 + 8, 4, 0xe2844064);  // add r4, r4, #100
    m.bus.write(PA2 + 12, 4, 0xeafffffe); // b .
    m.cpu.r[1] = small(PA1); m.cpu.r[2] = VA + 0x1000; m.cpu.r[3] = small(PA2);
    m.cpu.pc = VA; m.cpu.t = 0;
    m.engine.run(5);                      // first pass: same mapping, links VA -> VA+8 in the page
    expect(m.cpu.r[4]).toBe(1);
    m.engine.run(3);                      // second pass remaps the page under the running code
    expect(m.cpu.r[4]).toBe(101);
  });

  // Links are tagged with the privilege level whose fetch permission their target was checked
  // for: one made in SVC mode to a privileged-only page must not carry User mode past the
  // prefetch abort (the same block, bx r0, ending both times).
  it('a link made in a privileged mode is not followed in User mode into a privileged-only page', () => {
    const m = machine();
    const L1 = RAM + 0x200000;
    const VX = 0x70000000, PX = RAM + 0x300000; // user and kernel: bx r0
    const VK = 0x70100000, PK = RAM + 0x100000; // kernel only:     add r4, r4, #1; b .
    const sectionAt = (va: number, pa: number, ap: number) => m.bus.write(L1 + ((va >>> 20) << 2), 4, ((pa & 0xfff00000) | (ap << 10) | 2) | 0);
    sectionAt(VX, PX, 3);
    sectionAt(VK, PK, 1);
    m.cpu.ttbr0 = L1; m.cpu.dacr = 0x55555555; m.cpu.sctlr |= 1; m.cpu.flushTlb();
    m.bus.write(PX, 4, 0xe12fff10);       // bx r0
    m.bus.write(PK, 4, 0xe2844001);       // add r4, r4, #1
    m.bus.write(PK + 4, 4, 0xeafffffe);   // b .
    m.cpu.r[0] = VK;
    for (let k = 0; k < 3; k++) {         // SVC: bx r0 -> VK, linked
      m.cpu.pc = VX; m.cpu.t = 0;
      m.engine.run(2);
    }
    expect(m.cpu.r[4]).toBe(3);
    m.cpu.switchMode(Mode.USR);
    m.cpu.pc = VX;
    m.engine.run(2);                      // bx r0 in User mode; the fetch at VK is refused
    expect(m.cpu.r[4]).toBe(3);
    expect(m.cpu.mode).toBe(Mode.ABT);
    expect(m.cpu.pc).toBe(0x0c);
    expect(m.cpu.ifar >>> 0).toBe(VK);
  });
});

describe('the LRU bound', () => {
  // 40 blocks of three instructions, each branching to the next, the last back to the first.
  function chainOfBlocks(m: M, blocks: number): void {
    const words: number[] = [];
    for (let k = 0; k < blocks; k++) {
      words.push(0xe2800001); // add r0, r0, #1
      words.push(0xe2811002); // add r1, r1, #2
      words.push(k === blocks - 1 ? 0xea000000 | ((-(3 * blocks) - 2 + 3 * k + 3) & 0xffffff) - 0 : 0xeaffffff); // b next
    }
    // fix the last branch: from word index 3*blocks-1 back to 0: offset = (0 - (3*blocks-1) - 2)
    words[3 * blocks - 1] = 0xea000000 | ((-(3 * blocks - 1) - 2) & 0xffffff);
    loadA32(m, words);
  }

  it('keeps at most the bound in cached instructions, evicts, and still runs correctly', () => {
    const m = machine({ tbCacheInsns: 64 });
    chainOfBlocks(m, 40);
    m.engine.run(3 * 40 * 10);
    expect(m.cpu.r[0]).toBe(400);
    expect(m.cpu.r[1]).toBe(800);
    const s = m.engine.stats;
    expect(s.cachedInsns).toBeLessThanOrEqual(64);
    expect(s.evictions).toBeGreaterThan(0);
    expect(s.blocks).toBeLessThanOrEqual(64 / 3 + 1);
  });

  it('an evicted block\'s page marks go, so stores to that page take no invalidation', () => {
    const m = machine({ tbCacheInsns: 64 });
    loadA32(m, [0xe3a00001, 0xeafffffe]); // mov r0, #1; b .
    m.engine.run(2);
    expect(m.cpu.codePages[CODE >>> 12]).toBe(1);
    m.engine.invalidateAll();
    expect(m.cpu.codePages[CODE >>> 12]).toBe(0);
  });

  it('the bound defaults from ARMADA_TB_CACHE_INSNS and is at least one block', () => {
    expect(machine({ tbCacheInsns: 1 }).engine.tbCacheInsns).toBe(64);
    const old = process.env['ARMADA_TB_CACHE_INSNS'];
    process.env['ARMADA_TB_CACHE_INSNS'] = '1000';
    try { expect(machine().engine.tbCacheInsns).toBe(1000); } finally {
      if (old === undefined) delete process.env['ARMADA_TB_CACHE_INSNS']; else process.env['ARMADA_TB_CACHE_INSNS'] = old;
    }
  });
});

describe('the hot-tier threshold', () => {
  const withEnv = (v: string | undefined, f: () => void) => {
    const old = process.env['ARMADA_HOT_THRESHOLD'];
    if (v === undefined) delete process.env['ARMADA_HOT_THRESHOLD']; else process.env['ARMADA_HOT_THRESHOLD'] = v;
    try { f(); } finally {
      if (old === undefined) delete process.env['ARMADA_HOT_THRESHOLD']; else process.env['ARMADA_HOT_THRESHOLD'] = old;
    }
  };
  const compilesAfter = (words: number[], insns: number) => {
    const m = machine({ hot: 'auto' });
    loadA32(m, words);
    m.engine.run(insns);
    return m.engine.stats.hotCompiles;
  };
  // A loop of 3,200 instructions in 50 blocks: each block runs once per 3,200 instructions.
  const SLOW_LOOP = [...Array(3199).fill(0xe2800001) as number[], (0xea000000 | ((-(3199 * 4 + 8) >> 2) & 0xffffff)) >>> 0]; // add r0, r0, #1 (x3199); b loop
  it(`auto mode compiles a block hot now after ${HOT_FAST_RUNS} runs, one that runs now and then only at ARMADA_HOT_THRESHOLD runs`, () => {
    withEnv(undefined, () => {
      // TEN_ADDS ends in B . : a block that runs once per instruction.
      expect(compilesAfter(TEN_ADDS, 10 + HOT_FAST_RUNS - 100)).toBe(0);
      expect(compilesAfter(TEN_ADDS, 10 + HOT_FAST_RUNS + 100)).toBeGreaterThan(0);
    });
    withEnv('3000', () => {
      expect(compilesAfter(SLOW_LOOP, 3200 * 2100)).toBe(0);
      expect(compilesAfter(SLOW_LOOP, 3200 * 3001)).toBeGreaterThan(0);
    });
    withEnv('8', () => expect(compilesAfter(TEN_ADDS, 10 + 50)).toBeGreaterThan(0));
  });
  // Regression: the early compile of blocks hot now also compiled with the hot tier off, so the
  // closure-tier bench and the ARMADA_HOT=off differential runs ran compiled code.
  it('with the hot tier off, nothing compiles however hot', () => {
    const m = machine({ hot: 'off' });
    loadA32(m, TEN_ADDS);
    m.engine.run(10 + 10 * HOT_FAST_RUNS);
    expect(m.engine.stats.hotCompiles).toBe(0);
  });
  it('ARMADA_HOT_THRESHOLD must be a positive integer', () => {
    withEnv('0', () => expect(() => machine({ hot: 'auto' })).toThrow(/ARMADA_HOT_THRESHOLD=0 is not a positive integer/));
  });
});

// Regression: a dropped region head stayed in its members' owner lists (engine.ts regionOwners),
// so a long session that kept recompiling a head around a long-lived member kept every dropped
// head (its closures, its compiled code) alive.
describe('hot regions and invalidation', () => {
  it('a region head dropped and recompiled many times leaves no dead owners behind', () => {
    const m = machine({ hot: 'auto', hotThreshold: 3 });
    loadA32(m, [
      0xe2500001, // A: subs r0, r0, #1
      0x0a000001, //    beq  E
      0xe0811000, // B: add  r1, r1, r0
      0xeafffffb, //    b    A
      0xeafffffe, // E: b    .
    ]);
    const owners = () => [...(m.engine as unknown as { regionOwners: Map<unknown, unknown[]> }).regionOwners.values()]
      .reduce((n, list) => n + list.length, 0);
    for (let round = 0; round < 12; round++) {
      m.engine.invalidatePhys(CODE, 4); // A only: B's bytes start at CODE + 8
      m.cpu.r[0] = 200; m.cpu.r[1] = 0; m.cpu.pc = CODE;
      m.engine.run(200 * 4 - 2);
      expect(m.cpu.r[1]).toBe(199 * 200 / 2);
    }
    expect(m.engine.stats.hotCompiles).toBeGreaterThanOrEqual(12);
    expect(owners()).toBeLessThanOrEqual(2);
  });
});

describe('chaining and the return predictor', () => {
  // main: bl f; add r4, r4, #1; cmp r4, #50; bne main; b .    f: add r0, r0, r5; bx lr
  const PROG = [
    0xeb000003, // 0x00: bl 0x14 <f>
    0xe2844001, // 0x04: add r4, r4, #1
    0xe3540032, // 0x08: cmp r4, #50
    0x1afffffb, // 0x0c: bne 0x00
    0xeafffffe, // 0x10: b .
    0xe0800005, // 0x14: f: add r0, r0, r5
    0xe12fff1e, // 0x18: bx lr
  ];

  it('calls and returns run through links, and a patched callee is seen at once', () => {
    const m = machine();
    loadA32(m, PROG);
    m.cpu.r[5] = 1;
    m.engine.run(6 * 25); // 25 iterations (6 instructions each)
    expect(m.cpu.r[0]).toBe(25);
    expect(m.engine.stats.misses).toBeLessThanOrEqual(5);
    m.bus.write(CODE + 0x14, 4, 0xe0400005); // f: sub r0, r0, r5
    m.engine.run(6 * 25);
    expect(m.cpu.r[0]).toBe(0);
    expect(m.cpu.r[4]).toBe(50);
  });
});

/** A device whose write raises the CPU's IRQ line (an interrupt caused by a store). */
class IrqOnWrite implements MmioDevice {
  readonly name = 'irq-on-write';
  readonly size = 0x1000;
  constructor(private readonly cpu: Cpu) {}
  read(): number { return 0; }
  write(): void { this.cpu.irqLine = true; }
}

// Vectors at RAM (VBAR), an IRQ handler counting in r9, a main loop of a 5- and a 3-instruction block.
const IRQ_PROG = [
  0xea000006, // 00: b reset
  0xeafffffe, // 04: b .
  0xeafffffe, // 08: b .
  0xeafffffe, // 0c: b .
  0xeafffffe, // 10: b .
  0xeafffffe, // 14: b .
  0xea00000d, // 18: b irq
  0xeafffffe, // 1c: b .
  0xe1a0000f, // 20: reset: mov r0, pc
  0xe2400028, // 24: sub r0, r0, #40
  0xee0c0f10, // 28: mcr p15, 0, r0, c12, c0, 0 (VBAR)
  0xf1080080, // 2c: cpsie i
  0xe3a04000, // 30: mov r4, #0
  0xe2844001, // 34: loop: add r4, r4, #1
  0xe0245184, // 38: eor r5, r4, r4, lsl #3
  0xe0866005, // 3c: add r6, r6, r5
  0xe3140007, // 40: tst r4, #7
  0x1afffffa, // 44: bne loop
  0xe2877001, // 48: add r7, r7, #1
  0xe0080797, // 4c: mul r8, r7, r7
  0xeafffff7, // 50: b loop
  0xe2899001, // 54: irq: add r9, r9, #1
  0xe25ef004, // 58: subs pc, lr, #4
];

describe('interrupts at block boundaries', () => {
  it('an IRQ raised by a store mid-block is taken when that block ends (latency <= one block)', () => {
    const m = machine();
    m.bus.addDevice(0x10000000, new IrqOnWrite(m.cpu));
    loadA32(m, [
      0xe5812000, // loop: str r2, [r1]   (raises IRQ)
      0xe2800001, //       add r0, r0, #1
      0xe2800001, //       add r0, r0, #1
      0xe2800001, //       add r0, r0, #1
      0xe2800001, //       add r0, r0, #1
      0xeafffff9, //       b loop
    ], RAM + 0x100);
    m.cpu.r[1] = 0x10000000;
    m.cpu.i = 0;
    m.cpu.vbar = RAM;
    m.bus.write(RAM + 0x18, 4, 0xeafffffe); // IRQ vector: b .
    let at = -1;
    const take = m.cpu.takeInterrupt.bind(m.cpu);
    m.cpu.takeInterrupt = fiq => { at = m.cpu.icount; m.cpu.irqLine = false; take(fiq); };
    m.engine.run(1000);
    expect(at).toBe(6); // the whole first block (6 instructions), not one more
    expect(m.cpu.mode).toBe(Mode.IRQ);
    expect((m.cpu.r[14]! - 4) >>> 0).toBe(RAM + 0x100); // returns to the loop head
    expect(m.cpu.r[0]).toBe(4);
  });

  it('a tight infinite loop is interrupted at the next block boundary after the line rises', () => {
    const m = machine();
    loadA32(m, [0xeafffffe], RAM + 0x100); // b .
    m.cpu.i = 0; m.cpu.vbar = RAM;
    m.bus.write(RAM + 0x18, 4, 0xeafffffe);
    m.engine.run(12345);
    expect(m.cpu.icount).toBe(12345);
    expect(m.cpu.mode).toBe(Mode.SVC);
    m.cpu.irqLine = true;
    m.engine.run(1);
    expect(m.cpu.mode).toBe(Mode.IRQ);
    expect(m.cpu.icount).toBe(12346);
  });

  // Interrupts raised at fixed instruction counts (as a device on the virtual clock would):
  // each must be taken exactly there, whatever the host's slicing, and the runs must agree.
  function irqTrace(slice: number, total: number, period: number): number[] {
    const m = machine();
    loadA32(m, IRQ_PROG, RAM);
    const seen: number[] = [];
    const take = m.cpu.takeInterrupt.bind(m.cpu);
    m.cpu.takeInterrupt = fiq => { seen.push(m.cpu.icount, m.cpu.r[14]!); m.cpu.irqLine = false; take(fiq); };
    let next = period;
    while (m.cpu.icount < total) {
      const until = Math.min(next, m.cpu.icount + slice, total);
      m.engine.run(until - m.cpu.icount);
      if (m.cpu.icount === next) { m.cpu.irqLine = true; next += period; }
    }
    expect(m.cpu.r[9]).toBeGreaterThan(10);
    return seen;
  }

  it('instruction counts at each interrupt are exact and the same run after run', () => {
    const a = irqTrace(1000, 20000, 977);
    const b = irqTrace(333, 20000, 977);
    const c = irqTrace(20000, 20000, 977);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    // taken exactly where raised (the line rises between runs, at a block boundary or inside one)
    for (let k = 0; k < a.length; k += 2) expect(a[k]).toBe(977 * (k / 2 + 1));
  });
});

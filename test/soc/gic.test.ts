// The GIC (src/soc/devices/gic.ts) through its MMIO regions, one register behaviour per test.
// Expected values are what qemu-system-arm 7.2 -M vexpress-a9 shows for the same accesses
// (firmware/devices/gic prints them; test/qemu/devices-gic.test.ts compares the two).
import { describe, it, expect } from 'vitest';
import { Gic, SPURIOUS } from '../../src/soc/devices/gic.js';
import { NullIrqLine } from '../../src/soc/device.js';
import type { Width } from '../../src/armcore/bus.js';

function make(opts: { spis?: number } = {}) {
  const irq = new NullIrqLine(), fiq = new NullIrqLine();
  const errors: string[] = [];
  const g = new Gic('gic', { spis: opts.spis ?? 64 }, irq, fiq);
  g.onGuestError = m => errors.push(m);
  const d = g.regions['dist']!, c = g.regions['cpu']!;
  return {
    g, irq, fiq, errors,
    dr: (o: number, w: Width = 4) => d.read(o, w) >>> 0,
    dw: (o: number, v: number, w: Width = 4) => d.write(o, w, v),
    cr: (o: number, w: Width = 4) => c.read(o, w) >>> 0,
    cw: (o: number, v: number) => c.write(o, 4, v),
  };
}

// register offsets
const CTLR = 0x000, TYPER = 0x004, IIDR = 0x008, IGROUPR = 0x080, ISENABLER = 0x100, ICENABLER = 0x180;
const ISPENDR = 0x200, ICPENDR = 0x280, ISACTIVER = 0x300, IPRIORITYR = 0x400, ITARGETSR = 0x800, ICFGR = 0xc00;
const SGIR = 0xf00, CPENDSGIR = 0xf10, SPENDSGIR = 0xf20;
const C_CTLR = 0x00, PMR = 0x04, BPR = 0x08, IAR = 0x0c, EOIR = 0x10, RPR = 0x14, HPPIR = 0x18, ABPR = 0x1c;

/** Distributor and CPU interface on, everything visible (PMR at the lowest priority). */
function enabled(opts: { spis?: number } = {}) {
  const t = make(opts);
  t.dw(CTLR, 1); t.cw(C_CTLR, 1); t.cw(PMR, 0xff);
  return t;
}

describe('GIC identification and reset values (QEMU 7.2 vexpress-a9)', () => {
  it('GICD_TYPER says 96 interrupts, one CPU, security extensions; IDs are the GICv1 ones', () => {
    const { dr, cr } = make();
    expect(dr(TYPER)).toBe(0x402);
    expect(dr(IIDR)).toBe(0x43b);
    expect(dr(CTLR)).toBe(0);
    const ids = []; for (let o = 0xfd0; o < 0x1000; o += 4) ids.push(dr(o));
    expect(ids).toEqual([4, 0, 0, 0, 0x90, 0xb3, 0x1b, 0, 0x0d, 0xf0, 0x05, 0xb1]);
    expect(cr(0xfc)).toBe(0x1043b);
    expect([cr(C_CTLR), cr(PMR), cr(BPR), cr(RPR), cr(HPPIR), cr(ABPR)]).toEqual([0, 0, 0, 0xff, 1023, 1]);
  });

  it('TYPER follows the number of SPIs', () => {
    expect(make({ spis: 32 }).dr(TYPER)).toBe(0x401);
    expect(make({ spis: 224 }).dr(TYPER)).toBe(0x407);
    expect(() => make({ spis: 40 })).toThrow(/multiple of 32/);
  });

  it('SGIs are enabled and edge-triggered at reset and stay so; other interrupts are level', () => {
    const { dr, dw } = make();
    expect(dr(ISENABLER)).toBe(0x0000ffff);
    expect(dr(ICFGR)).toBe(0xaaaaaaaa);
    expect(dr(ICFGR + 4)).toBe(0);
    expect(dr(ICFGR + 8)).toBe(0);
    dw(ICENABLER, 0xffffffff);
    expect(dr(ISENABLER)).toBe(0x0000ffff); // SGI enables are read-only; PPIs 16..31 were off
    dw(ICFGR, 0);
    expect(dr(ICFGR)).toBe(0xaaaaaaaa);
    dw(ICFGR + 4, 0xffffffff); dw(ICFGR + 8, 0xffffffff);
    expect([dr(ICFGR + 4), dr(ICFGR + 8)]).toEqual([0xaaaaaaaa, 0xaaaaaaaa]); // only the edge bits exist
  });
});

describe('GIC register read-back', () => {
  it('priorities keep 5 bits (0xff reads 0xf8), byte-writable', () => {
    const { dr, dw } = make();
    dw(IPRIORITYR, 0xffffffff); dw(IPRIORITYR + 32, 0xffffffff);
    expect(dr(IPRIORITYR)).toBe(0xf8f8f8f8);
    expect(dr(IPRIORITYR + 32)).toBe(0xf8f8f8f8);
    dw(IPRIORITYR + 33, 0x47, 1);
    expect(dr(IPRIORITYR + 32)).toBe(0xf8f840f8);
    expect(dr(IPRIORITYR + 33, 1)).toBe(0x40);
    expect(dr(IPRIORITYR + 34, 2)).toBe(0xf8f8);
  });

  it('GICC_PMR keeps 5 bits; BPR takes 0..7; ABPR is at least 1', () => {
    const { cr, cw } = make();
    cw(PMR, 0xff); expect(cr(PMR)).toBe(0xf8);
    cw(BPR, 0); expect(cr(BPR)).toBe(0);
    cw(BPR, 0xf); expect(cr(BPR)).toBe(7);
    cw(ABPR, 0); expect(cr(ABPR)).toBe(1);
    cw(ABPR, 5); expect(cr(ABPR)).toBe(5);
  });

  it('control registers keep their implemented bits (GICD 2, GICC 5)', () => {
    const { dr, dw, cr, cw } = make();
    dw(CTLR, 0xffffffff); expect(dr(CTLR)).toBe(3);
    cw(C_CTLR, 0xffffffff); expect(cr(C_CTLR)).toBe(0x1f);
  });

  it('ITARGETSR reads as zero and ignores writes with one CPU; IGROUPR is writable', () => {
    const { dr, dw } = make();
    dw(ITARGETSR + 32, 0xffffffff);
    expect(dr(ITARGETSR)).toBe(0);
    expect(dr(ITARGETSR + 32)).toBe(0);
    dw(IGROUPR, 0xffffffff); dw(IGROUPR + 4, 0x5);
    expect(dr(IGROUPR)).toBe(0xffffffff);
    expect(dr(IGROUPR + 4)).toBe(5);
  });

  it('bad offsets read as zero and are reported once; ICACTIVER is GICv2 only', () => {
    const { dr, dw, cr, cw, errors } = make();
    expect(dr(0x0c)).toBe(0);
    expect(cr(0x20)).toBe(0);
    cw(0x20, 5);
    dw(0x384, 1);
    dr(0x0c);
    expect(errors).toEqual([
      'gic: distributor read at bad offset 0xc', 'gic: distributor read at bad offset 0xd',
      'gic: distributor read at bad offset 0xe', 'gic: distributor read at bad offset 0xf',
      'gic: CPU interface read at bad offset 0x20', 'gic: CPU interface write at bad offset 0x20',
      'gic: distributor write at bad offset 0x384', 'gic: distributor write at bad offset 0x385',
      'gic: distributor write at bad offset 0x386', 'gic: distributor write at bad offset 0x387',
    ]);
    // registers past the last interrupt: 96 IDs = 12 bytes of enable bits
    expect(dr(ISENABLER + 12)).toBe(0);
    expect(errors.at(-1)).toBe('gic: distributor read at bad offset 0x10f');
  });

  it('a byte read of GICC_IAR returns the low byte of 1023', () => {
    const { cr } = make();
    expect(cr(IAR, 1)).toBe(0xff);
  });
});

describe('GIC pending, acknowledge and end of interrupt', () => {
  it('nothing pending, or the GIC disabled: IAR and HPPIR read 1023, no IRQ', () => {
    const t = make();
    t.dw(ISENABLER + 4, 1); t.dw(ISPENDR + 4, 1);
    expect(t.cr(HPPIR)).toBe(SPURIOUS);
    expect(t.cr(IAR)).toBe(SPURIOUS);
    expect(t.irq.level).toBe(false);
    t.dw(CTLR, 1); t.cw(C_CTLR, 1);
    expect(t.cr(HPPIR)).toBe(SPURIOUS); // PMR 0 masks everything
    t.cw(PMR, 0xf8);
    expect(t.cr(HPPIR)).toBe(32);
    expect(t.irq.level).toBe(true);
  });

  it('software-pended SPI: IAR activates it, raises the running priority, EOIR completes it', () => {
    const t = enabled();
    t.dw(ISENABLER + 4, 1); t.dw(IPRIORITYR + 32, 0x80); t.dw(ISPENDR + 4, 1);
    expect(t.dr(ISPENDR + 4)).toBe(1);
    expect(t.irq.level).toBe(true);
    expect(t.cr(IAR)).toBe(32);
    expect(t.irq.level).toBe(false);
    expect(t.dr(ISPENDR + 4)).toBe(0);
    expect(t.dr(ISACTIVER + 4)).toBe(1);
    expect(t.cr(RPR)).toBe(0x80);
    expect(t.cr(IAR)).toBe(SPURIOUS);
    t.cw(EOIR, 32);
    expect(t.dr(ISACTIVER + 4)).toBe(0);
    expect(t.cr(RPR)).toBe(0xff);
  });

  it('an active interrupt pended again is not offered until it is completed (QEMU 7.2)', () => {
    const t = enabled();
    t.dw(ISENABLER + 4, 1); t.dw(IPRIORITYR + 32, 0x80); t.dw(ICFGR + 8, 2);
    t.dw(ISPENDR + 4, 1);
    expect(t.cr(IAR)).toBe(32);
    t.dw(ISPENDR + 4, 1);
    expect(t.cr(HPPIR)).toBe(SPURIOUS);
    expect(t.dr(ISPENDR + 4)).toBe(1);
    expect(t.dr(ISACTIVER + 4)).toBe(1);
    t.cw(EOIR, 32);
    expect(t.cr(HPPIR)).toBe(32);
    expect(t.cr(IAR)).toBe(32);
  });

  it('ICPENDR clears a software pend; SGI bits in ISPENDR/ICPENDR are ignored', () => {
    const t = enabled();
    t.dw(ISPENDR, 0xffffffff);
    expect(t.dr(ISPENDR)).toBe(0xffff0000);
    t.dw(ICPENDR, 0xffffffff);
    expect(t.dr(ISPENDR)).toBe(0);
  });

  it('highest priority first; equal priorities go to the lowest ID', () => {
    const t = enabled();
    t.dw(ISENABLER + 4, 0xffffffff);
    t.dw(IPRIORITYR + 32, 0x80a0a0c0); // 32: c0, 33: a0, 34: a0, 35: 80
    t.dw(ISPENDR + 4, 0xf);
    const order = [];
    for (let i = 0; i < 4; i++) { const id = t.cr(IAR); order.push(id); t.cw(EOIR, id); }
    expect(order).toEqual([35, 33, 34, 32]);
  });

  it('priority mask: an interrupt at or below the mask is not signalled', () => {
    const t = enabled();
    t.dw(ISENABLER + 4, 1); t.dw(IPRIORITYR + 32, 0x80); t.dw(ISPENDR + 4, 1);
    t.cw(PMR, 0x80);
    expect(t.cr(HPPIR)).toBe(SPURIOUS);
    expect(t.irq.level).toBe(false);
    t.cw(PMR, 0x88);
    expect(t.cr(HPPIR)).toBe(32);
    expect(t.irq.level).toBe(true);
  });

  it('preemption: only a higher group priority (per the binary point) interrupts an active one', () => {
    const t = enabled();
    t.dw(ISENABLER + 4, 0x7);
    t.dw(IPRIORITYR + 32, 0x00605080); // 32: 80, 33: 50, 34: 60
    t.dw(ISPENDR + 4, 1);
    expect(t.cr(IAR)).toBe(32);
    expect(t.cr(RPR)).toBe(0x80);
    t.dw(ISPENDR + 4, 2);                   // 0x50 preempts 0x80
    expect(t.irq.level).toBe(true);
    expect(t.cr(IAR)).toBe(33);
    expect(t.cr(RPR)).toBe(0x50);
    t.cw(BPR, 5);                           // group priority = bits [7:6]: 0x40 for both 0x50 and 0x60
    t.dw(ISPENDR + 4, 4);
    expect(t.cr(HPPIR)).toBe(34);
    expect(t.irq.level).toBe(false);        // 0x60 does not preempt the running 0x50
    expect(t.cr(IAR)).toBe(SPURIOUS);       // the acknowledge needs priority < running priority
    t.cw(EOIR, 33);
    expect(t.cr(RPR)).toBe(0x80);
    expect(t.cr(IAR)).toBe(34);             // group priority 0x40 with BPR 5
    expect(t.cr(RPR)).toBe(0x40);
    t.cw(EOIR, 34);
    t.cw(EOIR, 32);
    expect(t.cr(RPR)).toBe(0xff);
    expect(t.dr(ISACTIVER + 4)).toBe(0);
  });

  it('EOIR with nothing active, or a spurious ID, changes nothing', () => {
    const t = enabled();
    t.dw(ISENABLER + 4, 1); t.dw(ISPENDR + 4, 1);
    t.cw(EOIR, 32);
    expect(t.dr(ISPENDR + 4)).toBe(1);
    expect(t.cr(IAR)).toBe(32);
    t.cw(EOIR, 1023);
    expect(t.dr(ISACTIVER + 4)).toBe(1);
    t.cw(EOIR, 32);
    expect(t.dr(ISACTIVER + 4)).toBe(0);
  });
});

describe('GIC interrupt inputs', () => {
  it('a level SPI is pending while its line is high, whether enabled or not; it comes back after EOI while high', () => {
    const t = enabled();
    const line = t.g.input(32 + 5);
    line.set(true);
    expect(t.dr(ISPENDR + 4)).toBe(1 << 5);
    expect(t.irq.level).toBe(false); // not enabled
    t.dw(ISENABLER + 4, 1 << 5);
    expect(t.irq.level).toBe(true);
    expect(t.cr(IAR)).toBe(37);
    expect(t.dr(ISPENDR + 4)).toBe(1 << 5); // still high
    t.cw(EOIR, 37);
    expect(t.cr(HPPIR)).toBe(37);
    line.set(false);
    expect(t.cr(HPPIR)).toBe(SPURIOUS);
    expect(t.dr(ISPENDR + 4)).toBe(0);
  });

  it('an edge SPI latches pending on a rising edge and stays pending after the line drops', () => {
    const t = enabled();
    t.dw(ICFGR + 8, 2 << 10); // ID 37 edge
    t.dw(ISENABLER + 4, 1 << 5);
    const line = t.g.input(37);
    line.set(true); line.set(false);
    expect(t.cr(HPPIR)).toBe(37);
    expect(t.cr(IAR)).toBe(37);
    expect(t.dr(ISPENDR + 4)).toBe(0);
    t.cw(EOIR, 37);
    expect(t.cr(IAR)).toBe(SPURIOUS);
  });

  it('PPIs 16..31 are inputs; SGIs and IDs past the last SPI are not', () => {
    const t = enabled();
    t.dw(ISENABLER, 1 << 29);
    t.g.input(29).set(true);
    expect(t.cr(IAR)).toBe(29);
    expect(() => t.g.input(15)).toThrow(/no interrupt input 15/);
    expect(() => t.g.input(96)).toThrow(/no interrupt input 96/);
  });
});

describe('GIC software-generated interrupts', () => {
  it('GICD_SGIR to self: IAR returns the ID with the source CPU; SPENDSGIR shows the source', () => {
    const t = enabled();
    t.dw(SGIR, 0x02000003); // filter 2: this CPU; SGI 3
    expect(t.dr(ISPENDR)).toBe(1 << 3);
    expect(t.dr(SPENDSGIR)).toBe(0x01000000);
    expect(t.cr(IAR)).toBe(3);
    expect(t.dr(SPENDSGIR)).toBe(0);
    t.cw(EOIR, 3);
    t.dw(SGIR, 0x00010005); // target list CPU 0
    expect(t.cr(IAR)).toBe(5);
    t.cw(EOIR, 5);
    t.dw(SGIR, 0x01000006); // filter 1: every other CPU (there is none)
    expect(t.dr(ISPENDR)).toBe(0);
    t.dw(SGIR, 0x00020007); // target list CPU 1 only
    expect(t.dr(ISPENDR)).toBe(0);
    t.dw(SGIR, 0x02000011); // the ID field is 4 bits: SGI 1
    expect(t.dr(ISPENDR)).toBe(2);
  });

  it('SPENDSGIR/CPENDSGIR set and clear SGI pending by source byte', () => {
    const t = enabled();
    t.dw(SPENDSGIR + 4, 0x01, 1); // SGI 4 from CPU 0
    expect(t.dr(ISPENDR)).toBe(1 << 4);
    t.dw(CPENDSGIR + 4, 0x01, 1);
    expect(t.dr(ISPENDR)).toBe(0);
  });

  it('a byte write to GICD_SGIR is a bad access', () => {
    const t = enabled();
    t.dw(SGIR, 2, 1);
    expect(t.dr(ISPENDR)).toBe(0);
    expect(t.errors).toEqual(['gic: distributor write at bad offset 0xf00']);
  });
});

describe('GIC groups (security extensions, Secure accesses)', () => {
  it('a group 1 interrupt reads 1022 without AckCtl and is acknowledged with it', () => {
    const t = make();
    t.dw(CTLR, 3); t.cw(C_CTLR, 3); t.cw(PMR, 0xff);
    t.dw(IGROUPR + 4, 1); t.dw(ISENABLER + 4, 1); t.dw(ISPENDR + 4, 1);
    expect(t.irq.level).toBe(true);
    expect(t.cr(HPPIR)).toBe(1022);
    expect(t.cr(IAR)).toBe(1022);
    expect(t.dr(ISACTIVER + 4)).toBe(0);
    t.cw(C_CTLR, 3 | 4);
    expect(t.cr(IAR)).toBe(32);
  });

  it('a group 0 interrupt goes to FIQ when FIQEn is set', () => {
    const t = make();
    t.dw(CTLR, 1); t.cw(C_CTLR, 1 | 8); t.cw(PMR, 0xff);
    t.dw(ISENABLER + 4, 1); t.dw(ISPENDR + 4, 1);
    expect(t.fiq.level).toBe(true);
    expect(t.irq.level).toBe(false);
    t.cw(C_CTLR, 1);
    expect(t.fiq.level).toBe(false);
    expect(t.irq.level).toBe(true);
  });

  it('a group is signalled only when both the distributor and the CPU interface enable it', () => {
    const t = make();
    t.cw(PMR, 0xff);
    t.dw(IGROUPR + 4, 1); t.dw(ISENABLER + 4, 1); t.dw(ISPENDR + 4, 1);
    t.dw(CTLR, 1); t.cw(C_CTLR, 3);
    expect(t.irq.level).toBe(false);
    expect(t.cr(HPPIR)).toBe(1022); // still the highest pending one
    t.dw(CTLR, 2);
    expect(t.irq.level).toBe(true);
  });

  it('group 1 preemption uses ABPR - 1 unless CBPR', () => {
    const t = make();
    t.dw(CTLR, 3); t.cw(C_CTLR, 7); t.cw(PMR, 0xff);
    t.dw(IGROUPR + 4, 1); t.dw(ISENABLER + 4, 1); t.dw(IPRIORITYR + 32, 0x68);
    t.cw(ABPR, 5); t.cw(BPR, 0);
    t.dw(ISPENDR + 4, 1);
    expect(t.cr(IAR)).toBe(32);
    expect(t.cr(RPR)).toBe(0x60); // ABPR 5 -> group priority bits [7:5]
    t.cw(EOIR, 32);
    t.cw(C_CTLR, 7 | 16);         // CBPR: BPR 0 -> bits [7:1]
    t.dw(ISPENDR + 4, 1);
    expect(t.cr(IAR)).toBe(32);
    expect(t.cr(RPR)).toBe(0x68);
  });
});

describe('GIC snapshot', () => {
  it('saveState/loadState carries pending, active and running priority over', () => {
    const t = enabled();
    t.dw(ISENABLER + 4, 3); t.dw(IPRIORITYR + 32, 0x4080);
    t.g.input(33).set(true);
    t.dw(ISPENDR + 4, 1);
    expect(t.cr(IAR)).toBe(33);
    const snap = JSON.parse(JSON.stringify(t.g.saveState()));
    const u = make();
    u.g.loadState(snap);
    expect(u.cr(RPR)).toBe(0x40);
    expect(u.dr(ISACTIVER + 4)).toBe(2);
    expect(u.irq.level).toBe(false);
    u.cw(EOIR, 33);
    expect(u.irq.level).toBe(true);
    expect(u.cr(IAR)).toBe(33); // level still high
    u.cw(EOIR, 33);
    u.g.input(33).set(false);
    expect(u.cr(IAR)).toBe(32);
  });

  it('reset returns to the power-on state and drops the outputs', () => {
    const t = enabled();
    t.dw(ISENABLER + 4, 1); t.dw(ISPENDR + 4, 1);
    expect(t.irq.level).toBe(true);
    t.g.reset();
    expect(t.irq.level).toBe(false);
    expect([t.dr(CTLR), t.cr(C_CTLR), t.cr(PMR), t.dr(ISENABLER + 4), t.dr(ISPENDR + 4)]).toEqual([0, 0, 0, 0, 0]);
  });
});

// Short-descriptor MMU walk (src/armcore/mmu.ts) against QEMU 7.2 -M vexpress-a9.
//
// The expected lines below are the output of the probe firmware/probes/mmu/mmu-probe.elf (sources
// firmware/probes/mmu/start.S and probe.c; `make -C firmware/probes/mmu run`), run on
// `qemu-system-arm -M vexpress-a9 -m 256 -nographic -semihosting -kernel mmu-probe.elf`; the full
// output is firmware/probes/mmu/mmu-probe.out. The probe builds translation tables for each case, turns
// the MMU on and, for each case, does a privileged read, write and fetch, the same from User mode,
// then ATS1CPR/CPW/CUR/CUW, printing the value read, or DFSR (with WnR) / IFSR of the abort
// (`@far` only when the fault address differs from the accessed one), and the PAR values.
// runProbeModel() below replays the same program on Mmu and must print the same lines.
// (Left out: the ID register lines and the TLB/ASID section, which are not walk facts.)

import { describe, expect, it } from 'vitest';
import { BusError } from '../../src/armcore/bus.js';
import {
  Access, Mmu, type MmuRegs, PERM_PR, PERM_PW, PERM_PX, PERM_UR, PERM_UW, PERM_UX,
  FS_ACCESS_FLAG_PAGE, FS_ACCESS_FLAG_SECTION, FS_DOMAIN_PAGE, FS_DOMAIN_SECTION, FS_EXT_WALK_L1,
  FS_EXT_WALK_L2, FS_PERMISSION_PAGE, FS_PERMISSION_SECTION, FS_TRANSLATION_PAGE, FS_TRANSLATION_SECTION,
} from '../../src/armcore/mmu.js';

/** firmware/probes/mmu/mmu-probe.out as QEMU 7.2 printed it (walk-relevant lines). */
const QEMU_PROBE_OUTPUT = `
== info
SCTLR 00c50078
PAR mmu-off ATS1CPR 12345678 12345000
PAR mmu-off ATS1CUW 12345678 12345000
SCTLR mmu-on 00c50079
== sections AP (domain 3 client), VA 10000000 -> PA 60400000
ap0 pR=D0000003d pW=D0000083d pX=P0000003d uR=D0000003d uW=D0000083d uX=P0000003d PAR 0000001b 0000001b 0000001b 0000001b
ap1 pR=60400344 pW=ok pX=ok uR=D0000003d uW=D0000083d uX=P0000003d PAR 60400000 60400000 0000001b 0000001b
ap2 pR=60400344 pW=ok pX=ok uR=60400344 uW=D0000083d uX=ok PAR 60400000 60400000 60400000 0000001b
ap3 pR=60400344 pW=ok pX=ok uR=60400344 uW=ok uX=ok PAR 60400000 60400000 60400000 60400000
ap4 pR=D0000003d pW=D0000083d pX=P0000003d uR=D0000003d uW=D0000083d uX=P0000003d PAR 0000001b 0000001b 0000001b 0000001b
ap5 pR=60400344 pW=D0000083d pX=ok uR=D0000003d uW=D0000083d uX=P0000003d PAR 60400000 0000001b 0000001b 0000001b
ap6 pR=60400344 pW=D0000083d pX=ok uR=60400344 uW=D0000083d uX=ok PAR 60400000 0000001b 60400000 0000001b
ap7 pR=60400344 pW=D0000083d pX=ok uR=60400344 uW=D0000083d uX=ok PAR 60400000 0000001b 60400000 0000001b
ap3 xn pR=60400344 pW=ok pX=P0000003d uR=60400344 uW=ok uX=P0000003d PAR 60400000 60400000 60400000 60400000
ap2 xn pR=60400344 pW=ok pX=P0000003d uR=60400344 uW=D0000083d uX=P0000003d PAR 60400000 60400000 60400000 0000001b
ap3 nG+C+B pR=60400344 pW=ok pX=ok uR=60400344 uW=ok uX=ok PAR 60400000 60400000 60400000 60400000
ap3 NS pR=60400344 pW=ok pX=ok uR=60400344 uW=ok uX=ok PAR 60400200 60400200 60400200 60400200
ap3 bit0(PXN) pR=D00000005 pW=D00000805 pX=P00000005 uR=D00000005 uW=D00000805 uX=P00000005 PAR 0000000b 0000000b 0000000b 0000000b
type3 pR=D00000005 pW=D00000805 pX=P00000005 uR=D00000005 uW=D00000805 uX=P00000005 PAR 0000000b 0000000b 0000000b 0000000b
type0 pR=D00000005 pW=D00000805 pX=P00000005 uR=D00000005 uW=D00000805 uX=P00000005 PAR 0000000b 0000000b 0000000b 0000000b
== section domains
dom noacc pR=D00000059 pW=D00000859 pX=P00000059 uR=D00000059 uW=D00000859 uX=P00000059 PAR 00000013 00000013 00000013 00000013
dom client pR=D0000005d pW=D0000085d pX=P0000005d uR=D0000005d uW=D0000085d uX=P0000005d PAR 0000001b 0000001b 0000001b 0000001b
dom reserved pR=D00000059 pW=D00000859 pX=P00000059 uR=D00000059 uW=D00000859 uX=P00000059 PAR 00000013 00000013 00000013 00000013
dom manager pR=60400344 pW=ok pX=ok uR=60400344 uW=ok uX=ok PAR 60400000 60400000 60400000 60400000
dom manager ap5 pR=60400344 pW=ok pX=ok uR=60400344 uW=ok uX=ok PAR 60400000 60400000 60400000 60400000
dom5 noacc ap3 pR=D00000059 pW=D00000859 pX=P00000059 uR=D00000059 uW=D00000859 uX=P00000059 PAR 00000013 00000013 00000013 00000013
== supersections (domain 0), VA 20000000 -> PA 61000000
ss pR=61000344 pW=ok pX=ok uR=61000344 uW=ok uX=ok PAR 61000002 61000002 61000002 61000002
ss +456000 pR=61456344
ss +fff000 pR=61fff344
ss va 20456344 pR=61456344 pW=ok pX=ok uR=61456344 uW=ok uX=ok PAR 61000002 61000002 61000002 61000002
ss ap1 pR=61000344 pW=ok pX=ok uR=D0000000d uW=D0000080d uX=P0000000d PAR 61000002 61000002 0000001b 0000001b
ss xn pR=61000344 pW=ok pX=P0000000d uR=61000344 uW=ok uX=P0000000d PAR 61000002 61000002 61000002 61000002
ss domainbits=f (dom0 client, dom15 client) pR=00000000 pW=ok uR=00000000 PAR 61000002 61000002 61000002 61000002
ss dom0 noacc domainbits=f pR=D00000009 pW=D00000809 uR=D00000009 PAR 00000013 00000013 00000013 00000013
ss extbase[35:32]=1 pR=00000000 pW=ok uR=00000000 PAR 61000002 61000002 61000002 61000002
ss extbase[39:36]=1 pR=00000000 pW=ok uR=00000000 PAR 61000002 61000002 61000002 61000002
ss only entry 0, va 20000344 pR=61000344
ss only entry 0, va 20100344 pR=D00000005
ss NS pR=61000344 pW=ok pX=ok uR=61000344 uW=ok uX=ok PAR 61000202 61000202 61000202 61000202
== pages: L1 at 30000000 (domain 4) -> L2 at 60108000
ap0 pR=D0000004f pW=D0000084f pX=P0000004f uR=D0000004f uW=D0000084f uX=P0000004f PAR 0000001f 0000001f 0000001f 0000001f
ap1 pR=60401344 pW=ok pX=ok uR=D0000004f uW=D0000084f uX=P0000004f PAR 60401000 60401000 0000001f 0000001f
ap2 pR=60401344 pW=ok pX=ok uR=60401344 uW=D0000084f uX=ok PAR 60401000 60401000 60401000 0000001f
ap3 pR=60401344 pW=ok pX=ok uR=60401344 uW=ok uX=ok PAR 60401000 60401000 60401000 60401000
ap4 pR=D0000004f pW=D0000084f pX=P0000004f uR=D0000004f uW=D0000084f uX=P0000004f PAR 0000001f 0000001f 0000001f 0000001f
ap5 pR=60401344 pW=D0000084f pX=ok uR=D0000004f uW=D0000084f uX=P0000004f PAR 60401000 0000001f 0000001f 0000001f
ap6 pR=60401344 pW=D0000084f pX=ok uR=60401344 uW=D0000084f uX=ok PAR 60401000 0000001f 60401000 0000001f
ap7 pR=60401344 pW=D0000084f pX=ok uR=60401344 uW=D0000084f uX=ok PAR 60401000 0000001f 60401000 0000001f
small xn (type3) pR=60401344 pW=ok pX=P0000004f uR=60401344 uW=ok uX=P0000004f PAR 60401000 60401000 60401000 60401000
small ap2 xn pR=60401344 pW=ok pX=P0000004f uR=60401344 uW=D0000084f uX=P0000004f PAR 60401000 60401000 60401000 0000001f
small nG pR=60401344 pW=ok pX=ok uR=60401344 uW=ok uX=ok PAR 60401000 60401000 60401000 60401000
small TEX/C/B/S bits pR=60401344 pW=ok pX=ok uR=60401344 uW=ok uX=ok PAR 60401000 60401000 60401000 60401000
large pR=60410344 pW=ok pX=ok uR=60410344 uW=ok uX=ok PAR 60410000 60410000 60410000 60410000
large +5000 pR=60415344 pW=ok pX=ok uR=60415344 uW=ok uX=ok PAR 60415000 60415000 60415000 60415000
large xn pR=60415344 pW=ok pX=P0000004f uR=60415344 uW=ok uX=P0000004f PAR 60415000 60415000 60415000 60415000
large ap1 pR=60415344 pW=ok pX=ok uR=D0000004f uW=D0000084f uX=P0000004f PAR 60415000 60415000 0000001f 0000001f
large TEX bits pR=60415344 pW=ok pX=ok uR=60415344 uW=ok uX=ok PAR 60415000 60415000 60415000 60415000
large only entry 0, va 30010344 pR=60410344
large only entry 0, va 30011344 pR=D00000047
l2 fault pR=D00000047 pW=D00000847 pX=P00000047 uR=D00000047 uW=D00000847 uX=P00000047 PAR 0000000f 0000000f 0000000f 0000000f
page dom4 noacc, l2 fault pR=D0000004b pW=D0000084b pX=P0000004b uR=D0000004b uW=D0000084b uX=P0000004b PAR 00000017 00000017 00000017 00000017
page dom4 noacc pR=D0000004b pW=D0000084b pX=P0000004b uR=D0000004b uW=D0000084b uX=P0000004b PAR 00000017 00000017 00000017 00000017
page dom4 reserved pR=D0000004b pW=D0000084b pX=P0000004b uR=D0000004b uW=D0000084b uX=P0000004b PAR 00000017 00000017 00000017 00000017
page dom4 manager ap0 xn pR=60401344 pW=ok pX=ok uR=60401344 uW=ok uX=ok PAR 60401000 60401000 60401000 60401000
l1 NS pR=60401344 pW=ok pX=ok uR=60401344 uW=ok uX=ok PAR 60401200 60401200 60401200 60401200
l1 bit2(PXN) pR=60401344 pW=ok pX=ok uR=60401344 uW=ok uX=ok PAR 60401000 60401000 60401000 60401000
l1 bit4 pR=60401344 pW=ok pX=ok uR=60401344 uW=ok uX=ok PAR 60401000 60401000 60401000 60401000
l1 bit9 pR=60401344 pW=ok pX=ok uR=60401344 uW=ok uX=ok PAR 60401000 60401000 60401000 60401000
== AFE=1
SCTLR afe 20c50079
sec ap0 pR=D00000033 pW=D00000833 pX=P00000033 uR=D00000033 uW=D00000833 uX=P00000033 PAR 00000007 00000007 00000007 00000007
sec ap1 pR=60400344 pW=ok pX=ok uR=D0000003d uW=D0000083d uX=P0000003d PAR 60400000 60400000 0000001b 0000001b
sec ap2 pR=D00000033 pW=D00000833 pX=P00000033 uR=D00000033 uW=D00000833 uX=P00000033 PAR 00000007 00000007 00000007 00000007
sec ap3 pR=60400344 pW=ok pX=ok uR=60400344 uW=ok uX=ok PAR 60400000 60400000 60400000 60400000
sec ap4 pR=D00000033 pW=D00000833 pX=P00000033 uR=D00000033 uW=D00000833 uX=P00000033 PAR 00000007 00000007 00000007 00000007
sec ap5 pR=60400344 pW=D0000083d pX=ok uR=D0000003d uW=D0000083d uX=P0000003d PAR 60400000 0000001b 0000001b 0000001b
sec ap6 pR=D00000033 pW=D00000833 pX=P00000033 uR=D00000033 uW=D00000833 uX=P00000033 PAR 00000007 00000007 00000007 00000007
sec ap7 pR=60400344 pW=D0000083d pX=ok uR=60400344 uW=D0000083d uX=ok PAR 60400000 0000001b 60400000 0000001b
sec ap2 xn pR=D00000033 pW=D00000833 pX=P0000003d uR=D00000033 uW=D00000833 uX=P0000003d PAR 00000007 00000007 00000007 00000007
sec ap2 manager pR=60400344 pW=ok pX=ok uR=60400344 uW=ok uX=ok PAR 60400000 60400000 60400000 60400000
sec ap2 noacc pR=D00000039 pW=D00000839 pX=P00000039 uR=D00000039 uW=D00000839 uX=P00000039 PAR 00000013 00000013 00000013 00000013
ss ap2 pR=D00000003 pW=D00000803 pX=P00000003 uR=D00000003 uW=D00000803 uX=P00000003 PAR 00000007 00000007 00000007 00000007
pg ap0 pR=D00000046 pW=D00000846 pX=P00000046 uR=D00000046 uW=D00000846 uX=P00000046 PAR 0000000d 0000000d 0000000d 0000000d
pg ap1 pR=60401344 pW=ok pX=ok uR=D0000004f uW=D0000084f uX=P0000004f PAR 60401000 60401000 0000001f 0000001f
pg ap2 pR=D00000046 pW=D00000846 pX=P00000046 uR=D00000046 uW=D00000846 uX=P00000046 PAR 0000000d 0000000d 0000000d 0000000d
pg ap3 pR=60401344 pW=ok pX=ok uR=60401344 uW=ok uX=ok PAR 60401000 60401000 60401000 60401000
pg ap4 pR=D00000046 pW=D00000846 pX=P00000046 uR=D00000046 uW=D00000846 uX=P00000046 PAR 0000000d 0000000d 0000000d 0000000d
pg ap5 pR=60401344 pW=D0000084f pX=ok uR=D0000004f uW=D0000084f uX=P0000004f PAR 60401000 0000001f 0000001f 0000001f
pg ap6 pR=D00000046 pW=D00000846 pX=P00000046 uR=D00000046 uW=D00000846 uX=P00000046 PAR 0000000d 0000000d 0000000d 0000000d
pg ap7 pR=60401344 pW=D0000084f pX=ok uR=60401344 uW=D0000084f uX=ok PAR 60401000 0000001f 60401000 0000001f
large ap6 pR=D00000046 pW=D00000846 pX=P00000046 uR=D00000046 uW=D00000846 uX=P00000046 PAR 0000000d 0000000d 0000000d 0000000d
== TTBCR.N boundaries: TTBR0 table -> PA 60500000, TTBR1 table -> PA 60600000
N=00000001 below pR=60500344
N=00000001 at pR=60600344
N=00000001 PAR at 60600000
N=00000002 below pR=60500344
N=00000002 at pR=60600344
N=00000002 PAR at 60600000
N=00000003 below pR=60500344
N=00000003 at pR=60600344
N=00000003 PAR at 60600000
N=00000004 below pR=60500344
N=00000004 at pR=60600344
N=00000004 PAR at 60600000
N=00000005 below pR=60500344
N=00000005 at pR=60600344
N=00000005 PAR at 60600000
N=00000006 below pR=60500344
N=00000006 at pR=60600344
N=00000006 PAR at 60600000
N=00000007 below pR=60500344
N=00000007 at pR=60600344
N=00000007 PAR at 60600000
N=0 at 80000344 pR=60500344
N=0 TTBR0|7f pR=60500344
N=0 TTBR0|3fff pR=60500344
N=1 TTBR1|3fff pR=60600344
N=1 PD1 at 80000344 pR=D00000005
PD1 PAR 0000000b
N=2 PD0 at 10000344 pR=D00000005
PD0 PAR 0000000b
PD1 PAR ATS1CUR 0000000b
N=1 TTBR0=60102000 va 10000344 pR=60700344
N=0 TTBR0=60102000 va 10000344 (bit13 ignored?) pR=60400344
== external aborts
section to PA 70000000 pR=00000000 pW=ok uR=00000000 PAR 70000000 70000000 70000000 70000000
section to PA 80000000 pR=00000000
section to PA f0000000 pR=00000000
L2 table at PA 70000000 pR=D0000000e pW=D0000080e uR=D0000000e PAR ABORT:0000000e@10000344=10000344 ABORT:0000000e@10000344=10000344 ABORT:0000000e@10000344=10000344 ABORT:0000000e@10000344=10000344
L2 table at PA 70000000 dom7 noacc pR=D0000007b pW=D0000087b uR=D0000007b PAR 00000017 00000017 00000017 00000017
L2 table at PA 70000000 dom7 client pR=D0000007e pW=D0000087e pX=P0000007e uR=D0000007e uW=D0000087e uX=P0000007e PAR ABORT:0000007e@10000344=10000344 ABORT:0000007e@10000344=10000344 ABORT:0000007e@10000344=10000344 ABORT:0000007e@10000344=10000344
L2 table at PA f0000000 dom7 pR=D0000007e
L2 table at PA 40000000 dom7 pR=D00000077
TTBR1=70000000 va 80000344 pR=D0000000c pW=D0000080c pX=P0000000c uR=D0000000c uW=D0000080c uX=P0000000c PAR ABORT:0000000c@80000344=80000344 ABORT:0000000c@80000344=80000344 ABORT:0000000c@80000344=80000344 ABORT:0000000c@80000344=80000344
TTBR1=f0000000 va 80000344 pR=D0000000c
== FCSE
FCSEIDR 02000000
fcse va 00000344 pR=60400344
fcse PAR 00000344 60400000
fcse va 00100344 pR=D00000005
fcse va 02000344 pR=60400344
fcse 02000100 va 00000244 pR=00000000
FCSEIDR<-12345678 12345678
== SCTLR.XP
SCTLR XP cleared 00450079
xp0 small type3 ap=all 3 pR=60401344 pW=D0000084f pX=P0000004f uR=60401344 uW=D0000084f uX=P0000004f PAR 60401000 0000001f 60401000 0000001f
xp0 small type2 ap0=3 rest 0 pR=60401344 pW=ok pX=ok uR=60401344 uW=ok uX=ok PAR 60401000 60401000 60401000 60401000
== alignment vs translation (VA 10000345 unmapped)
A=0 ldr 10000345 pR=D00000005
A=1 ldr 10000345 pR=D00000001
== MMU off
mmu-off fcse=60000000 va 00000344 pR=feedf00d
mmu-off fcse=60000000 PAR 00000344 60000000
== done
`.trim().split('\n');

// ---------------------------------------------------------------------------------------------
// A model of the probe machine: physical memory (RAM at 0x60000000, 256 MiB, tables in it; NOR
// flash at 0x40000000 reads 0 on a walk; other walk addresses abort, as QEMU showed), the CP15
// translation registers, and the probe's access functions re-implemented on top of Mmu.
// ---------------------------------------------------------------------------------------------

const T0 = 0x60100000, T1 = 0x60104000, L2A = 0x60108000, IDDOM = 15;

class ProbeModel {
  readonly words = new Map<number, number>();
  readonly regs: MmuRegs = { sctlr: 0x00c50078, ttbr0: 0, ttbr1: 0, ttbcr: 0, dacr: 0, contextidr: 0, fcseidr: 0 };
  readonly mmu = new Mmu(this.regs, (pa) => this.walkRead(pa));
  readonly out: string[] = [];

  walkRead(pa: number): number {
    if (pa >= 0x60000000 && pa < 0x70000000) return this.words.get(pa) ?? 0;
    if (pa >= 0x40000000 && pa < 0x60000000) return 0; // NOR flash / SRAM region: reads as 0
    throw new BusError(pa, false);
  }
  /** Data read of a successful translation: table words, else the page marker, else 0. */
  dataRead(pa: number, paHi: number): number {
    if (paHi !== 0) return 0;
    const w = this.words.get(pa);
    if (w !== undefined) return w;
    const page = (pa & ~0xfff) >>> 0;
    const marked = (page >= 0x60400000 && page < 0x60800000) || page === 0x61000000 || page === 0x61456000 || page === 0x61fff000;
    return marked && (pa & 0xfff) === 0x344 ? pa : 0;
  }
  t0(i: number, v: number): void { this.words.set(T0 + 4 * i, v >>> 0); }
  t1(i: number, v: number): void { this.words.set(T1 + 4 * i, v >>> 0); }
  l2(i: number, v: number): void { this.words.set(L2A + 4 * i, v >>> 0); }
  resetTables(): void {
    this.words.clear();
    for (let i = 0x600; i < 0x700; i++) { const d = (i << 20) | (3 << 10) | (IDDOM << 5) | 2; this.t0(i, d); this.t1(i, d); }
  }

  private token(name: string, va: number, access: Access, user: boolean): string {
    const m = this.mmu;
    let s = ` ${name}=`;
    // The caller's alignment check (SCTLR.A) comes before the walk, as on QEMU.
    if ((this.regs.sctlr & 2) && (va & 3) && access !== Access.Fetch) return s + 'D' + hex(0x1 | (access === Access.Write ? 0x800 : 0));
    const ok = !m.enabled || m.walk(va, access, user);
    if (ok) {
      if (access === Access.Fetch) return s + 'ok';
      if (access === Access.Write) return s + 'ok';
      const pa = m.enabled ? m.res.pa : m.fcse(va);
      return s + hex(this.dataRead(pa, m.enabled ? m.res.paHi : 0));
    }
    const fsr = m.res.fsr | (access === Access.Write ? 0x800 : 0);
    s += (access === Access.Fetch ? 'P' : 'D') + hex(fsr);
    if (m.res.far !== va >>> 0) s += '@' + hex(m.res.far);
    return s;
  }
  private atsTok(va: number, op: number): string {
    const par = this.mmu.ats(va, (op & 1) !== 0, op >= 2);
    if (this.mmu.res.walkAbort) return ` ABORT:${hex(this.mmu.res.fsr)}@${hex(va)}=${hex(va)}`;
    return ' ' + hex(par);
  }
  all(name: string, va: number): void {
    const xva = (va & ~0xfff) >>> 0;
    let s = name;
    s += this.token('pR', va, Access.Read, false);
    s += this.token('pW', va, Access.Write, false);
    s += this.token('pX', xva, Access.Fetch, false);
    s += this.token('uR', va, Access.Read, true);
    s += this.token('uW', va, Access.Write, true);
    s += this.token('uX', xva, Access.Fetch, true);
    s += ' PAR';
    for (let op = 0; op < 4; op++) s += this.atsTok(va, op);
    this.out.push(s);
  }
  dat(name: string, va: number): void {
    let s = name;
    s += this.token('pR', va, Access.Read, false);
    s += this.token('pW', va, Access.Write, false);
    s += this.token('uR', va, Access.Read, true);
    s += ' PAR';
    for (let op = 0; op < 4; op++) s += this.atsTok(va, op);
    this.out.push(s);
  }
  rd(name: string, va: number, prefix = ''): void { this.out.push(prefix + name + this.token('pR', va, Access.Read, false)); }
  line(name: string, v: number, prefix = ''): void { this.out.push(`${prefix}${name} ${hex(v)}`); }
  s(t: string): void { this.out.push(`== ${t}`); }
}

const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
const secAp = (ap: number) => ((ap & 3) << 10) | ((ap >> 2) << 15);
const pgAp = (ap: number) => ((ap & 3) << 4) | ((ap >> 2) << 9);
const apname = (ap: number) => `ap${ap}`;

/** The probe's main(), step for step (firmware/probes/mmu/probe.c), minus the ID register and TLB parts. */
function runProbeModel(): string[] {
  const p = new ProbeModel();
  const r = p.regs;
  const dacrBase = (1 << (2 * IDDOM)) >>> 0;
  p.s('info');
  p.line('SCTLR', r.sctlr);
  p.line('PAR mmu-off ATS1CPR 12345678', p.mmu.ats(0x12345678, false, false));
  p.line('PAR mmu-off ATS1CUW 12345678', p.mmu.ats(0x12345678, true, true));
  p.resetTables();
  r.ttbr0 = T0; r.ttbr1 = T1; r.dacr = dacrBase; r.sctlr |= 1;
  p.line('SCTLR mmu-on', r.sctlr);

  p.s('sections AP (domain 3 client), VA 10000000 -> PA 60400000');
  r.dacr = dacrBase | (1 << 6);
  for (let ap = 0; ap < 8; ap++) { p.t0(0x100, 0x60400000 | secAp(ap) | (3 << 5) | 2); p.all(apname(ap), 0x10000344); }
  p.t0(0x100, 0x60400000 | secAp(3) | (3 << 5) | 0x10 | 2); p.all('ap3 xn', 0x10000344);
  p.t0(0x100, 0x60400000 | secAp(2) | (3 << 5) | 0x10 | 2); p.all('ap2 xn', 0x10000344);
  p.t0(0x100, 0x60400000 | secAp(3) | (3 << 5) | 0x1000c | 2); p.all('ap3 nG+C+B', 0x10000344);
  p.t0(0x100, 0x60400000 | secAp(3) | (3 << 5) | (1 << 19) | 2); p.all('ap3 NS', 0x10000344);
  p.t0(0x100, 0x60400000 | secAp(3) | (3 << 5) | 1 | 2); p.all('ap3 bit0(PXN)', 0x10000344);
  p.t0(0x100, 0x60400000 | secAp(3) | (3 << 5) | 3); p.all('type3', 0x10000344);
  p.t0(0x100, 0); p.all('type0', 0x10000344);

  p.s('section domains');
  const dn = ['dom noacc', 'dom client', 'dom reserved', 'dom manager'];
  for (let d = 0; d < 4; d++) {
    r.dacr = dacrBase | (d << 10);
    p.t0(0x100, 0x60400000 | secAp(0) | (5 << 5) | 0x10 | 2); p.all(dn[d]!, 0x10000344);
  }
  r.dacr = dacrBase | (3 << 10);
  p.t0(0x100, 0x60400000 | secAp(5) | (5 << 5) | 2); p.all('dom manager ap5', 0x10000344);
  r.dacr = dacrBase;
  p.t0(0x100, 0x60400000 | secAp(3) | (5 << 5) | 2); p.all('dom5 noacc ap3', 0x10000344);

  p.s('supersections (domain 0), VA 20000000 -> PA 61000000');
  const ss = (f: (i: number) => number) => { for (let i = 0; i < 16; i++) p.t0(0x200 + i, f(i)); };
  r.dacr = dacrBase | 1;
  ss(() => 0x61000000 | (1 << 18) | secAp(3) | 2);
  p.all('ss', 0x20000344); p.rd('ss +456000', 0x20456344); p.rd('ss +fff000', 0x20fff344);
  p.all('ss va 20456344', 0x20456344);
  ss(() => 0x61000000 | (1 << 18) | secAp(1) | 2); p.all('ss ap1', 0x20000344);
  ss(() => 0x61000000 | (1 << 18) | secAp(3) | 0x10 | 2); p.all('ss xn', 0x20000344);
  ss(() => 0x61000000 | (1 << 18) | secAp(3) | (0xf << 5) | 2); p.dat('ss domainbits=f (dom0 client, dom15 client)', 0x20000344);
  r.dacr = dacrBase; p.dat('ss dom0 noacc domainbits=f', 0x20000344);
  r.dacr = dacrBase | 1;
  ss(() => 0x61000000 | (1 << 18) | secAp(3) | (1 << 20) | 2); p.dat('ss extbase[35:32]=1', 0x20000344);
  ss(() => 0x61000000 | (1 << 18) | secAp(3) | (1 << 5) | 2); p.dat('ss extbase[39:36]=1', 0x20000344);
  ss((i) => (i === 0 ? 0x61000000 | (1 << 18) | secAp(3) | 2 : 0));
  p.rd('ss only entry 0, va 20000344', 0x20000344); p.rd('ss only entry 0, va 20100344', 0x20100344);
  ss(() => 0x61000000 | (1 << 18) | (1 << 19) | secAp(3) | 2); p.all('ss NS', 0x20000344);
  ss(() => 0);

  p.s('pages: L1 at 30000000 (domain 4) -> L2 at 60108000');
  r.dacr = dacrBase | (1 << 8);
  p.t0(0x300, L2A | (4 << 5) | 1);
  for (let ap = 0; ap < 8; ap++) { p.l2(0, 0x60401000 | pgAp(ap) | 2); p.all(apname(ap), 0x30000344); }
  p.l2(0, 0x60401000 | pgAp(3) | 3); p.all('small xn (type3)', 0x30000344);
  p.l2(0, 0x60401000 | pgAp(2) | 3); p.all('small ap2 xn', 0x30000344);
  p.l2(0, 0x60401000 | pgAp(3) | 0x800 | 2); p.all('small nG', 0x30000344);
  p.l2(0, 0x60401000 | pgAp(3) | 0x5cc | 2); p.all('small TEX/C/B/S bits', 0x30000344);
  const lg = (f: (i: number) => number) => { for (let i = 0; i < 16; i++) p.l2(0x10 + i, f(i)); };
  lg(() => 0x60410000 | pgAp(3) | 1); p.all('large', 0x30010344); p.all('large +5000', 0x30015344);
  lg(() => 0x60410000 | pgAp(3) | (1 << 15) | 1); p.all('large xn', 0x30015344);
  lg(() => 0x60410000 | pgAp(1) | 1); p.all('large ap1', 0x30015344);
  lg(() => 0x60410000 | pgAp(3) | 1 | 0x7000); p.all('large TEX bits', 0x30015344);
  lg((i) => (i === 0 ? 0x60410000 | pgAp(3) | 1 : 0));
  p.rd('large only entry 0, va 30010344', 0x30010344); p.rd('large only entry 0, va 30011344', 0x30011344);
  p.l2(2, 0); p.all('l2 fault', 0x30002344);
  p.l2(0, 0x60401000 | pgAp(3) | 2);
  r.dacr = dacrBase; p.all('page dom4 noacc, l2 fault', 0x30002344);
  p.all('page dom4 noacc', 0x30000344);
  r.dacr = dacrBase | (2 << 8); p.all('page dom4 reserved', 0x30000344);
  r.dacr = dacrBase | (3 << 8);
  p.l2(0, 0x60401000 | pgAp(0) | 3); p.all('page dom4 manager ap0 xn', 0x30000344);
  r.dacr = dacrBase | (1 << 8);
  p.t0(0x300, L2A | (4 << 5) | 8 | 1); p.l2(0, 0x60401000 | pgAp(3) | 2); p.all('l1 NS', 0x30000344);
  p.t0(0x300, L2A | (4 << 5) | 4 | 1); p.all('l1 bit2(PXN)', 0x30000344);
  p.t0(0x300, L2A | 0x10 | (4 << 5) | 1); p.all('l1 bit4', 0x30000344);
  p.t0(0x300, L2A | (4 << 5) | 0x200 | 1); p.all('l1 bit9', 0x30000344);
  p.t0(0x300, 0);

  p.s('AFE=1');
  const sctlr = r.sctlr;
  r.sctlr = (sctlr | (1 << 29)) >>> 0;
  p.line('SCTLR afe', r.sctlr);
  r.dacr = dacrBase | (1 << 6) | (1 << 8);
  for (let ap = 0; ap < 8; ap++) { p.t0(0x100, 0x60400000 | secAp(ap) | (3 << 5) | 2); p.all('sec ' + apname(ap), 0x10000344); }
  p.t0(0x100, 0x60400000 | secAp(2) | (3 << 5) | 0x10 | 2); p.all('sec ap2 xn', 0x10000344);
  r.dacr = dacrBase | (3 << 6) | (1 << 8);
  p.t0(0x100, 0x60400000 | secAp(2) | (3 << 5) | 2); p.all('sec ap2 manager', 0x10000344);
  r.dacr = dacrBase | (1 << 8);
  p.t0(0x100, 0x60400000 | secAp(2) | (3 << 5) | 2); p.all('sec ap2 noacc', 0x10000344);
  r.dacr = dacrBase | 1 | (1 << 6) | (1 << 8);
  ss(() => 0x61000000 | (1 << 18) | secAp(2) | 2); p.all('ss ap2', 0x20000344);
  ss(() => 0);
  p.t0(0x300, L2A | (4 << 5) | 1);
  for (let ap = 0; ap < 8; ap++) { p.l2(0, 0x60401000 | pgAp(ap) | 2); p.all('pg ' + apname(ap), 0x30000344); }
  lg(() => 0x60410000 | pgAp(6) | 1); p.all('large ap6', 0x30010344);
  p.t0(0x300, 0); p.t0(0x100, 0);
  r.sctlr = sctlr;

  p.s('TTBCR.N boundaries: TTBR0 table -> PA 60500000, TTBR1 table -> PA 60600000');
  r.dacr = dacrBase | 1;
  for (let n = 1; n < 8; n++) {
    const b = (0x80000000 >>> (n - 1)) >>> 0;
    const i0 = (b >>> 20) - 1, i1 = b >>> 20;
    p.t0(i0, 0x60500000 | secAp(3) | 2); p.t0(i1, 0x60500000 | secAp(3) | 2);
    p.t1(i0, 0x60600000 | secAp(3) | 2); p.t1(i1, 0x60600000 | secAp(3) | 2);
    r.ttbcr = n;
    const pre = 'N=' + hex(n);
    p.rd(' below', b - 0x100000 + 0x344, pre); p.rd(' at', b + 0x344, pre);
    p.line(' PAR at', p.mmu.ats(b + 0x344, false, false), pre);
    r.ttbcr = 0;
    p.t0(i0, 0); p.t0(i1, 0); p.t1(i0, 0); p.t1(i1, 0);
  }
  {
    const b = 0x80000000;
    p.t0(0x7ff, 0x60500000 | secAp(3) | 2); p.t0(0x800, 0x60500000 | secAp(3) | 2);
    p.t1(0x7ff, 0x60600000 | secAp(3) | 2); p.t1(0x800, 0x60600000 | secAp(3) | 2);
    p.rd('N=0 at 80000344', b + 0x344);
    r.ttbr0 = T0 | 0x7f; p.rd('N=0 TTBR0|7f', b + 0x344);
    r.ttbr0 = T0 | 0x3fff; p.rd('N=0 TTBR0|3fff', b + 0x344);
    r.ttbr0 = T0;
    r.ttbcr = 1;
    r.ttbr1 = T1 | 0x3fff; p.rd('N=1 TTBR1|3fff', b + 0x344);
    r.ttbr1 = T1;
    r.ttbcr = 1 | 0x20; p.rd('N=1 PD1 at 80000344', b + 0x344); p.line('PD1 PAR', p.mmu.ats(b + 0x344, false, false));
    r.ttbcr = 0;
    p.t0(0x100, 0x60400000 | secAp(3) | 2); p.t1(0x100, 0x60400000 | secAp(3) | 2);
    r.ttbcr = 2 | 0x10; p.rd('N=2 PD0 at 10000344', 0x10000344); p.line('PD0 PAR', p.mmu.ats(0x10000344, false, false));
    r.ttbcr = 1 | 0x20; p.line('PD1 PAR ATS1CUR', p.mmu.ats(0x80000344, false, true));
    r.ttbcr = 0;
    for (const i of [0x7ff, 0x800, 0x100]) { p.t0(i, 0); p.t1(i, 0); }
  }
  r.ttbcr = 1;
  p.t0(0x800 + 0x100, 0x60700000 | secAp(3) | 2); p.t0(0x100, 0x60400000 | secAp(3) | 2);
  r.ttbr0 = 0x60102000; p.rd('N=1 TTBR0=60102000 va 10000344', 0x10000344);
  r.ttbr0 = T0; r.ttbcr = 0;
  r.ttbr0 = 0x60102000; p.rd('N=0 TTBR0=60102000 va 10000344 (bit13 ignored?)', 0x10000344);
  r.ttbr0 = T0;
  p.resetTables();

  p.s('external aborts');
  r.dacr = dacrBase | 1;
  p.t0(0x100, 0x70000000 | secAp(3) | 2); p.dat('section to PA 70000000', 0x10000344);
  p.t0(0x100, 0x80000000 | secAp(3) | 2); p.rd('section to PA 80000000', 0x10000344);
  p.t0(0x100, 0xf0000000 | secAp(3) | 2); p.rd('section to PA f0000000', 0x10000344);
  p.t0(0x100, 0x70000000 | 1); p.dat('L2 table at PA 70000000', 0x10000344);
  p.t0(0x100, 0x70000000 | (7 << 5) | 1); p.dat('L2 table at PA 70000000 dom7 noacc', 0x10000344);
  r.dacr = dacrBase | 1 | (1 << 14);
  p.t0(0x100, 0x70000000 | (7 << 5) | 1); p.all('L2 table at PA 70000000 dom7 client', 0x10000344);
  p.t0(0x100, 0xf0000000 | (7 << 5) | 1); p.rd('L2 table at PA f0000000 dom7', 0x10000344);
  p.t0(0x100, 0x40000000 | (7 << 5) | 1); p.rd('L2 table at PA 40000000 dom7', 0x10000344);
  p.t0(0x100, 0);
  r.ttbcr = 1;
  r.ttbr1 = 0x70000000; p.all('TTBR1=70000000 va 80000344', 0x80000344);
  r.ttbr1 = 0xf0000000; p.rd('TTBR1=f0000000 va 80000344', 0x80000344);
  r.ttbr1 = T1; r.ttbcr = 0;

  p.s('FCSE');
  p.t0(0x020, 0x60400000 | secAp(3) | 2); p.t0(0x000, 0x60500000 | secAp(3) | 2);
  r.fcseidr = 0x02000000; p.line('FCSEIDR', r.fcseidr);
  p.rd('fcse va 00000344', 0x00000344); p.line('fcse PAR 00000344', p.mmu.ats(0x344, false, false));
  p.rd('fcse va 00100344', 0x00100344);
  p.rd('fcse va 02000344', 0x02000344);
  r.fcseidr = 0x02000100; p.rd('fcse 02000100 va 00000244', 0x00000244);
  r.fcseidr = 0x12345678; p.line('FCSEIDR<-12345678', r.fcseidr);
  r.fcseidr = 0; p.t0(0x020, 0); p.t0(0x000, 0);
  p.resetTables();

  p.s('SCTLR.XP');
  r.sctlr = (r.sctlr & ~(1 << 23)) >>> 0; p.line('SCTLR XP cleared', r.sctlr);
  r.dacr = dacrBase | (1 << 8);
  p.t0(0x300, L2A | (4 << 5) | 1);
  p.l2(0, 0x60401000 | 0xff0 | 3); p.all('xp0 small type3 ap=all 3', 0x30000344);
  p.l2(0, 0x60401000 | 0x030 | 2); p.all('xp0 small type2 ap0=3 rest 0', 0x30000344);
  r.sctlr = (r.sctlr | (1 << 23)) >>> 0;
  p.resetTables();
  p.s('alignment vs translation (VA 10000345 unmapped)');
  r.dacr = dacrBase | 1;
  p.rd('A=0 ldr 10000345', 0x10000345);
  r.sctlr |= 2;
  p.rd('A=1 ldr 10000345', 0x10000345);
  r.sctlr &= ~2;

  p.s('MMU off');
  r.sctlr = (r.sctlr & ~1) >>> 0;
  p.words.set(0x60000344, 0xfeedf00d);
  r.fcseidr = 0x60000000;
  p.rd('mmu-off fcse=60000000 va 00000344', 0x344);
  p.line('mmu-off fcse=60000000 PAR 00000344', p.mmu.ats(0x344, false, false));
  r.fcseidr = 0;
  p.s('done');
  return p.out;
}

describe('QEMU probe replay (firmware/probes/mmu/mmu-probe.out)', () => {
  const got = runProbeModel();
  // One test per probe section, so a difference points at the case.
  const sections: [string, string[], string[]][] = [];
  const split = (lines: string[]) => {
    const m = new Map<string, string[]>();
    let cur = '';
    for (const l of lines) { if (l.startsWith('== ')) { cur = l; m.set(cur, []); } else m.get(cur)!.push(l); }
    return m;
  };
  const e = split(QEMU_PROBE_OUTPUT), g = split(got);
  for (const [k, v] of e) sections.push([k, v, g.get(k) ?? []]);
  it('covers every section', () => {
    expect([...g.keys()]).toEqual([...e.keys()]);
  });
  for (const [name, exp, act] of sections) {
    it(name, () => { expect(act).toEqual(exp); });
  }
});

// ---------------------------------------------------------------------------------------------
// The attributes a TLB caches (not visible to the probe except through the accesses above).
// ---------------------------------------------------------------------------------------------

function setup(sctlr = 0x00c50079) {
  const mem = new Map<number, number>();
  const regs: MmuRegs = { sctlr, ttbr0: T0, ttbr1: T1, ttbcr: 0, dacr: 0x55555555, contextidr: 0, fcseidr: 0 };
  const mmu = new Mmu(regs, (pa) => {
    if (pa >= 0x60000000 && pa < 0x70000000) return mem.get(pa) ?? 0;
    throw new BusError(pa, false);
  });
  const w = (pa: number, v: number) => mem.set(pa, v >>> 0);
  return { mem, regs, mmu, w };
}
const ALL = PERM_PR | PERM_PW | PERM_PX | PERM_UR | PERM_UW | PERM_UX;

describe('walk result attributes', () => {
  it('fault status constants are the codes QEMU reported', () => {
    expect([FS_TRANSLATION_SECTION, FS_TRANSLATION_PAGE, FS_ACCESS_FLAG_SECTION, FS_ACCESS_FLAG_PAGE,
      FS_DOMAIN_SECTION, FS_DOMAIN_PAGE, FS_PERMISSION_SECTION, FS_PERMISSION_PAGE, FS_EXT_WALK_L1, FS_EXT_WALK_L2])
      .toEqual([0x5, 0x7, 0x3, 0x6, 0x9, 0xb, 0xd, 0xf, 0xc, 0xe]);
  });

  it('section: size 20, domain, permissions for both levels per AP (AFE=0)', () => {
    const { mmu, w } = setup();
    const expected = [0, PERM_PR | PERM_PW | PERM_PX, ALL & ~PERM_UW, ALL, 0,
      PERM_PR | PERM_PX, PERM_PR | PERM_PX | PERM_UR | PERM_UX, PERM_PR | PERM_PX | PERM_UR | PERM_UX];
    for (let ap = 0; ap < 8; ap++) {
      w(T0 + 0x100 * 4, 0x60400000 | secAp(ap) | (3 << 5) | 2);
      const ok = mmu.walk(0x10000344, Access.Read, false);
      if (expected[ap] === 0) {
        expect(ok).toBe(false);
        expect(mmu.res.fsr).toBe(0x3d);
        continue;
      }
      expect(ok).toBe(true);
      expect(mmu.res.perms).toBe(expected[ap]);
      expect(mmu.res.pa).toBe(0x60400344);
      expect(mmu.res.size).toBe(20);
      expect(mmu.res.domain).toBe(3);
      expect(mmu.res.manager).toBe(false);
    }
  });

  it('XN removes execute; manager domain grants everything', () => {
    const { mmu, w, regs } = setup();
    w(T0 + 0x100 * 4, 0x60400000 | secAp(2) | (3 << 5) | 0x10 | 2);
    expect(mmu.walk(0x10000000, Access.Read, false)).toBe(true);
    expect(mmu.res.perms).toBe(PERM_PR | PERM_PW | PERM_UR);
    expect(mmu.walk(0x10000000, Access.Fetch, false)).toBe(false);
    expect(mmu.res.fsr).toBe(0x3d);
    regs.dacr = 3 << 6;
    expect(mmu.walk(0x10000000, Access.Fetch, true)).toBe(true);
    expect(mmu.res.perms).toBe(ALL);
    expect(mmu.res.manager).toBe(true);
  });

  it('simplified permission model with AFE=1', () => {
    const { mmu, w } = setup(0x20c50079);
    const expected = [PERM_PR | PERM_PW | PERM_PX, ALL, PERM_PR | PERM_PX, PERM_PR | PERM_PX | PERM_UR | PERM_UX];
    for (let i = 0; i < 4; i++) {
      w(T0 + 0x100 * 4, 0x60400000 | secAp((i << 1) | 1) | (3 << 5) | 2);
      expect(mmu.walk(0x10000000, Access.Read, false)).toBe(true);
      expect(mmu.res.perms).toBe(expected[i]);
      w(T0 + 0x100 * 4, 0x60400000 | secAp(i << 1) | (3 << 5) | 2);
      expect(mmu.walk(0x10000000, Access.Read, false)).toBe(false);
      expect(mmu.res.fsr).toBe(0x33);
    }
  });

  it('nG entries carry the ASID of CONTEXTIDR; global entries nG=0', () => {
    const { mmu, w, regs } = setup();
    regs.contextidr = 0x123456ab;
    w(T0 + 0x100 * 4, 0x60400000 | secAp(3) | (1 << 17) | 2);
    expect(mmu.walk(0x10000000, Access.Read, false)).toBe(true);
    expect(mmu.res.nG).toBe(1);
    expect(mmu.res.asid).toBe(0xab);
    w(T0 + 0x100 * 4, 0x60400000 | secAp(3) | 2);
    expect(mmu.walk(0x10000000, Access.Read, false)).toBe(true);
    expect(mmu.res.nG).toBe(0);
    // pages: nG is bit 11 of the second-level descriptor
    w(T0 + 0x300 * 4, L2A | 1);
    w(L2A, 0x60401000 | pgAp(3) | 0x800 | 2);
    expect(mmu.walk(0x30000abc, Access.Write, true)).toBe(true);
    expect(mmu.res).toMatchObject({ nG: 1, asid: 0xab, size: 12, pa: 0x60401abc, perms: ALL, domain: 0 });
  });

  it('large page: size 16, 64 KiB offset; small page with XN (type 3)', () => {
    const { mmu, w } = setup();
    w(T0 + 0x300 * 4, L2A | (2 << 5) | 1);
    for (let i = 0; i < 16; i++) w(L2A + (0x10 + i) * 4, 0x60410000 | pgAp(3) | (1 << 15) | 1);
    expect(mmu.walk(0x3001fffc, Access.Read, true)).toBe(true);
    expect(mmu.res).toMatchObject({ pa: 0x6041fffc, size: 16, perms: PERM_PR | PERM_PW | PERM_UR | PERM_UW, domain: 2 });
    w(L2A, 0x60402000 | pgAp(3) | 3);
    expect(mmu.walk(0x30000010, Access.Read, false)).toBe(true);
    expect(mmu.res).toMatchObject({ pa: 0x60402010, size: 12, perms: PERM_PR | PERM_PW | PERM_UR | PERM_UW });
  });

  it('supersection: size 24, domain 0, extended base address in paHi, PAR keeps PA[31:24] only', () => {
    const { mmu, w } = setup();
    for (let i = 0; i < 16; i++) w(T0 + (0x200 + i) * 4, 0x61000000 | (1 << 18) | secAp(3) | (0xa << 20) | (0x5 << 5) | 2);
    expect(mmu.walk(0x20abcdef, Access.Read, false)).toBe(true);
    expect(mmu.res).toMatchObject({ pa: 0x61abcdef, paHi: 0x5a, size: 24, domain: 0 });
    expect(mmu.ats(0x20abcdef, false, false)).toBe(0x61000002);
  });

  it('TTBCR.N = 0..7 selects TTBR1 from VA 2^(32-N); N=0 never uses TTBR1', () => {
    const { mmu, w, regs } = setup();
    for (let n = 0; n < 8; n++) {
      regs.ttbcr = n;
      const b = n === 0 ? 0xfff00000 : (0x100000000 / 2 ** n) >>> 0;
      const i = b >>> 20;
      w(T0 + 4 * i, 0x60500000 | secAp(3) | 2); w(T1 + 4 * i, 0x60600000 | secAp(3) | 2);
      w(T0 + 4 * (i - 1), 0x60500000 | secAp(3) | 2); w(T1 + 4 * (i - 1), 0x60600000 | secAp(3) | 2);
      expect(mmu.walk(b, Access.Read, false)).toBe(true);
      expect(mmu.res.pa >>> 20).toBe(n === 0 ? 0x605 : 0x606);
      expect(mmu.walk(b - 4, Access.Read, false)).toBe(true);
      expect(mmu.res.pa >>> 20).toBe(0x605);
    }
  });

  it('SCTLR.EE reads descriptors big-endian', () => {
    const { mmu, w } = setup(0x02c50079);
    const d = 0x60400000 | secAp(3) | 2;
    const swapped = ((d & 0xff) << 24) | ((d & 0xff00) << 8) | ((d >>> 8) & 0xff00) | (d >>> 24);
    w(T0 + 0x100 * 4, swapped);
    expect(mmu.walk(0x10000004, Access.Read, false)).toBe(true);
    expect(mmu.res.pa).toBe(0x60400004);
  });

  it('walk external aborts: fsr, far, walkAbort, and ATS reports them as an abort', () => {
    const { mmu, w, regs } = setup();
    regs.ttbr0 = 0x80000000;
    expect(mmu.walk(0x10000000, Access.Write, false)).toBe(false);
    expect(mmu.res).toMatchObject({ fsr: 0x0c, far: 0x10000000, walkAbort: true });
    regs.ttbr0 = T0;
    w(T0 + 0x100 * 4, 0x80000000 | (9 << 5) | 1);
    expect(mmu.walk(0x10000000, Access.Fetch, true)).toBe(false);
    expect(mmu.res).toMatchObject({ fsr: 0x9e, walkAbort: true });
    mmu.ats(0x10000000, true, false);
    expect(mmu.res.walkAbort).toBe(true);
    w(T0 + 0x100 * 4, 0);
    expect(mmu.ats(0x10000000, true, false)).toBe(0xb);
    expect(mmu.res.walkAbort).toBe(false);
  });

  it('PAR NS bit: descriptor NS in the Secure regime, always 1 in a Non-secure one', () => {
    const { mmu, w } = setup();
    w(T0 + 0x100 * 4, 0x60400000 | secAp(3) | 2);
    expect(mmu.ats(0x10000000, false, false)).toBe(0x60400000);
    mmu.secure = false;
    expect(mmu.ats(0x10000000, false, false)).toBe(0x60400200);
  });

  it('a successful walk does not allocate a new result object', () => {
    const { mmu, w } = setup();
    w(T0 + 0x100 * 4, 0x60400000 | secAp(3) | 2);
    const r = mmu.res;
    mmu.walk(0x10000000, Access.Read, false);
    mmu.walk(0x20000000, Access.Read, false);
    expect(mmu.res).toBe(r);
  });
});

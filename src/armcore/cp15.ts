// CP15, the system control coprocessor, as QEMU 7.2 presents it for the Cortex-A9 of -M vexpress-a9
// (Security Extensions on, no LPAE, no Virtualization Extensions). Every register, its reset
// value, its write mask and who may access it was checked with the probe in firmware/probes/cp15
// (QEMU's output is firmware/probes/cp15/cp15-probe.out; test/armcore/cp15-probe.test.ts replays
// the probe on armada), which sweeps all 16,384 (opc1, CRn, CRm, opc2) encodings with MRC and MCR
// from SVC and from User mode.
//
// The register set is a table: one entry per encoding, with a reader, a writer and the PL0 rule.
// An encoding not in the table, a write to a read-only register or a read of a write-only one,
// and a PL1-only register accessed from User mode are UNDEFINED (mrc returns undefined, mcr
// false), as on QEMU. QEMU answers some encodings through wildcards, and so does the table:
// DACR at every (opc1, CRm, opc2) of CRn=3, the lockdown space (any opc1, CRn=10, CRm 0/1/4/8,
// any opc2; reads 0, writes ignored), any opc2 of the c0 identification space, and every write
// of opc1=0, CRn=7 (cache maintenance, accepted as no-ops: armada needs no cache maintenance,
// it sees code writes itself).
//
// Security Extensions: the CPU always runs in the Secure state, as QEMU's vexpress-a9 does for a
// bare-metal -kernel image. SCR, SDER, NSACR and MVBAR are real registers; SMC enters Monitor
// mode (cpu.ts). The Non-secure state is not modelled: making it current (SCR.NS=1 outside
// Monitor mode, or leaving Monitor mode with SCR.NS=1) stops the run with an error, and so does
// a CP15 access from Monitor mode with SCR.NS=1 to a register that has Secure and Non-secure
// banks, rather than answering from the wrong bank.
//
// PMU: QEMU's Cortex-A9 has the ARMv7 PMU registers (PMCR.N = 6 event counters, the cycle
// counter, and the ARMv8-style PMEVCNTR<n>/PMEVTYPER<n>/PMCCFILTR in c14), but its counters never
// count on this CPU (measured: PMCCNTR stays put with PMCR.E=1 and PMCNTENSET[31]=1, and SW_INCR
// does nothing, since QEMU prohibits counting in the Secure state). armada matches that by
// default. `pmuCounting = true` makes them count deterministically from the instruction count:
// one cycle per instruction (cpu.icount, exact at block boundaries), CPU_CYCLES (0x11) and
// INST_RETIRED (0x08) the same, SW_INCR (0x00) by PMSWINC, with overflow flags.
//
// TLB maintenance: TLBIALL/TLBIASID and their forms flush everything (QEMU's TLB is not
// ASID-tagged, and its TLBIASID flushes everything too); the by-MVA forms (TLBIMVA, TLBIMVAA,
// I/D and inner-shareable variants) drop one page, whatever the ASID, or the whole set when the
// page lies where a section or large page was cached (cpu.flushTlbPage). TTBR0/TTBR1/TTBCR writes
// do not flush (stale translations stay until maintenance, as on QEMU); SCTLR, DACR, FCSEIDR and
// CONTEXTIDR writes that change the value flush everything.

import { type Coprocessor, type Cpu, Mode, DABORT } from './cpu.js';

/** Main ID register of QEMU's cortex-a9 (r0p0). */
export const A9_MIDR = 0x410fc090;
/** Cache type register as QEMU 7.2's cortex-a9 reads it (checked on qemu-system-arm 7.2). */
export const A9_CTR = 0x80038003 | 0;
/** MPIDR of CPU 0: multiprocessing-extensions format (bit 31), cluster 0, CPU 0. */
export const A9_MPIDR = 0x80000000 | 0;
/** Configuration base address (private peripherals) on vexpress-a9. */
export const VEXPRESS_A9_CBAR = 0x1e000000;
/** PMCR: IMP 0x41, IDCODE 0x09, N = 6 counters; the low byte holds the writable bits. */
export const A9_PMCR = 0x41093000;

/** CPACR bits a Cortex-A9 with VFPv3-D32 and NEON implements: ASEDIS, D32DIS, cp11, cp10. */
const CPACR_MASK = 0xc0f00000 | 0;
/** SCR bits QEMU 7.2 keeps for this CPU: NS IRQ FIQ EA FW AW nET, SIF, TWI, TWE (not SCD, HCE). */
const SCR_MASK = 0x327f;
const PMCR_WMASK = 0xf9; // E, D, X, DP, and bits 6-7 (P and C are actions, read as zero)
const PMCR_E = 1, PMCR_P = 2, PMCR_C = 4, PMCR_D = 8;
const PMN = 6; // event counters
const PMCNT_MASK = (0x80000000 | ((1 << PMN) - 1)) >>> 0;
const PMEVTYPER_MASK = 0xfe00ffff | 0;
const PMCCFILTR_MASK = 0xfc000000 | 0;
const PMCCFILTR_DIRECT_MASK = 0xf8000000 | 0;

export const key = (opc1: number, crn: number, crm: number, opc2: number) =>
  (crn << 10) | (opc1 << 7) | (crm << 3) | opc2;

type Reader = (cpu: Cpu, cp: Cp15) => number;
type Writer = (cpu: Cpu, cp: Cp15, v: number) => void;
/** Whether User mode may make the access (absent = PL1 only). */
type Pl0Rule = (cp: Cp15) => boolean;

interface Reg {
  readonly name: string;
  readonly read?: Reader;
  readonly write?: Writer;
  readonly pl0Read?: Pl0Rule;
  readonly pl0Write?: Pl0Rule;
  /** Same register in both Security states (no Non-secure bank). */
  readonly common?: boolean;
}

const ALWAYS: Pl0Rule = () => true;
const PMU_EN: Pl0Rule = cp => (cp.pmuserenr & 1) !== 0;
const ignore: Writer = () => {};
const zero: Reader = () => 0;

const REGS = new Map<number, Reg>();
function def(opc1: number, crn: number, crm: number, opc2: number, reg: Reg): void {
  REGS.set(key(opc1, crn, crm, opc2), reg);
}
const ro = (name: string, read: Reader, common = true): Reg => ({ name, read, common });
const raz = (name: string): Reg => ({ name, read: zero, write: ignore });

// c0: identification (values read from QEMU 7.2). opc2 4, 6 and 7 of c0,c0 answer MIDR.
const C0_C0 = [A9_MIDR, A9_CTR, 0, 0, A9_MIDR, A9_MPIDR, A9_MIDR, A9_MIDR];
const C0_NAMES = ['MIDR', 'CTR', 'TCMTR', 'TLBTR', 'MIDR', 'MPIDR', 'REVIDR', 'MIDR'];
const ID_VALUES = [
  [0x00001031, 0x00000011, 0, 0, 0x00100103, 0x20000000, 0x01230000, 0x00002111], // ID_PFR0..ID_MMFR3
  [0x00101111, 0x13112111, 0x21232041, 0x11112131, 0x00111142, 0, 0, 0],          // ID_ISAR0..5, RAZ
];
for (let crm = 0; crm < 8; crm++) {
  for (let opc2 = 0; opc2 < 8; opc2++) {
    const v = crm === 0 ? C0_C0[opc2]! : crm <= 2 ? ID_VALUES[crm - 1]![opc2]! : 0;
    def(0, 0, crm, opc2, ro(crm === 0 ? C0_NAMES[opc2]! : `ID c0,c${crm},${opc2}`, () => v));
  }
}
/** CCSIDR by CSSELR (Level:InD): L1 data, L1 instruction; nothing else. */
const A9_CCSIDR = [0xe00fe019 | 0, 0x200fe019];
def(1, 0, 0, 0, { name: 'CCSIDR', read: (_c, cp) => A9_CCSIDR[cp.csselr] ?? 0 });
def(1, 0, 0, 1, ro('CLIDR', () => 0x09000003));
def(1, 0, 0, 7, ro('AIDR', () => 0));
def(2, 0, 0, 0, { name: 'CSSELR', read: (_c, cp) => cp.csselr, write: (_c, cp, v) => { cp.csselr = v & 0xf; } });

// c1: system control; Security Extensions registers (Secure PL1 only; the CPU is always Secure).
def(0, 1, 0, 0, {
  name: 'SCTLR', read: c => c.sctlr | 0,
  // QEMU stores the value as written and flushes the TLB when it changes.
  write: (c, _cp, v) => { if ((c.sctlr | 0) !== (v | 0)) { c.sctlr = v >>> 0; c.flushTlb(); } },
});
def(0, 1, 0, 1, raz('ACTLR')); // QEMU: constant 0, writes ignored
def(0, 1, 0, 2, { name: 'CPACR', read: (_c, cp) => cp.cpacr, write: (_c, cp, v) => { cp.cpacr = v & CPACR_MASK; } });
def(0, 1, 1, 0, {
  name: 'SCR', common: true, read: c => c.scr, write: (c, _cp, v) => {
    c.scr = v & SCR_MASK;
    if ((c.scr & 1) && c.mode !== Mode.MON) nsNotModelled(c, 'SCR.NS=1 written outside Monitor mode');
  },
});
def(0, 1, 1, 1, { name: 'SDER', common: true, read: (_c, cp) => cp.sder, write: (_c, cp, v) => { cp.sder = v | 0; } });
def(0, 1, 1, 2, { name: 'NSACR', common: true, read: (_c, cp) => cp.nsacr, write: (_c, cp, v) => { cp.nsacr = v | 0; } });
def(4, 1, 0, 1, raz('HACTLR')); // RES0 without the Virtualization Extensions

// c2, c3: translation table base and domains (the Cpu holds them; the Mmu walks with them).
// QEMU (no LPAE): TTBR0/TTBR1/TTBCR writes do not flush the TLB.
def(0, 2, 0, 0, { name: 'TTBR0', read: c => c.ttbr0, write: (c, _cp, v) => { c.ttbr0 = v | 0; } });
def(0, 2, 0, 1, { name: 'TTBR1', read: c => c.ttbr1, write: (c, _cp, v) => { c.ttbr1 = v | 0; } });
def(0, 2, 0, 2, { name: 'TTBCR', read: c => c.ttbcr, write: (c, _cp, v) => { c.ttbcr = v & 0x37; } });
const DACR: Reg = { name: 'DACR', read: c => c.dacr, write: (c, _cp, v) => { c.dacr = v | 0; c.flushTlb(); } };
for (let opc1 = 0; opc1 < 8; opc1++) {
  for (let crm = 0; crm < 16; crm++) for (let opc2 = 0; opc2 < 8; opc2++) def(opc1, 3, crm, opc2, DACR);
}

// c5, c6: fault status and address.
def(0, 5, 0, 0, { name: 'DFSR', read: c => c.dfsr | 0, write: (c, _cp, v) => { c.dfsr = v | 0; } });
def(0, 5, 0, 1, { name: 'IFSR', read: c => c.ifsr | 0, write: (c, _cp, v) => { c.ifsr = v | 0; } });
def(0, 5, 1, 0, raz('ADFSR'));
def(0, 5, 1, 1, raz('AIFSR'));
def(6, 5, 1, 0, raz('c5 opc1=6 (QEMU)'));
def(6, 5, 1, 1, raz('c5 opc1=6 (QEMU)'));
def(0, 6, 0, 0, { name: 'DFAR', read: c => c.dfar | 0, write: (c, _cp, v) => { c.dfar = v | 0; } });
def(0, 6, 0, 1, raz('WFAR'));
def(0, 6, 0, 2, { name: 'IFAR', read: c => c.ifar | 0, write: (c, _cp, v) => { c.ifar = v | 0; } });

// c7: every opc1=0 write is accepted (cache and branch-predictor maintenance: no effect); the
// barriers may be written from User mode; PAR and the address translation operations.
const C7_NOP: Reg = { name: 'cache maintenance', write: ignore, common: true };
for (let crm = 0; crm < 16; crm++) for (let opc2 = 0; opc2 < 8; opc2++) def(0, 7, crm, opc2, C7_NOP);
const BARRIER = (name: string): Reg => ({ name, write: ignore, pl0Write: ALWAYS, common: true });
def(0, 7, 5, 4, BARRIER('CP15ISB'));
def(0, 7, 10, 4, BARRIER('CP15DSB'));
def(0, 7, 10, 5, BARRIER('CP15DMB'));
// PAR: bits 8 and 11 are RAZ/WI without LPAE (QEMU 7.2 keeps 0xfffff6ff of a write).
def(0, 7, 4, 0, { name: 'PAR', read: (_c, cp) => cp.par, write: (_c, cp, v) => { cp.par = v & 0xfffff6ff; } });
const ATS = ['ATS1CPR', 'ATS1CPW', 'ATS1CUR', 'ATS1CUW'];
for (let op = 0; op < 4; op++) {
  def(0, 7, 8, op, { name: ATS[op]!, write: (c, cp, v) => cp.ats(c, v, (op & 1) !== 0, op >= 2) });
  // ATS12NSO*: the Non-secure PL1&0 regime, which can never be set up here (entering the
  // Non-secure state stops the run), so it is at reset: MMU off, PA = VA, PAR.NS = 1.
  def(0, 7, 8, 4 + op, { name: 'ATS12NSO' + ATS[op]!.slice(4), write: (_c, cp, v) => { cp.par = ((v & 0xfffff000) | 0x200) | 0; } });
}

// c8: TLB maintenance.
const TLBI_ALL: Reg = { name: 'TLBI (all)', write: c => c.flushTlb(), common: true };
const TLBI_MVA: Reg = { name: 'TLBI (by MVA)', write: (c, _cp, v) => c.flushTlbPage(v), common: true };
for (const crm of [3, 5, 6, 7]) {
  def(0, 8, crm, 0, TLBI_ALL);                           // TLBIALL(IS), ITLBIALL, DTLBIALL
  def(0, 8, crm, 1, TLBI_MVA);                           // TLBIMVA(IS), ITLBIMVA, DTLBIMVA
  def(0, 8, crm, 2, TLBI_ALL);                           // TLBIASID(IS), I/DTLBIASID: all, as QEMU
  if (crm === 3 || crm === 7) def(0, 8, crm, 3, TLBI_MVA); // TLBIMVAA(IS)
}

// c9, c14: the PMU.
const PMU = (name: string, read: Reader | undefined, write: Writer | undefined, pl0Read?: Pl0Rule, pl0Write?: Pl0Rule): Reg =>
  ({ name, read, write, pl0Read, pl0Write, common: true });
def(0, 9, 12, 0, PMU('PMCR', (c, cp) => cp.pmcrRead(c), (c, cp, v) => cp.pmcrWrite(c, v), PMU_EN, PMU_EN));
def(0, 9, 12, 1, PMU('PMCNTENSET', (_c, cp) => cp.pmcnten, (c, cp, v) => { cp.pmSync(c); cp.pmcnten |= v & PMCNT_MASK; }, PMU_EN, PMU_EN));
def(0, 9, 12, 2, PMU('PMCNTENCLR', (_c, cp) => cp.pmcnten, (c, cp, v) => { cp.pmSync(c); cp.pmcnten &= ~v; }, PMU_EN, PMU_EN));
def(0, 9, 12, 3, PMU('PMOVSR', (c, cp) => { cp.pmSync(c); return cp.pmovsr; }, (c, cp, v) => { cp.pmSync(c); cp.pmovsr &= ~v; }, PMU_EN, PMU_EN));
def(0, 9, 12, 4, PMU('PMSWINC', undefined, (c, cp, v) => cp.pmSwinc(c, v), undefined, PMU_EN));
def(0, 9, 12, 5, PMU('PMSELR', (_c, cp) => cp.pmselr, (_c, cp, v) => { cp.pmselr = v & 0x1f; }, PMU_EN, PMU_EN));
def(0, 9, 13, 0, PMU('PMCCNTR', (c, cp) => { cp.pmSync(c); return cp.pmccntr; }, (c, cp, v) => { cp.pmSync(c); cp.pmccntr = v | 0; }, PMU_EN, PMU_EN));
def(0, 9, 13, 1, PMU('PMXEVTYPER', (_c, cp) => cp.evtyperRead(cp.pmselr), (c, cp, v) => cp.evtyperWrite(c, cp.pmselr, v), PMU_EN, PMU_EN));
def(0, 9, 13, 2, PMU('PMXEVCNTR', (c, cp) => cp.evcntRead(c, cp.pmselr), (c, cp, v) => cp.evcntWrite(c, cp.pmselr, v), PMU_EN, PMU_EN));
def(0, 9, 14, 0, PMU('PMUSERENR', (_c, cp) => cp.pmuserenr, (_c, cp, v) => { cp.pmuserenr = v & 1; }, ALWAYS));
def(0, 9, 14, 1, PMU('PMINTENSET', (_c, cp) => cp.pminten, (_c, cp, v) => { cp.pminten |= v & PMCNT_MASK; }));
def(0, 9, 14, 2, PMU('PMINTENCLR', (_c, cp) => cp.pminten, (_c, cp, v) => { cp.pminten &= ~v; }));
for (let n = 0; n < PMN; n++) {
  def(0, 14, 8 + (n >> 3), n & 7, PMU(`PMEVCNTR${n}`, (c, cp) => cp.evcntRead(c, n), (c, cp, v) => cp.evcntWrite(c, n, v), PMU_EN, PMU_EN));
  def(0, 14, 12 + (n >> 3), n & 7, PMU(`PMEVTYPER${n}`, (_c, cp) => cp.evtyperRead(n), (c, cp, v) => cp.evtyperWrite(c, n, v), PMU_EN, PMU_EN));
}
// Written directly, PMCCFILTR keeps 0xf8000000; through PMXEVTYPER (PMSELR=31), 0xfc000000 (QEMU 7.2).
def(0, 14, 15, 7, PMU('PMCCFILTR', (_c, cp) => cp.evtyperRead(31), (c, cp, v) => cp.evtyperWrite(c, 31, v & PMCCFILTR_DIRECT_MASK), PMU_EN, PMU_EN));

// c10: memory region remap; the TLB and cache lockdown space reads 0 and ignores writes.
def(0, 10, 2, 0, { name: 'PRRR', read: (_c, cp) => cp.prrr, write: (_c, cp, v) => { cp.prrr = v | 0; } });
def(0, 10, 2, 1, { name: 'NMRR', read: (_c, cp) => cp.nmrr, write: (_c, cp, v) => { cp.nmrr = v | 0; } });
const LOCKDOWN = raz('lockdown');
for (let opc1 = 0; opc1 < 8; opc1++) {
  for (const crm of [0, 1, 4, 8]) for (let opc2 = 0; opc2 < 8; opc2++) def(opc1, 10, crm, opc2, LOCKDOWN);
}

// c12: vector base addresses and the interrupt status.
def(0, 12, 0, 0, { name: 'VBAR', read: c => c.vbar | 0, write: (c, _cp, v) => { c.vbar = (v & ~0x1f) >>> 0; } });
def(0, 12, 0, 1, { name: 'MVBAR', common: true, read: c => c.mvbar | 0, write: (c, _cp, v) => { c.mvbar = (v & ~0x1f) >>> 0; } });
def(0, 12, 1, 0, ro('ISR', c => (c.fiqLine ? 0x40 : 0) | (c.irqLine ? 0x80 : 0)));

// c13: process, context and thread ID.
def(0, 13, 0, 0, {
  name: 'FCSEIDR', read: c => c.fcseidr,
  write: (c, _cp, v) => { if (c.fcseidr !== (v | 0)) { c.fcseidr = v | 0; c.flushTlb(); } },
});
def(0, 13, 0, 1, {
  name: 'CONTEXTIDR', read: c => c.contextidr,
  // QEMU's TLB is not tagged with the ASID: a change flushes everything, global entries too.
  write: (c, _cp, v) => { if (c.contextidr !== (v | 0)) { c.contextidr = v | 0; c.flushTlb(); } },
});
def(0, 13, 0, 2, { name: 'TPIDRURW', read: (_c, cp) => cp.tpidrurw, write: (_c, cp, v) => { cp.tpidrurw = v | 0; }, pl0Read: ALWAYS, pl0Write: ALWAYS });
def(0, 13, 0, 3, { name: 'TPIDRURO', read: (_c, cp) => cp.tpidruro, write: (_c, cp, v) => { cp.tpidruro = v | 0; }, pl0Read: ALWAYS });
def(0, 13, 0, 4, { name: 'TPIDRPRW', read: (_c, cp) => cp.tpidrprw, write: (_c, cp, v) => { cp.tpidrprw = v | 0; } });

// c15: Cortex-A9 implementation defined (power control, diagnostics, CBAR, TLB lockdown access).
def(0, 15, 0, 0, { name: 'A9_PWRCTL', read: (_c, cp) => cp.pwrctl, write: (_c, cp, v) => { cp.pwrctl = v | 0; } });
def(0, 15, 0, 1, { name: 'A9_DIAG', read: (_c, cp) => cp.diag, write: (_c, cp, v) => { cp.diag = v | 0; } });
def(0, 15, 0, 2, { name: 'A9_PWRDIAG', read: (_c, cp) => cp.pwrdiag, write: (_c, cp, v) => { cp.pwrdiag = v | 0; } });
def(0, 15, 1, 0, raz('A9_NEONBUSY'));
def(4, 15, 0, 0, { name: 'CBAR', read: (_c, cp) => cp.cbar, write: (_c, cp, v) => { cp.cbar = v | 0; }, common: true }); // QEMU keeps writes
def(5, 15, 4, 2, { name: 'TLB_LOCKR', write: ignore });
def(5, 15, 4, 4, { name: 'TLB_LOCKW', write: ignore });
def(5, 15, 5, 2, raz('TLB_VA'));
def(5, 15, 6, 2, raz('TLB_PA'));
def(5, 15, 7, 2, raz('TLB_ATTR'));

function nsNotModelled(cpu: Cpu, what: string): void {
  if (cpu.halted === null) {
    cpu.halted = { kind: 'error', message: `${what}: the Non-secure state is not modelled` };
  }
}

/** Name of a CP15 register encoding (for messages and tests), or undefined if there is none. */
export function cp15RegName(opc1: number, crn: number, crm: number, opc2: number): string | undefined {
  return REGS.get(key(opc1, crn, crm, opc2))?.name;
}

export class Cp15 implements Coprocessor {
  cpacr = 0;
  par = 0;
  tpidrurw = 0;
  tpidruro = 0;
  tpidrprw = 0;
  pwrctl = 0;
  diag = 0;
  pwrdiag = 0;
  cbar = VEXPRESS_A9_CBAR;
  csselr = 0;
  prrr = 0;
  nmrr = 0;
  sder = 0;
  nsacr = 0;

  // PMU state. Counter values are kept as unsigned 32-bit numbers.
  /** Count as described in the header (false: QEMU's Cortex-A9, where nothing counts). */
  pmuCounting = false;
  pmcr = 0;
  pmcnten = 0;
  pminten = 0;
  pmovsr = 0;
  pmselr = 0;
  pmuserenr = 0;
  pmccntr = 0;
  pmccfiltr = 0;
  readonly evtyper = new Int32Array(PMN);
  readonly evcnt = new Float64Array(PMN);
  /** cpu.icount when the counters were last brought up to date, and the PMCR.D prescaler. */
  private pmIcount = 0;
  private pmPrescale = 0;

  reset(cpu?: Cpu): void {
    this.cpacr = 0; this.par = 0;
    this.tpidrurw = 0; this.tpidruro = 0; this.tpidrprw = 0; this.pwrctl = 0; this.diag = 0; this.pwrdiag = 0;
    this.csselr = 0; this.prrr = 0; this.nmrr = 0; this.sder = 0; this.nsacr = 0; this.cbar = VEXPRESS_A9_CBAR;
    this.pmcr = 0; this.pmcnten = 0; this.pminten = 0; this.pmovsr = 0; this.pmselr = 0; this.pmuserenr = 0;
    this.pmccntr = 0; this.pmccfiltr = 0; this.evtyper.fill(0); this.evcnt.fill(0); this.pmPrescale = 0;
    if (cpu) {
      cpu.ttbr0 = 0; cpu.ttbr1 = 0; cpu.ttbcr = 0; cpu.dacr = 0; cpu.contextidr = 0; cpu.fcseidr = 0;
      cpu.scr = 0; cpu.mvbar = 0;
      this.pmIcount = cpu.icount;
      cpu.flushTlb();
    }
  }

  /** ATS1C{P,U}{R,W}: translate va, PAR = the result; a walk external abort is a Data Abort. */
  ats(cpu: Cpu, va: number, write: boolean, user: boolean): void {
    const mmu = cpu.mmu;
    const par = mmu.ats(va, write, user);
    if (mmu.res.walkAbort) {
      cpu.dfsr = mmu.res.fsr; // QEMU: no WnR, even for the write forms
      cpu.dfar = va | 0;
      throw DABORT;
    }
    this.par = par | 0;
  }

  // ---------------------------------------------------------------- PMU

  pmcrRead(cpu: Cpu): number {
    this.pmSync(cpu);
    return (A9_PMCR | this.pmcr) | 0;
  }

  pmcrWrite(cpu: Cpu, v: number): void {
    this.pmSync(cpu);
    if (v & PMCR_C) this.pmccntr = 0;
    if (v & PMCR_P) this.evcnt.fill(0);
    this.pmcr = v & PMCR_WMASK;
  }

  evtyperRead(n: number): number {
    if (n < PMN) return this.evtyper[n]!;
    return n === 31 ? this.pmccfiltr : 0;
  }

  evtyperWrite(cpu: Cpu, n: number, v: number): void {
    this.pmSync(cpu);
    if (n < PMN) this.evtyper[n] = v & PMEVTYPER_MASK;
    else if (n === 31) this.pmccfiltr = v & PMCCFILTR_MASK;
  }

  /** PMXEVCNTR/PMEVCNTR<n>: counters 0..5; PMSELR=31 and unimplemented counters read as zero. */
  evcntRead(cpu: Cpu, n: number): number {
    if (n >= PMN) return 0;
    this.pmSync(cpu);
    return this.evcnt[n]! | 0;
  }

  evcntWrite(cpu: Cpu, n: number, v: number): void {
    if (n >= PMN) return;
    this.pmSync(cpu);
    this.evcnt[n] = v >>> 0;
  }

  private counterOn(n: number): boolean {
    return this.pmuCounting && (this.pmcr & PMCR_E) !== 0 && ((this.pmcnten >>> n) & 1) !== 0;
  }

  pmSwinc(cpu: Cpu, v: number): void {
    this.pmSync(cpu);
    for (let n = 0; n < PMN; n++) {
      if ((v >>> n) & 1 && this.counterOn(n) && (this.evtyper[n]! & 0xff) === 0) this.bump(n, 1);
    }
  }

  private bump(n: number, by: number): void {
    const v = this.evcnt[n]! + by;
    if (v > 0xffffffff) this.pmovsr |= 1 << n;
    this.evcnt[n] = v % 0x100000000;
  }

  /** Bring the counters up to cpu.icount (nothing counts unless pmuCounting is set). */
  pmSync(cpu: Cpu): void {
    const now = cpu.icount;
    const delta = now - this.pmIcount;
    this.pmIcount = now;
    if (!this.pmuCounting || delta <= 0 || (this.pmcr & PMCR_E) === 0) return;
    if (this.counterOn(31)) {
      let by = delta;
      if (this.pmcr & PMCR_D) { const t = this.pmPrescale + delta; by = Math.floor(t / 64); this.pmPrescale = t % 64; }
      const v = (this.pmccntr >>> 0) + by;
      if (v > 0xffffffff) this.pmovsr |= 0x80000000;
      this.pmccntr = v % 0x100000000 | 0;
    }
    for (let n = 0; n < PMN; n++) {
      const ev = this.evtyper[n]! & 0xff;
      if ((ev === 0x08 || ev === 0x11) && this.counterOn(n)) this.bump(n, delta);
    }
  }

  // ---------------------------------------------------------------- dispatch

  mrc(cpu: Cpu, opc1: number, crn: number, crm: number, opc2: number): number | undefined {
    const reg = REGS.get(key(opc1, crn, crm, opc2));
    if (reg === undefined || reg.read === undefined) return undefined;
    if (cpu.mode === Mode.USR && !(reg.pl0Read?.(this) ?? false)) return undefined;
    if ((cpu.scr & 1) !== 0 && !reg.common) { nsNotModelled(cpu, `${reg.name} read with SCR.NS=1 (Non-secure bank)`); return 0; }
    return reg.read(cpu, this) | 0;
  }

  mcr(cpu: Cpu, opc1: number, crn: number, crm: number, opc2: number, value: number): boolean {
    const reg = REGS.get(key(opc1, crn, crm, opc2));
    if (reg === undefined || reg.write === undefined) return false;
    if (cpu.mode === Mode.USR && !(reg.pl0Write?.(this) ?? false)) return false;
    if ((cpu.scr & 1) !== 0 && !reg.common) { nsNotModelled(cpu, `${reg.name} written with SCR.NS=1 (Non-secure bank)`); return true; }
    reg.write(cpu, this, value | 0);
    return true;
  }
}

/** Create CP15 and attach it to the CPU as coprocessor 15. */
export function installCp15(cpu: Cpu): Cp15 {
  const cp = new Cp15();
  cpu.cp[15] = cp;
  cp.reset();
  return cp;
}

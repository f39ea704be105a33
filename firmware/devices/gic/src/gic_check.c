/* GIC and Cortex-A9 private peripherals on vexpress-a9: programs the GIC distributor and CPU
 * interface, the private timer and watchdog, the global timer, the SCU and the L2C-310, takes
 * real IRQs and FIQs through the vector table, and prints what it saw. It does not check itself:
 * the QEMU differential test (test/qemu/devices-gic.test.ts) requires armada to print exactly
 * what qemu-system-arm 7.2 prints. Only deterministic facts are printed: register values,
 * interrupt IDs and their order, counts, and yes/no answers about counters (never raw counts,
 * which depend on how fast the host runs QEMU). */
#include <stdio.h>
#include <stdint.h>

typedef uint32_t u32;
#define REG(a) (*(volatile u32 *)(a))
#define REG8(a) (*(volatile uint8_t *)(a))

#define SCU   0x1e000000u
#define GICC  0x1e000100u
#define GTIM  0x1e000200u
#define TWD   0x1e000600u
#define WDT   0x1e000620u
#define GICD  0x1e001000u
#define L2C   0x1e00a000u

/* distributor */
#define D_CTLR 0x000
#define D_TYPER 0x004
#define D_IIDR 0x008
#define D_IGROUPR 0x080
#define D_ISENABLER 0x100
#define D_ICENABLER 0x180
#define D_ISPENDR 0x200
#define D_ICPENDR 0x280
#define D_ISACTIVER 0x300
#define D_IPRIORITYR 0x400
#define D_ITARGETSR 0x800
#define D_ICFGR 0xc00
#define D_SGIR 0xf00
#define D_CPENDSGIR 0xf10
#define D_SPENDSGIR 0xf20
/* CPU interface */
#define C_CTLR 0x00
#define C_PMR 0x04
#define C_BPR 0x08
#define C_IAR 0x0c
#define C_EOIR 0x10
#define C_RPR 0x14
#define C_HPPIR 0x18
#define C_ABPR 0x1c
#define C_IIDR 0xfc

#define D(o) REG(GICD + (o))
#define C(o) REG(GICC + (o))

extern void install_vectors(void);

static void irq_on(void) { __asm__ volatile("cpsie i" ::: "memory"); }
static void irq_off(void) { __asm__ volatile("cpsid i" ::: "memory"); }
static void fiq_on(void) { __asm__ volatile("cpsie f" ::: "memory"); }
static void fiq_off(void) { __asm__ volatile("cpsid f" ::: "memory"); }

static void hex(const char *name, u32 v) { printf("%s %08lx\n", name, (unsigned long)v); }
static void yesno(const char *what, int v) { printf("%s: %s\n", what, v ? "yes" : "no"); }

/* ------------------------------------------------------------------ interrupt handlers */

#define LOG_MAX 64
static volatile u32 irq_log[LOG_MAX];
static volatile u32 irq_count;
static volatile u32 fiq_log[8];
static volatile u32 fiq_count;
static volatile u32 spurious_count;
static volatile u32 per_id[96];

void irq_handler(void) {
  u32 iar = C(C_IAR);
  u32 id = iar & 0x3ff;
  if (id >= 1020) { spurious_count++; return; }
  if (irq_count < LOG_MAX) irq_log[irq_count] = iar;
  irq_count++;
  per_id[id]++;
  switch (id) {
  case 29: REG(TWD + 0x0c) = 1; break;      /* private timer event flag */
  case 30: REG(WDT + 0x0c) = 1; break;      /* watchdog event flag */
  case 27: REG(GTIM + 0x0c) = 1; break;     /* global timer event flag */
  default: break;
  }
  C(C_EOIR) = iar;
}

void fiq_handler(void) {
  u32 iar = C(C_IAR);
  if (fiq_count < 8) fiq_log[fiq_count] = iar;
  fiq_count++;
  if ((iar & 0x3ff) < 1020) C(C_EOIR) = iar;
}

/* Wait, with a bound, until `*counter` reaches `n`. Returns 1 on success. */
static int wait_for(volatile u32 *counter, u32 n) {
  for (u32 i = 0; i < 200000000u; i++) if (*counter >= n) return 1;
  return 0;
}

static void print_log(const char *what, u32 from, u32 to) {
  printf("%s:", what);
  for (u32 i = from; i < to && i < LOG_MAX; i++) printf(" %lu", (unsigned long)irq_log[i]);
  printf("\n");
}

/* ------------------------------------------------------------------ sections */

static void identification(void) {
  printf("== identification and reset values\n");
  hex("GICD_TYPER", D(D_TYPER));
  hex("GICD_IIDR", D(D_IIDR));
  hex("GICD_CTLR", D(D_CTLR));
  for (u32 o = 0xfd0; o < 0x1000; o += 4) printf("GICD id %03lx %02lx\n", (unsigned long)o, (unsigned long)D(o));
  hex("GICC_IIDR", C(C_IIDR));
  hex("GICC_CTLR", C(C_CTLR));
  hex("GICC_PMR", C(C_PMR));
  hex("GICC_BPR", C(C_BPR));
  hex("GICC_RPR", C(C_RPR));
  hex("GICC_HPPIR", C(C_HPPIR));
  hex("GICC_ABPR", C(C_ABPR));
  hex("GICC_IAR idle", C(C_IAR));
  for (u32 i = 0; i < 3; i++) printf("ISENABLER%lu %08lx ISPENDR%lu %08lx ISACTIVER%lu %08lx IGROUPR%lu %08lx\n",
    (unsigned long)i, (unsigned long)D(D_ISENABLER + 4 * i), (unsigned long)i, (unsigned long)D(D_ISPENDR + 4 * i),
    (unsigned long)i, (unsigned long)D(D_ISACTIVER + 4 * i), (unsigned long)i, (unsigned long)D(D_IGROUPR + 4 * i));
  for (u32 i = 0; i < 6; i++) printf("ICFGR%lu %08lx\n", (unsigned long)i, (unsigned long)D(D_ICFGR + 4 * i));
  hex("IPRIORITYR0", D(D_IPRIORITYR));
  hex("IPRIORITYR8", D(D_IPRIORITYR + 32));
  hex("ITARGETSR0", D(D_ITARGETSR));
  hex("ITARGETSR8", D(D_ITARGETSR + 32));
}

static void readback(void) {
  printf("== register read-back\n");
  D(D_IPRIORITYR) = 0xffffffff; D(D_IPRIORITYR + 32) = 0x01234567;
  hex("IPRIORITYR0 after ffffffff", D(D_IPRIORITYR));
  hex("IPRIORITYR8 after 01234567", D(D_IPRIORITYR + 32));
  REG8(GICD + D_IPRIORITYR + 33) = 0x97;
  hex("IPRIORITYR8 after byte 97 at 33", D(D_IPRIORITYR + 32));
  hex("IPRIORITYR8 halfword at 34", *(volatile uint16_t *)(GICD + D_IPRIORITYR + 34));
  C(C_PMR) = 0xff; hex("PMR after ff", C(C_PMR));
  C(C_PMR) = 0x123; hex("PMR after 123", C(C_PMR));
  C(C_BPR) = 0; hex("BPR after 0", C(C_BPR));
  C(C_BPR) = 0xf; hex("BPR after f", C(C_BPR));
  C(C_ABPR) = 0; hex("ABPR after 0", C(C_ABPR));
  C(C_ABPR) = 5; hex("ABPR after 5", C(C_ABPR));
  C(C_CTLR) = 0xffffffff; hex("GICC_CTLR after ffffffff", C(C_CTLR));
  D(D_CTLR) = 0xffffffff; hex("GICD_CTLR after ffffffff", D(D_CTLR));
  C(C_CTLR) = 0; D(D_CTLR) = 0;
  D(D_IGROUPR) = 0xffffffff; D(D_IGROUPR + 4) = 0x5;
  hex("IGROUPR0 after ffffffff", D(D_IGROUPR)); hex("IGROUPR1 after 5", D(D_IGROUPR + 4));
  D(D_IGROUPR) = 0; D(D_IGROUPR + 4) = 0;
  D(D_ITARGETSR + 32) = 0xffffffff; hex("ITARGETSR8 after ffffffff", D(D_ITARGETSR + 32));
  D(D_ICFGR) = 0; D(D_ICFGR + 4) = 0xffffffff; D(D_ICFGR + 8) = 0xffffffff;
  hex("ICFGR0 after 0", D(D_ICFGR)); hex("ICFGR1 after ffffffff", D(D_ICFGR + 4)); hex("ICFGR2 after ffffffff", D(D_ICFGR + 8));
  D(D_ICFGR + 4) = 0; D(D_ICFGR + 8) = 0;
  D(D_ICENABLER) = 0xffffffff; hex("ISENABLER0 after clearing all", D(D_ISENABLER));
  D(D_ISENABLER) = 0xffffffff; hex("ISENABLER0 after setting all", D(D_ISENABLER));
  D(D_ICENABLER) = 0xffff0000;
  D(D_ISPENDR) = 0xffffffff; hex("ISPENDR0 after setting all", D(D_ISPENDR));
  D(D_ICPENDR) = 0xffffffff; hex("ISPENDR0 after clearing all", D(D_ISPENDR));
  hex("GICC_IAR byte", REG8(GICC + C_IAR));
  hex("GICC APR0 (GICv2 only)", C(0xd0));
  hex("GICD word past the last interrupt", D(D_ISENABLER + 12));
  for (u32 i = 0; i < 96; i += 4) D(D_IPRIORITYR + i) = 0;
  C(C_BPR) = 0; C(C_ABPR) = 1; C(C_PMR) = 0;
}

/* Distributor and CPU interface on (group 0), everything visible. */
static void gic_on(void) { D(D_CTLR) = 1; C(C_CTLR) = 1; C(C_PMR) = 0xf8; C(C_BPR) = 0; }

static void ack_eoi_sequence(const char *what, int n) {
  printf("%s:", what);
  for (int i = 0; i < n; i++) {
    u32 id = C(C_IAR);
    printf(" %lu", (unsigned long)id);
    if ((id & 0x3ff) < 1020) C(C_EOIR) = id;
  }
  printf("\n");
}

static void polling(void) {
  printf("== pending, acknowledge, end of interrupt (IRQs masked)\n");
  irq_off();
  /* disabled GIC: nothing offered */
  D(D_ISENABLER + 4) = 1; D(D_IPRIORITYR + 32) = 0x80; D(D_ISPENDR + 4) = 1;
  hex("HPPIR with the GIC off", C(C_HPPIR));
  hex("IAR with the GIC off", C(C_IAR));
  D(D_CTLR) = 1; C(C_CTLR) = 1;
  hex("HPPIR with PMR 0", C(C_HPPIR));
  C(C_PMR) = 0x80; hex("HPPIR with PMR 80 (prio 80)", C(C_HPPIR));
  C(C_PMR) = 0x88; hex("HPPIR with PMR 88", C(C_HPPIR));
  C(C_PMR) = 0xf8;
  hex("ISPENDR1", D(D_ISPENDR + 4));
  u32 id = C(C_IAR);
  hex("IAR", id);
  hex("ISPENDR1 after IAR", D(D_ISPENDR + 4));
  hex("ISACTIVER1 after IAR", D(D_ISACTIVER + 4));
  hex("RPR after IAR", C(C_RPR));
  hex("IAR again", C(C_IAR));
  D(D_ISPENDR + 4) = 1;
  hex("HPPIR pended again while active", C(C_HPPIR));
  hex("ISPENDR1 pended again while active", D(D_ISPENDR + 4));
  C(C_EOIR) = id;
  hex("ISACTIVER1 after EOI", D(D_ISACTIVER + 4));
  hex("RPR after EOI", C(C_RPR));
  hex("HPPIR after EOI", C(C_HPPIR));
  id = C(C_IAR); C(C_EOIR) = id;
  C(C_EOIR) = 32;
  hex("RPR after EOI with nothing active", C(C_RPR));
  C(C_EOIR) = 1023;
  D(0x384) = 1; /* ICACTIVER exists in GICv2 only */
  hex("ISACTIVER1 after an ICACTIVER write", D(D_ISACTIVER + 4));

  /* priority order: 32: c0, 33: a0, 34: a0, 35: 80 */
  D(D_ISENABLER + 4) = 0xf; D(D_IPRIORITYR + 32) = 0x80a0a0c0; D(D_ISPENDR + 4) = 0xf;
  ack_eoi_sequence("priority order", 5);

  /* preemption and the binary point */
  D(D_IPRIORITYR + 32) = 0x00605080; /* 32: 80, 33: 50, 34: 60 */
  D(D_ISENABLER + 4) = 7;
  D(D_ISPENDR + 4) = 1;
  u32 a = C(C_IAR); printf("IAR %lu RPR %02lx\n", (unsigned long)a, (unsigned long)C(C_RPR));
  D(D_ISPENDR + 4) = 2;
  u32 b = C(C_IAR); printf("IAR %lu RPR %02lx\n", (unsigned long)b, (unsigned long)C(C_RPR));
  C(C_BPR) = 5;
  D(D_ISPENDR + 4) = 4;
  printf("BPR 5: HPPIR %lu IAR %lu\n", (unsigned long)C(C_HPPIR), (unsigned long)C(C_IAR));
  C(C_EOIR) = b;
  printf("after EOI %lu: RPR %02lx\n", (unsigned long)b, (unsigned long)C(C_RPR));
  u32 c = C(C_IAR); printf("IAR %lu RPR %02lx ISACTIVER1 %08lx\n", (unsigned long)c, (unsigned long)C(C_RPR), (unsigned long)D(D_ISACTIVER + 4));
  C(C_EOIR) = c;
  printf("after EOI %lu: RPR %02lx\n", (unsigned long)c, (unsigned long)C(C_RPR));
  C(C_EOIR) = a;
  printf("after EOI %lu: RPR %02lx ISACTIVER1 %08lx\n", (unsigned long)a, (unsigned long)C(C_RPR), (unsigned long)D(D_ISACTIVER + 4));
  C(C_BPR) = 0;
  D(D_ICENABLER + 4) = 0xffffffff;

  /* edge configuration with software pends */
  D(D_ICFGR + 8) = 2; D(D_ISENABLER + 4) = 1; D(D_ISPENDR + 4) = 1;
  ack_eoi_sequence("edge SPI 32", 2);
  D(D_ICFGR + 8) = 0; D(D_ICENABLER + 4) = 1; D(D_IPRIORITYR + 32) = 0;

  printf("== software-generated interrupts\n");
  D(D_SGIR) = 0x02000003;
  hex("ISPENDR0 after SGI 3 to self", D(D_ISPENDR));
  hex("SPENDSGIR0", D(D_SPENDSGIR));
  ack_eoi_sequence("SGI 3", 2);
  hex("SPENDSGIR0 after ack", D(D_SPENDSGIR));
  D(D_SGIR) = 0x00010005; ack_eoi_sequence("SGI 5 by target list", 2);
  D(D_SGIR) = 0x01000006; hex("ISPENDR0 after SGI 6 to others", D(D_ISPENDR));
  D(D_SGIR) = 0x00020007; hex("ISPENDR0 after SGI 7 to CPU 1", D(D_ISPENDR));
  D(D_SGIR) = 0x02000011; hex("ISPENDR0 after SGIR 0x02000011", D(D_ISPENDR));
  ack_eoi_sequence("SGIR 0x02000011", 2);
  REG8(GICD + D_SPENDSGIR + 4) = 1; hex("ISPENDR0 after SPENDSGIR byte 4", D(D_ISPENDR));
  REG8(GICD + D_CPENDSGIR + 4) = 1; hex("ISPENDR0 after CPENDSGIR byte 4", D(D_ISPENDR));
  D(D_IPRIORITYR) = 0x40302010; /* SGI 0..3 */
  D(D_SGIR) = 0x02000002; D(D_SGIR) = 0x02000000; D(D_SGIR) = 0x02000001; D(D_SGIR) = 0x02000003;
  ack_eoi_sequence("SGIs 2 0 1 3 by priority", 5);
  D(D_IPRIORITYR) = 0;

  printf("== groups\n");
  D(D_CTLR) = 3; C(C_CTLR) = 3;
  D(D_IGROUPR + 4) = 1; D(D_ISENABLER + 4) = 1; D(D_ISPENDR + 4) = 1;
  hex("group 1 HPPIR without AckCtl", C(C_HPPIR));
  hex("group 1 IAR without AckCtl", C(C_IAR));
  C(C_CTLR) = 7;
  ack_eoi_sequence("group 1 with AckCtl", 2);
  D(D_CTLR) = 1; D(D_ISPENDR + 4) = 1;
  hex("group 1 pending, distributor group 1 off: HPPIR", C(C_HPPIR));
  C(C_ABPR) = 5; D(D_IPRIORITYR + 32) = 0x68; D(D_CTLR) = 3;
  id = C(C_IAR); printf("group 1 IAR %lu RPR with ABPR 5: %02lx\n", (unsigned long)id, (unsigned long)C(C_RPR)); C(C_EOIR) = id;
  C(C_CTLR) = 7 | 16; D(D_ISPENDR + 4) = 1;
  id = C(C_IAR); printf("group 1 IAR %lu RPR with CBPR: %02lx\n", (unsigned long)id, (unsigned long)C(C_RPR)); C(C_EOIR) = id;
  D(D_IGROUPR + 4) = 0; D(D_ICENABLER + 4) = 1; D(D_IPRIORITYR + 32) = 0; C(C_ABPR) = 1;
  D(D_CTLR) = 1; C(C_CTLR) = 1;
}

static void twd_section(void) {
  printf("== private timer and watchdog\n");
  hex("TWD load", REG(TWD)); hex("TWD counter", REG(TWD + 4)); hex("TWD control", REG(TWD + 8)); hex("TWD status", REG(TWD + 12));
  hex("WDT load", REG(WDT)); hex("WDT control", REG(WDT + 8)); hex("WDT reset status", REG(WDT + 0x10));
  REG(TWD + 8) = 0xffffff00; hex("TWD control after ffffff00", REG(TWD + 8));
  hex("TWD control byte read (word accesses only)", REG8(TWD + 9));
  REG(TWD + 8) = 0;
  REG8(TWD) = 0x55; hex("TWD load after a byte write", REG(TWD));

  /* one-shot, IT disabled: the flag without an interrupt; the PPI is level */
  irq_off();
  gic_on();
  D(D_ISENABLER) = 1u << 29;
  REG(TWD) = 1000;
  hex("TWD counter after load", REG(TWD + 4));
  REG(TWD + 8) = 1; /* enable, one-shot */
  u32 c1 = REG(TWD + 4);
  yesno("TWD counting down", c1 <= 1000);
  u32 i;
  for (i = 0; i < 100000000u && !REG(TWD + 12); i++) {}
  yesno("TWD one-shot event flag set", REG(TWD + 12) == 1);
  hex("TWD counter after one-shot", REG(TWD + 4));
  hex("HPPIR with IT disabled", C(C_HPPIR));
  REG(TWD + 8) = 4; /* IT enable (timer stopped) */
  hex("HPPIR after setting IT enable", C(C_HPPIR));
  REG(TWD + 12) = 0; /* writing 0 changes no flag */
  hex("HPPIR after status write 0", C(C_HPPIR));
  u32 id = C(C_IAR);
  hex("IAR", id);
  C(C_EOIR) = id;
  hex("HPPIR after EOI with the flag still set", C(C_HPPIR));
  REG(TWD + 12) = 1;
  hex("HPPIR after clearing the flag", C(C_HPPIR));
  REG(TWD + 8) = 0;

  /* periodic with interrupts: 1 ms, five events, an SGI sent in the middle */
  irq_count = 0; spurious_count = 0;
  D(D_IPRIORITYR + 28) = 0xa0u << 8;       /* PPI 29 */
  D(D_IPRIORITYR + 4) = 0x90u << 24;       /* SGI 7 */
  irq_on();
  REG(TWD) = 99999;
  REG(TWD + 8) = 1 | 2 | 4;
  int ok = wait_for(&irq_count, 2);
  /* Sent with IRQs masked: should the next tick be pending too by the time they are unmasked
   * (a host that stalls QEMU for a millisecond), the SGI's higher priority still puts it first. */
  irq_off();
  D(D_SGIR) = 0x02000007;
  irq_on();
  ok = ok && wait_for(&irq_count, 3);
  ok = ok && wait_for(&irq_count, 6);
  REG(TWD + 8) = 0;
  irq_off();
  yesno("periodic private timer interrupts arrived", ok);
  print_log("IRQs", 0, irq_count > 6 ? 6 : irq_count);
  hex("spurious", spurious_count);
  REG(TWD + 12) = 1;

  /* the watchdog in timer mode: its own PPI 30 */
  irq_count = 0;
  D(D_ISENABLER) = 1u << 30;
  REG(WDT) = 49999;
  REG(WDT + 8) = 1 | 2 | 4 | (1 << 8); /* prescaler 1: 1 ms again */
  irq_on();
  ok = wait_for(&irq_count, 3);
  REG(WDT + 8) = 0;
  irq_off();
  yesno("watchdog (timer mode) interrupts arrived", ok);
  print_log("IRQs", 0, irq_count > 3 ? 3 : irq_count);
  hex("WDT control after", REG(WDT + 8));
  REG(WDT + 8) = 8; hex("WDT control with watchdog mode", REG(WDT + 8)); REG(WDT + 8) = 0;
  hex("WDT reset status", REG(WDT + 0x10));

  /* WFI waits for the next interrupt: the private timer, 1 ms periodic (periodic, so that WFI
   * still wakes should the first event come before it on a stalled host), wakes it */
  irq_count = 0;
  D(D_ISENABLER) = 1u << 29;
  REG(TWD) = 99999;
  REG(TWD + 8) = 1 | 2 | 4;
  irq_on();
  __asm__ volatile("dsb\n wfi" ::: "memory");
  u32 after_wfi = irq_count;
  irq_off();
  REG(TWD + 8) = 0;
  printf("WFI returned after an IRQ: %s (ID %lu)\n", after_wfi >= 1 ? "yes" : "no", (unsigned long)irq_log[0]);
  REG(TWD + 12) = 1;
  D(D_ICENABLER) = 3u << 29;
}

static void fiq_section(void) {
  printf("== FIQ\n");
  gic_on();
  fiq_count = 0; irq_count = 0;
  C(C_CTLR) = 1 | 8;             /* group 0 to FIQ */
  fiq_on(); irq_on();
  D(D_SGIR) = 0x02000002;
  int ok = wait_for(&fiq_count, 1);
  yesno("SGI 2 taken as FIQ", ok);
  printf("FIQ IAR %lu, IRQs %lu\n", (unsigned long)fiq_log[0], (unsigned long)irq_count);
  /* group 1 still goes to IRQ (AckCtl lets the IRQ handler acknowledge it) */
  D(D_CTLR) = 3; C(C_CTLR) = 3 | 4 | 8;
  D(D_IGROUPR) = 1u << 4;
  D(D_SGIR) = 0x02000004;
  ok = wait_for(&irq_count, 1);
  yesno("group 1 SGI 4 taken as IRQ", ok);
  printf("IRQ IAR %lu, FIQs %lu\n", (unsigned long)irq_log[0], (unsigned long)fiq_count);
  irq_off(); fiq_off();
  D(D_IGROUPR) = 0; D(D_CTLR) = 1; C(C_CTLR) = 1;
}

static void gtimer_section(void) {
  printf("== global timer\n");
  hex("GT control", REG(GTIM + 8)); hex("GT status", REG(GTIM + 12));
  hex("GT comparator", REG(GTIM + 0x10)); hex("GT auto-increment", REG(GTIM + 0x18));
  u32 a = REG(GTIM);
  for (volatile u32 i = 0; i < 20000; i++) {}
  u32 b = REG(GTIM);
  yesno("GT counts while disabled (QEMU)", b != a);
  REG(GTIM + 4) = 5;
  hex("GT high after writing 5 while disabled", REG(GTIM + 4));
  REG(GTIM + 8) = 1;
  hex("GT high after enabling", REG(GTIM + 4));
  REG(GTIM + 4) = 7;
  hex("GT high after writing 7 while enabled", REG(GTIM + 4));
  REG(GTIM + 8) = 0;
  REG(GTIM + 4) = 0; REG(GTIM) = 0;
  REG(GTIM + 8) = 0xffffffff; hex("GT control after ffffffff", REG(GTIM + 8));
  hex("GT control byte read (word accesses only)", REG8(GTIM + 8));
  REG(GTIM + 8) = 0;

  /* comparator with auto-increment: five events 100 us apart */
  irq_off();
  gic_on();
  irq_count = 0;
  D(D_ISENABLER) = 1u << 27;
  REG(GTIM + 8) = 1;
  u32 now = REG(GTIM);
  REG(GTIM + 0x10) = now + 10000; REG(GTIM + 0x14) = 0;
  REG(GTIM + 0x18) = 10000;
  REG(GTIM + 8) = 1 | 2 | 4 | 8;
  irq_on();
  int ok = wait_for(&irq_count, 5);
  REG(GTIM + 8) = 1;
  irq_off();
  yesno("global timer comparator interrupts arrived", ok);
  print_log("IRQs", 0, irq_count > 5 ? 5 : irq_count);
  u32 cmp = REG(GTIM + 0x10);
  yesno("comparator moved on by the increment", cmp != now + 10000 && (cmp - now) % 10000 == 0);
  REG(GTIM + 8) = 0; REG(GTIM + 12) = 1;
  D(D_ICENABLER) = 1u << 27;
  hex("GT status after clear", REG(GTIM + 12));
}

static void scu_l2c(void) {
  printf("== SCU\n");
  hex("SCU control", REG(SCU)); hex("SCU config", REG(SCU + 4)); hex("SCU power", REG(SCU + 8));
  REG(SCU) = 0xffffffff; REG(SCU + 8) = 0x03020103;
  hex("SCU control after ffffffff", REG(SCU)); hex("SCU power after 03020103", REG(SCU + 8));
  hex("SCU power byte 9", REG8(SCU + 9));
  REG(SCU) = 0; REG(SCU + 8) = 0;
  printf("== L2C-310\n");
  hex("L2C cache id", REG(L2C)); hex("L2C cache type", REG(L2C + 4));
  hex("L2C control", REG(L2C + 0x100)); hex("L2C aux control", REG(L2C + 0x104));
  hex("L2C tag ram", REG(L2C + 0x108)); hex("L2C data ram", REG(L2C + 0x10c));
  REG(L2C + 0x100) = 3; hex("L2C control after 3", REG(L2C + 0x100));
  REG(L2C + 0x730) = 0; hex("L2C cache sync", REG(L2C + 0x730));
  REG(L2C + 0x77c) = 0xff; hex("L2C invalidate by way", REG(L2C + 0x77c));
  REG(L2C + 0x104) = 0x02070000; hex("L2C aux after 02070000", REG(L2C + 0x104)); hex("L2C cache type now", REG(L2C + 4));
  REG(L2C + 0x104) = 0x02020000; hex("L2C cache type after aux back", REG(L2C + 4));
  REG(L2C + 0x100) = 0;
}

int main(void) {
  install_vectors();
  identification();
  readback();
  polling();
  twd_section();
  fiq_section();
  gtimer_section();
  scu_l2c();
  printf("done\n");
  return 0;
}

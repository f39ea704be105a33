/* The motherboard devices' interrupt lines through the GIC: each source is made to interrupt,
 * the IRQ handler records the interrupt ID it acknowledges and silences the source, and main
 * prints the IDs in the order taken (SP804 timers, PL031, PL050 receive and transmit). */
#include "mmio.h"

#define GICD 0x1e001000u
#define GICC 0x1e000100u
#define T01 0x10011000u
#define T23 0x10012000u
#define TDB 0x100e4000u
#define RTC 0x10017000u
#define KMI0 0x10006000u
#define KMI1 0x10007000u

static volatile uint32_t taken[32];
static volatile uint32_t ntaken;
static uint32_t irq_stack[256];

/* Vector table: only IRQ is expected; anything else parks the CPU. */
__attribute__((naked, aligned(32))) static void vectors(void) {
  __asm__ volatile(
    "b .\n b .\n b .\n b .\n b .\n b .\n"
    "b irq_entry\n"
    "b .\n");
}

void irq_handler(void);

__attribute__((naked, used)) void irq_entry(void) {
  __asm__ volatile(
    "sub lr, lr, #4\n"
    "push {r0-r3, r12, lr}\n"
    "bl irq_handler\n"
    "ldmfd sp!, {r0-r3, r12, pc}^\n");
}

void irq_handler(void) {
  uint32_t iar = rd(GICC + 0x0c);
  uint32_t id = iar & 0x3ff;
  if (ntaken < 32) taken[ntaken++] = id;
  switch (id) {
    case 34: wr(T01 + 0x0c, 0); wr(T01 + 0x2c, 0); wr(T01 + 0x08, 0); wr(T01 + 0x28, 0); break;
    case 35: wr(T23 + 0x0c, 0); wr(T23 + 0x08, 0); break;
    case 80: wr(TDB + 0x0c, 0); wr(TDB + 0x08, 0); break;
    case 36: wr(RTC + 0x1c, 1); wr(RTC + 0x10, 0); break;
    case 44: while (rd(KMI0 + 0x04) & 0x10) (void)rd(KMI0 + 0x08); wr(KMI0 + 0x00, 0x04); break;
    case 45: while (rd(KMI1 + 0x04) & 0x10) (void)rd(KMI1 + 0x08); wr(KMI1 + 0x00, 0x04); break;
    default: break;
  }
  if (id != 1023) wr(GICC + 0x10, iar);
}

static void enable_id(uint32_t id) {
  wr(GICD + 0x100 + 4 * (id / 32), 1u << (id % 32));            /* GICD_ISENABLERn */
  *(volatile uint8_t *)(GICD + 0x800 + id) = 1;                 /* GICD_ITARGETSRn: CPU 0 */
  *(volatile uint8_t *)(GICD + 0x400 + id) = 0x80;              /* GICD_IPRIORITYRn */
}

static uint32_t before;

/* Note how many interrupts were taken before the source is set off. */
static void arm(void) { before = ntaken; }

/* Wait (bounded) for one more interrupt to be taken; print its ID or that none came. */
static void expect_one(const char *what) {
  for (uint32_t i = 0; i < 20000000u && ntaken == before; i++) {}
  if (ntaken == before) printf("%s: no interrupt\n", what);
  else printf("%s: interrupt %lu\n", what, (unsigned long)taken[before]);
}

int main(void) {
  /* IRQ-mode stack, then the vector base */
  __asm__ volatile(
    "mrs r0, cpsr\n"
    "bic r1, r0, #0x1f\n"
    "orr r1, r1, #0x12\n"
    "msr cpsr_c, r1\n"
    "mov sp, %0\n"
    "msr cpsr_c, r0\n"
    :: "r"(&irq_stack[256]) : "r0", "r1", "memory");
  __asm__ volatile("mcr p15, 0, %0, c12, c0, 0\n isb" :: "r"((uint32_t)vectors) : "memory");

  wr(GICD + 0x000, 1);   /* GICD_CTLR: forward */
  wr(GICC + 0x004, 0xff); /* GICC_PMR: everything */
  wr(GICC + 0x000, 1);   /* GICC_CTLR: signal */
  uint32_t ids[] = { 34, 35, 36, 44, 45, 80 };
  for (unsigned i = 0; i < sizeof ids / sizeof ids[0]; i++) enable_id(ids[i]);
  __asm__ volatile("cpsie i" ::: "memory");

  arm();
  wr(T01 + 0x00, 1000); wr(T01 + 0x08, 0xe2);   /* timer 1: periodic, IE, 32-bit */
  expect_one("timer01 timer 1");
  arm();
  wr(T01 + 0x20, 1000); wr(T01 + 0x28, 0xe2);   /* timer 2 shares the line */
  expect_one("timer01 timer 2");
  arm();
  wr(T23 + 0x00, 1000); wr(T23 + 0x08, 0xe3);   /* one-shot */
  expect_one("timer23 timer 1");
  arm();
  wr(TDB + 0x00, 1000); wr(TDB + 0x08, 0xe2);
  expect_one("CoreTile timer");
  arm();
  wr(RTC + 0x10, 1); wr(RTC + 0x04, rd(RTC + 0x00)); /* match now */
  expect_one("RTC match");
  arm();
  wr(KMI0 + 0x00, 0x14); wr(KMI0 + 0x08, 0xff);  /* RXINTREN; reset -> fa aa */
  expect_one("KMI0 receive");
  arm();
  wr(KMI1 + 0x00, 0x14); wr(KMI1 + 0x08, 0xf2);  /* get ID -> fa 00 */
  expect_one("KMI1 receive");
  arm();
  wr(KMI0 + 0x00, 0x0c);                         /* TXINTREN: asserted while idle */
  expect_one("KMI0 transmit");
  arm();
  expect_one("nothing else");

  __asm__ volatile("cpsid i" ::: "memory");
  printf("taken: %lu\n", (unsigned long)ntaken);
  printf("GICC_IAR idle: %lu\n", (unsigned long)(rd(GICC + 0x0c) & 0x3ff));
  return 0;
}

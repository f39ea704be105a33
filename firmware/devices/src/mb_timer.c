/* SP804 dual timers (0x10011000, 0x10012000 and the CoreTile's 0x100e4000): reset values,
 * register read-back, and what each mode does (interrupt status, counting down, stopping),
 * printed as yes/no where the exact count depends on the host clock. Interrupts are polled in
 * TimerXRIS/MIS: the GIC is not involved. */
#include "mmio.h"

#define LOAD 0x00
#define VALUE 0x04
#define CTRL 0x08
#define INTCLR 0x0c
#define RIS 0x10
#define MIS 0x14
#define BGLOAD 0x18
#define EN 0x80u
#define PERIODIC 0x40u
#define IE 0x20u
#define DIV16 0x04u
#define BIT32 0x02u
#define ONESHOT 0x01u
#define POLLS 5000000u

static void delay(int n) { for (volatile int i = 0; i < n; i++) {} }

static void show_regs(const char *name, uint32_t t) {
  char n[64];
  static const struct { const char *r; uint32_t off; } regs[] = {
    { "Load", LOAD }, { "Value", VALUE }, { "Control", CTRL }, { "RIS", RIS }, { "MIS", MIS }, { "BGLoad", BGLOAD },
  };
  for (unsigned i = 0; i < sizeof regs / sizeof regs[0]; i++) {
    snprintf(n, sizeof n, "%s %s", name, regs[i].r);
    SHOW(n, rd(t + regs[i].off));
  }
}

/* Periodic mode on one timer: interrupt raised, cleared, raised again; count within bounds. */
static void periodic(const char *name, uint32_t t) {
  char n[64];
  wr(t + CTRL, 0);
  wr(t + INTCLR, 0);
  wr(t + LOAD, 2000);
  wr(t + CTRL, EN | PERIODIC | IE | BIT32);
  uint32_t v1 = rd(t + VALUE);
  snprintf(n, sizeof n, "%s periodic value <= load", name); YESNO(n, v1 <= 2000);
  snprintf(n, sizeof n, "%s periodic interrupt", name); YESNO(n, wait_bits(t + RIS, 1, POLLS));
  snprintf(n, sizeof n, "%s periodic MIS", name); SHOW(n, rd(t + MIS));
  wr(t + INTCLR, 0x1234);
  snprintf(n, sizeof n, "%s RIS after IntClr", name); SHOW(n, rd(t + RIS));
  snprintf(n, sizeof n, "%s periodic again", name); YESNO(n, wait_bits(t + RIS, 1, POLLS));
  wr(t + CTRL, PERIODIC | IE | BIT32);
  wr(t + INTCLR, 0);
}

int main(void) {
  const uint32_t t01 = 0x10011000u, t23 = 0x10012000u, tdb = 0x100e4000u;
  for (uint32_t o = 0xfe0; o < 0x1000; o += 4) {
    char n[32];
    snprintf(n, sizeof n, "ID 0x%03lx", (unsigned long)o);
    SHOW(n, rd(t01 + o));
  }
  show_regs("t0 reset", t01);
  show_regs("t1 reset", t01 + 0x20);
  show_regs("t2 reset", t23);
  show_regs("t3 reset", t23 + 0x20);
  show_regs("db0 reset", tdb);
  show_regs("db1 reset", tdb + 0x20);
  SHOW("bad 0x1c", rd(t01 + 0x1c));
  SHOW("bad 0x40", rd(t01 + 0x40));
  SHOW("ITCR", rd(t01 + 0xf00));

  /* Load in the reset mode (free-running, 16-bit, disabled) */
  wr(t01 + LOAD, 1000);
  show_regs("t0 after Load", t01);
  wr(t01 + VALUE, 5);
  SHOW("t0 Value after writing it", rd(t01 + VALUE));
  wr(t01 + BGLOAD, 0x123);
  show_regs("t0 after BGLoad", t01);
  wr(t01 + CTRL, 0xffffff1f);
  SHOW("t0 Control 0xffffff1f", rd(t01 + CTRL));
  SHOW("t0 Value after control", rd(t01 + VALUE));
  wr(t01 + CTRL, 0x20);

  periodic("t0", t01);
  periodic("t1", t01 + 0x20);
  periodic("t2", t23);
  periodic("t3", t23 + 0x20);
  periodic("db0", tdb);
  periodic("db1", tdb + 0x20);

  /* timer 2 is untouched by timer 1's interrupt */
  wr(t01 + LOAD, 1000);
  wr(t01 + CTRL, EN | PERIODIC | IE | BIT32);
  wait_bits(t01 + RIS, 1, POLLS);
  SHOW("t1 RIS while t0 fires", rd(t01 + 0x20 + RIS));
  wr(t01 + CTRL, PERIODIC | IE | BIT32);
  wr(t01 + INTCLR, 0);

  /* counting down while running, holding while disabled */
  wr(t01 + LOAD, 1000000);
  wr(t01 + CTRL, EN | PERIODIC | BIT32);
  uint32_t a = rd(t01 + VALUE);
  delay(20000);
  uint32_t b = rd(t01 + VALUE);
  YESNO("t0 counts down", b < a);
  wr(t01 + CTRL, EN | PERIODIC | BIT32);
  uint32_t c = rd(t01 + VALUE);
  YESNO("t0 control write restarts from Load", c > b);
  wr(t01 + CTRL, PERIODIC | BIT32);
  a = rd(t01 + VALUE);
  delay(20000);
  YESNO("t0 holds while disabled", rd(t01 + VALUE) == a);

  /* interrupt enable clear: raw status only */
  wr(t01 + LOAD, 1000);
  wr(t01 + CTRL, EN | PERIODIC | BIT32);
  YESNO("t0 RIS with IE clear", wait_bits(t01 + RIS, 1, POLLS));
  SHOW("t0 MIS with IE clear", rd(t01 + MIS));
  wr(t01 + CTRL, EN | PERIODIC | BIT32 | IE);
  SHOW("t0 MIS with IE set again", rd(t01 + MIS));
  wr(t01 + CTRL, PERIODIC | BIT32);
  wr(t01 + INTCLR, 0);

  /* one-shot */
  wr(t01 + LOAD, 500);
  wr(t01 + CTRL, EN | ONESHOT | IE | BIT32);
  YESNO("t0 one-shot interrupt", wait_bits(t01 + RIS, 1, POLLS));
  SHOW("t0 one-shot Value after", rd(t01 + VALUE));
  SHOW("t0 one-shot Control after", rd(t01 + CTRL));
  wr(t01 + INTCLR, 0);
  YESNO("t0 one-shot fires again", wait_bits(t01 + RIS, 1, 200000));
  wr(t01 + LOAD, 300);
  SHOW("t0 one-shot Value after Load", rd(t01 + VALUE));
  delay(20000);
  SHOW("t0 one-shot Value later", rd(t01 + VALUE));
  wr(t01 + CTRL, PERIODIC | BIT32);

  /* free-running */
  wr(t01 + LOAD, 1000);
  wr(t01 + CTRL, EN | IE | BIT32);
  YESNO("t0 free-running 32-bit counts from the top", rd(t01 + VALUE) >= 0xfff00000u);
  wr(t01 + LOAD, 1000);
  YESNO("t0 free-running Load restarts from the top", rd(t01 + VALUE) >= 0xfff00000u);
  SHOW("t0 free-running Load", rd(t01 + LOAD));
  wr(t01 + CTRL, EN | IE);
  uint32_t v16 = rd(t01 + VALUE);
  YESNO("t0 free-running 16-bit below 0x10000", v16 <= 0xffff);
  YESNO("t0 free-running 16-bit near the top", v16 >= 0xf000);
  wr(t01 + CTRL, 0x20);

  /* periodic 16-bit with a Load above 16 bits */
  wr(t01 + LOAD, 0x123456);
  wr(t01 + CTRL, EN | PERIODIC | IE);
  YESNO("t0 periodic 16-bit counts above 0xffff", rd(t01 + VALUE) > 0xffff);
  wr(t01 + CTRL, PERIODIC);

  /* prescaler read-back, and counting slower with it */
  wr(t01 + LOAD, 100000);
  wr(t01 + CTRL, EN | PERIODIC | BIT32 | DIV16);
  SHOW("t0 Control DIV16", rd(t01 + CTRL));
  wr(t01 + CTRL, EN | PERIODIC | BIT32 | 0x0c);
  SHOW("t0 Control prescale 3", rd(t01 + CTRL));
  wr(t01 + CTRL, PERIODIC | BIT32);

  /* Load 0: immediate interrupt, then stopped */
  wr(t01 + INTCLR, 0);
  wr(t01 + LOAD, 0);
  wr(t01 + CTRL, EN | PERIODIC | IE | BIT32);
  SHOW("t0 Load 0 RIS at once", rd(t01 + RIS));
  wr(t01 + INTCLR, 0);
  YESNO("t0 Load 0 fires again", wait_bits(t01 + RIS, 1, 200000));
  SHOW("t0 Load 0 Value", rd(t01 + VALUE));
  wr(t01 + CTRL, 0x20);
  return 0;
}

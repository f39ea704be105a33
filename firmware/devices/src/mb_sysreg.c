/* V2M motherboard system registers at 0x10000000: identification, LEDs, flags, lock, the 24 MHz
 * counter and the configuration bus (oscillators, voltages, unsupported functions). */
#include "mmio.h"

#define SYS 0x10000000u
#define SYS_ID (SYS + 0x00)
#define SYS_SW (SYS + 0x04)
#define SYS_LED (SYS + 0x08)
#define SYS_LOCK (SYS + 0x20)
#define SYS_100HZ (SYS + 0x24)
#define SYS_FLAGS (SYS + 0x30)
#define SYS_FLAGSCLR (SYS + 0x34)
#define SYS_NVFLAGS (SYS + 0x38)
#define SYS_NVFLAGSCLR (SYS + 0x3c)
#define SYS_MCI (SYS + 0x48)
#define SYS_24MHZ (SYS + 0x5c)
#define SYS_CFGDATA (SYS + 0xa0)
#define SYS_CFGCTRL (SYS + 0xa4)
#define SYS_CFGSTAT (SYS + 0xa8)

#define CFG_START (1u << 31)
#define CFG_WRITE (1u << 30)
#define CFG(fn, site, dev) (((uint32_t)(fn) << 20) | ((uint32_t)(site) << 16) | (uint32_t)(dev))

/* One configuration-bus read: prints the status and the data it left in SYS_CFGDATA. */
static void cfg_read(const char *what, uint32_t req) {
  char name[64];
  wr(SYS_CFGSTAT, 0);
  wr(SYS_CFGDATA, 0xdeadbeef);
  wr(SYS_CFGCTRL, CFG_START | req);
  snprintf(name, sizeof name, "%s stat", what);
  SHOW(name, rd(SYS_CFGSTAT));
  snprintf(name, sizeof name, "%s data", what);
  SHOW(name, rd(SYS_CFGDATA));
}

static void cfg_write(const char *what, uint32_t req, uint32_t value) {
  char name[64];
  wr(SYS_CFGSTAT, 0);
  wr(SYS_CFGDATA, value);
  wr(SYS_CFGCTRL, CFG_START | CFG_WRITE | req);
  snprintf(name, sizeof name, "%s stat", what);
  SHOW(name, rd(SYS_CFGSTAT));
}

int main(void) {
  SHOW("SYS_ID", rd(SYS_ID));
  SHOW("SYS_SW", rd(SYS_SW));
  SHOW("SYS_PROCID0", rd(SYS + 0x84));
  SHOW("SYS_PROCID1", rd(SYS + 0x88));
  SHOW("SYS_MCI", rd(SYS_MCI));
  SHOW("SYS_PCICTL", rd(SYS + 0x44));
  SHOW("SYS_100HZ", rd(SYS_100HZ));
  SHOW("SYS_RESETCTL", rd(SYS + 0x40));
  wr(SYS + 0x40, 0x104);
  SHOW("SYS_RESETCTL after write", rd(SYS + 0x40));
  SHOW("SYS_CLCD", rd(SYS + 0x50));
  wr(SYS + 0x50, 0x1f03);
  SHOW("SYS_CLCD after write", rd(SYS + 0x50));
  SHOW("SYS_OSC0", rd(SYS + 0x0c));
  SHOW("SYS_MISC", rd(SYS + 0x60));
  SHOW("SYS_FLASH", rd(SYS + 0x4c));
  SHOW("SYS_TEST_OSC0", rd(SYS + 0xc0));

  SHOW("SYS_LED reset", rd(SYS_LED));
  wr(SYS_LED, 0xa5a5f00f);
  SHOW("SYS_LED", rd(SYS_LED));
  wr(SYS_LED, 0);

  wr(SYS_LOCK, 0xa05f);
  SHOW("SYS_LOCK a05f", rd(SYS_LOCK));
  wr(SYS_LOCK, 0x1234abcd);
  SHOW("SYS_LOCK other", rd(SYS_LOCK));
  wr(SYS_LOCK, 0);

  SHOW("SYS_CFGDATA1", (wr(SYS + 0x28, 0x11223344), rd(SYS + 0x28)));
  SHOW("SYS_CFGDATA2", (wr(SYS + 0x2c, 0x55667788), rd(SYS + 0x2c)));

  SHOW("SYS_FLAGS reset", rd(SYS_FLAGS));
  wr(SYS_FLAGS, 0x80000003);
  wr(SYS_FLAGS, 0x00f00000);
  SHOW("SYS_FLAGS set", rd(SYS_FLAGS));
  wr(SYS_FLAGSCLR, 0x80100001);
  SHOW("SYS_FLAGS cleared", rd(SYS_FLAGS));
  wr(SYS_FLAGSCLR, 0xffffffff);
  wr(SYS_NVFLAGS, 0x0000c0de);
  SHOW("SYS_NVFLAGS set", rd(SYS_NVFLAGS));
  wr(SYS_NVFLAGSCLR, 0x000000de);
  SHOW("SYS_NVFLAGS cleared", rd(SYS_NVFLAGS));
  wr(SYS_NVFLAGSCLR, 0xffffffff);

  /* the 24 MHz counter moves forward (its rate is host time on QEMU: compared as yes/no) */
  uint32_t a = rd(SYS_24MHZ);
  for (volatile int i = 0; i < 20000; i++) {}
  uint32_t b = rd(SYS_24MHZ);
  YESNO("SYS_24MHZ advances", b != a);

  /* configuration bus: oscillators, voltages, and what QEMU does not implement */
  for (int d = 0; d <= 6; d++) {
    char n[32];
    snprintf(n, sizeof n, "osc mb %d", d);
    cfg_read(n, CFG(1, 0, d));
  }
  for (int d = 0; d <= 3; d++) {
    char n[32];
    snprintf(n, sizeof n, "osc db %d", d);
    cfg_read(n, CFG(1, 1, d));
  }
  cfg_read("volt mb 0", CFG(2, 0, 0));
  cfg_read("volt mb 1", CFG(2, 0, 1));
  for (int d = 0; d <= 6; d++) {
    char n[32];
    snprintf(n, sizeof n, "volt db %d", d);
    cfg_read(n, CFG(2, 1, d));
  }
  cfg_read("amp db 0", CFG(3, 1, 0));
  cfg_read("temp db 0", CFG(4, 1, 0));
  cfg_read("power db 0", CFG(12, 1, 0));
  cfg_read("energy db 0", CFG(13, 1, 0));
  cfg_read("osc site 2", CFG(1, 2, 0));
  cfg_read("osc position 1", CFG(1, 0, 0) | (1u << 12));
  cfg_read("osc dcc 1", CFG(1, 0, 0) | (1u << 26));

  cfg_write("osc mb 1 write", CFG(1, 0, 1), 25175000);
  cfg_read("osc mb 1 after write", CFG(1, 0, 1));
  cfg_write("osc db 1 write", CFG(1, 1, 1), 65000000);
  cfg_read("osc db 1 after write", CFG(1, 1, 1));
  cfg_write("osc db 3 write", CFG(1, 1, 3), 1);
  cfg_write("muxfpga write", CFG(7, 0, 0), 0);
  cfg_write("dvimode write", CFG(11, 0, 0), 2);
  cfg_write("volt write", CFG(2, 1, 0), 5);
  cfg_write("shutdown db", CFG(8, 1, 0), 0);
  cfg_write("reboot dev 1", CFG(9, 0, 1), 0);

  /* SYS_CFGCTRL keeps what was written except the start bit and bits 19:18 */
  wr(SYS_CFGCTRL, 0x7fffffff & ~CFG_START);
  SHOW("SYS_CFGCTRL readback", rd(SYS_CFGCTRL));
  wr(SYS_CFGCTRL, 0x000c0000);
  SHOW("SYS_CFGCTRL bits 19:18", rd(SYS_CFGCTRL));
  wr(SYS_CFGSTAT, 0xffffffff);
  SHOW("SYS_CFGSTAT readback", rd(SYS_CFGSTAT));
  wr(SYS_CFGSTAT, 0);
  return 0;
}

/* Reboot through the configuration bus (SYS_CFGCTRL function 9, site 0, device 0): QEMU resets
 * the machine and runs the image again. SYS_NVFLAGS survives the reset and SYS_FLAGS does not,
 * which tells the second run from the first. */
#include "mmio.h"

#define SYS_FLAGS 0x10000030u
#define SYS_NVFLAGS 0x10000038u
#define SYS_NVFLAGSCLR 0x1000003cu

int main(void) {
  uint32_t nv = rd(SYS_NVFLAGS);
  if (nv == 0) {
    puts("first run");
    SHOW("FLAGS", rd(SYS_FLAGS));
    wr(SYS_FLAGS, 0x5a);
    wr(0x10011000u, 12345);     /* SP804 timer01 timer 1: Load */
    wr(0x10011008u, 0x62);      /* periodic, IE, 32-bit, not enabled */
    wr(0x10006000u, 0x04);      /* KMI0 CR: enabled */
    wr(0x10006008u, 0xf2);      /* KMI0: get ID (replies left unread) */
    wr(0x10017010u, 1);         /* PL031 IMSC */
    wr(SYS_NVFLAGS, 0xb007);
    wr(0x100000a4u, (1u << 31) | (1u << 30) | (9u << 20)); /* start, write, REBOOT, MB, device 0 */
    /* QEMU acts on the request from its main loop, a little later: wait for it (seconds) */
    for (volatile int i = 0; i < 200000000; i++) {}
    puts("reboot did not happen");
    return 3;
  }
  puts("second run");
  SHOW("NVFLAGS kept", nv);
  SHOW("FLAGS cleared", rd(SYS_FLAGS));
  /* what a reset does to the other devices */
  SHOW("SP804 Load after reset", rd(0x10011000u));
  SHOW("SP804 Control after reset", rd(0x10011008u));
  SHOW("KMI0 CR after reset", rd(0x10006000u));
  SHOW("KMI0 STAT after reset", rd(0x10006004u));
  SHOW("PL031 IMSC after reset", rd(0x10017010u));
  wr(SYS_NVFLAGSCLR, 0xffffffff);
  return 0;
}

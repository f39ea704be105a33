/* Power off through the motherboard configuration bus (SYS_CFGCTRL function 8, site 0, device 0),
 * as Linux's vexpress-poweroff does: QEMU ends the run with status 0. Anything printed after the
 * request would mean the board kept running. */
#include "mmio.h"

int main(void) {
  puts("powering off");
  wr(0x100000a0u, 0);                                    /* SYS_CFGDATA */
  wr(0x100000a4u, (1u << 31) | (1u << 30) | (8u << 20)); /* start, write, SHUTDOWN, MB, device 0 */
  /* QEMU acts on the request from its main loop, a little later: wait for it (seconds) */
  for (volatile int i = 0; i < 200000000; i++) {}
  puts("still running");
  return 3;
}

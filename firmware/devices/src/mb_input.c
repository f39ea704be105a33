/* User input through the PL050s: after "ready" the host presses keys and moves the mouse (QEMU:
 * monitor sendkey / mouse_move / mouse_button; armada: the board's input API), and the bytes
 * the keyboard and mouse send are printed as they arrive, until the expected number came. */
#include "mmio.h"

#define KMI0 0x10006000u
#define KMI1 0x10007000u
#define RXFULL 0x10u
#define KBD_BYTES 14   /* a, up, shift-a in scan code set 2 */
#define MOUSE_BYTES 9  /* three 3-byte packets */

static void command(uint32_t kmi, uint32_t byte) {
  wr(kmi + 0x08, byte);
  while (rd(kmi + 0x04) & RXFULL) (void)rd(kmi + 0x08);
}

int main(void) {
  wr(KMI0, 0x04);
  wr(KMI1, 0x04);
  command(KMI0, 0xff);
  command(KMI1, 0xff);
  command(KMI1, 0xf4); /* mouse: enable reporting */
  puts("ready");
  fflush(stdout);
  int kbd = 0, mouse = 0;
  for (uint32_t spins = 0; (kbd < KBD_BYTES || mouse < MOUSE_BYTES) && spins < 2000000000u; spins++) {
    if (rd(KMI0 + 0x04) & RXFULL) { printf("kbd %02lx\n", (unsigned long)(rd(KMI0 + 0x08) & 0xff)); kbd++; }
    if (rd(KMI1 + 0x04) & RXFULL) { printf("mouse %02lx\n", (unsigned long)(rd(KMI1 + 0x08) & 0xff)); mouse++; }
  }
  printf("got %d keyboard and %d mouse bytes\n", kbd, mouse);
  return 0;
}

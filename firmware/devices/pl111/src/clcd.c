/* PL111 frame formats, for the QEMU comparison in test/qemu/pl111.test.ts: program the CoreTile
 * CLCD (0x10020000, QEMU's first console) for a 64x8 frame in video RAM in the pixel format chosen
 * at build time (BPP = LcdBpp field, BGR = 0/1), fill the frame (and the palette) with a
 * pseudo-random pattern, then spin so that the frame can be captured (QEMU's screendump, armada's
 * --screenshot). */
#include <stdint.h>

#define CLCD   0x10020000u
#define VRAM   0x4c000000u
#define REG(o) (*(volatile uint32_t *)(CLCD + (o)))

static uint32_t seed = 0x12345678u;
static uint32_t next(void) { seed = seed * 1664525u + 1013904223u; return seed; }

int main(void) {
  volatile uint32_t *fb = (volatile uint32_t *)VRAM;
  for (int i = 0; i < 64 * 8; i++) fb[i] = next();     /* 2 KiB: enough for 32 bpp */
  for (int i = 0; i < 128; i++) REG(0x200 + 4 * i) = next();
  REG(0x000) = (64 / 16 - 1) << 2;                      /* LCDTiming0: 64 pixels per line */
  REG(0x004) = 8 - 1;                                   /* LCDTiming1: 8 lines */
  REG(0x010) = VRAM;                                    /* LCDUPBASE */
  REG(0x018) = 1u | (BPP << 1) | (BGR << 8) | (1u << 11); /* LCDControl: LcdEn, LcdBpp, BGR, LcdPwr */
  for (;;) { }
}

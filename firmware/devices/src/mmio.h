/* Register access and output helpers for the device firmware (vexpress-a9 motherboard). */
#ifndef ARMADA_MMIO_H
#define ARMADA_MMIO_H
#include <stdint.h>
#include <stdio.h>

static inline uint32_t rd(uint32_t addr) { return *(volatile uint32_t *)addr; }
static inline void wr(uint32_t addr, uint32_t v) { *(volatile uint32_t *)addr = v; }

/* One line per observation: "name: value" in hex, so that QEMU's and armada's runs diff cleanly. */
#define SHOW(name, v) printf("%s: 0x%08lx\n", (name), (unsigned long)(v))
#define YESNO(name, cond) printf("%s: %s\n", (name), (cond) ? "yes" : "no")

/* Spin until (rd(addr) & mask) != 0 or `limit` polls pass; returns whether it happened. */
static inline int wait_bits(uint32_t addr, uint32_t mask, uint32_t limit) {
  for (uint32_t i = 0; i < limit; i++) if (rd(addr) & mask) return 1;
  return 0;
}
#endif

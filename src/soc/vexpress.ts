// Board descriptions as data.
import type { BoardSpec } from './board.js';

/**
 * ARM Versatile Express with a Cortex-A9 core tile, as QEMU 7.2's `-M vexpress-a9` (legacy
 * memory map). Interrupt numbers are GIC interrupt IDs (SPI n = 32 + n): UART0 is SPI 5 = 37.
 * Facts checked on qemu-system-arm 7.2: RAM at 0x60000000, 128 MiB by default, at most 1 GiB;
 * physical addresses with nothing mapped read as zero and ignore writes (no external abort),
 * instruction fetches included. Devices armada does not model yet (system registers at
 * 0x10000000, timers, the Cortex-A9 private region at 0x1e000000, flash) read as zero too,
 * where QEMU has real registers.
 */
export const vexpressA9: BoardSpec = {
  name: 'vexpress-a9',
  cpu: 'cortex-a9',
  ram: { at: 0x60000000, defaultMiB: 128, maxMiB: 1024 },
  // checked on QEMU 7.2: writes stick in [0x48000000, 0x4a000000) and [0x4c000000, 0x4c800000)
  extraRam: [
    { name: 'sram', at: 0x48000000, size: 0x2000000 },
    { name: 'vram', at: 0x4c000000, size: 0x800000 },
  ],
  devices: {
    uart0: { type: 'pl011', at: 0x10009000, irq: 32 + 5 },
    uart1: { type: 'pl011', at: 0x1000a000, irq: 32 + 6 },
    uart2: { type: 'pl011', at: 0x1000b000, irq: 32 + 7 },
    uart3: { type: 'pl011', at: 0x1000c000, irq: 32 + 8 },
  },
  unmapped: 'raz-wi',
};

export const BOARDS: Record<string, BoardSpec> = {
  'vexpress-a9': vexpressA9,
};

// Board descriptions as data.
import type { BoardSpec } from './board.js';

/**
 * ARM Versatile Express with a Cortex-A9 core tile, as QEMU 7.2's `-M vexpress-a9` (legacy
 * memory map). Interrupt numbers are GIC interrupt IDs (SPI n = 32 + n): UART0 is SPI 5 = 37.
 * Facts checked on qemu-system-arm 7.2: RAM at 0x60000000, 128 MiB by default, at most 1 GiB;
 * physical addresses with nothing mapped read as zero and ignore writes (no external abort),
 * instruction fetches included. Devices armada does not model yet read as zero
 * too, where QEMU has real registers.
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
    // Cortex-A9 MPCore private region (PERIPHBASE 0x1e000000): the GIC's CPU interface and
    // distributor, SCU, global timer (PPI 27), private timer and watchdog (PPIs 29, 30); the
    // L2C-310 beside it. QEMU's A9 GIC has 64 SPIs (GICD_TYPER 0x402).
    gic: { type: 'gic', at: { cpu: 0x1e000100, dist: 0x1e001000 }, irq: ['cpu:irq', 'cpu:fiq'], params: { spis: 64 } },
    scu: { type: 'a9-scu', at: 0x1e000000 },
    gtimer: { type: 'a9-global-timer', at: 0x1e000200, irq: 27 },
    twd: { type: 'a9-twd', at: 0x1e000600, irq: [29, 30] },
    l2c: { type: 'l2c-310', at: 0x1e00a000 },
    uart0: { type: 'pl011', at: 0x10009000, irq: 32 + 5 },
    uart1: { type: 'pl011', at: 0x1000a000, irq: 32 + 6 },
    uart2: { type: 'pl011', at: 0x1000b000, irq: 32 + 7 },
    uart3: { type: 'pl011', at: 0x1000c000, irq: 32 + 8 },
    // motherboard peripherals (QEMU 7.2 `info qtree`: realview_sysctl, pl050 x2, sp804 x2 at
    // 1 MHz, pl031), and the CoreTile's SP804 (one combined interrupt, SPI 48)
    sysreg: { type: 'v2m-sysreg', at: 0x10000000 },
    kmi0: { type: 'pl050', at: 0x10006000, irq: 32 + 12, params: { kind: 'keyboard' } },
    kmi1: { type: 'pl050', at: 0x10007000, irq: 32 + 13, params: { kind: 'mouse' } },
    timer01: { type: 'sp804', at: 0x10011000, irq: 32 + 2 },
    timer23: { type: 'sp804', at: 0x10012000, irq: 32 + 3 },
    rtc: { type: 'pl031', at: 0x10017000, irq: 32 + 4 },
    // the two colour LCD controllers (QEMU 7.2: "pl111" on the motherboard, SPI 14, and on the
    // CoreTile, SPI 44); the frame is read from guest memory (video RAM at 0x4c000000)
    clcd: { type: 'pl111', at: 0x1001f000, irq: 32 + 14 },
    dbclcd: { type: 'pl111', at: 0x10020000, irq: 32 + 44 },
    dbtimer: { type: 'sp804', at: 0x100e4000, irq: 32 + 48 },
    // NOR flash (QEMU 7.2 `info mtree`: vexpress.flash0 at 0x40000000 and aliased at 0,
    // vexpress.flash1 at 0x44000000; 64 MiB each, CFI, empty without -pflash)
    flash0: { type: 'pflash', at: { main: 0x40000000, alias: 0 } },
    flash1: { type: 'pflash', at: 0x44000000 },
  },
  // Named on the board but not in QEMU 7.2's vexpress-a9 either (they read as zero there): the
  // SP810 system controller and both SP805 watchdogs (armada's 'sp805' model exists, unused here).
  // Devices of the board that armada does not model (yet): an access is logged once as a guest
  // error naming the device, and reads as zero. Linux probes them and carries on without them.
  unimplemented: [
    { name: 'sp810', at: 0x10001000, size: 0x1000 },
    { name: 'versatile-i2c-pcie', at: 0x10002000, size: 0x1000 },
    { name: 'pl041-aaci', at: 0x10004000, size: 0x1000 },
    { name: 'pl180-mmci', at: 0x10005000, size: 0x1000 },
    { name: 'versatile-i2c-dvi', at: 0x10016000, size: 0x1000 },
    { name: 'vexpress-cf', at: 0x1001a000, size: 0x1000 },
    { name: 'ct-dmc', at: 0x100e0000, size: 0x1000 },
    { name: 'ct-smc', at: 0x100e1000, size: 0x1000 },
    { name: 'ct-scc', at: 0x100e2000, size: 0x1000 },
    { name: 'ct-gpio', at: 0x100e8000, size: 0x1000 },
    { name: 'lan9118', at: 0x4e000000, size: 0x10000 },
    { name: 'isp1761-usb', at: 0x4f000000, size: 0x20000 },
    { name: 'sp805-wdt', at: 0x1000f000, size: 0x1000 },
    { name: 'sp805-wdt-db', at: 0x100e5000, size: 0x1000 },
  ],
  intc: 'gic',
  unmapped: 'raz-wi',
};

export const BOARDS: Record<string, BoardSpec> = {
  'vexpress-a9': vexpressA9,
};

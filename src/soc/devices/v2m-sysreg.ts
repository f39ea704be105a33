// Versatile Express motherboard (V2M-P1) system registers at 0x10000000, as QEMU 7.2 models them
// for vexpress-a9 (hw/misc/arm_sysctl.c with board ID 0x190).
//
// One 4 KiB region, no interrupt. Besides identification, LEDs, flags and the 24 MHz counter, the
// registers carry the configuration bus: the guest puts a value in SYS_CFGDATA, writes a request
// to SYS_CFGCTRL (start bit 31, write bit 30, DCC 29:26, function 25:20, site 17:16, position
// 15:12, device 11:0) and reads the outcome in SYS_CFGSTAT (bit 0 complete, bit 1 error). QEMU
// completes every request at once and supports, on DCC 0 position 0, sites motherboard (0) and
// daughterboard 1 (1):
//   read:  oscillators (function 1; motherboard 0-5, daughterboard 0-2), voltages (function 2;
//          motherboard sensor 0 and daughterboard 0-5);
//   write: oscillators, and on the motherboard device 0: FPGA video mux (7, ignored),
//          shutdown (8: the board powers off), reboot (9: the board asks for a reset) and DVI
//          mode (11, ignored).
// Everything else (temperature, power, energy, other sites) completes with the error bit set.
// Registers QEMU treats as reserved on vexpress (RESETCTL, CLCD) read as zero and ignore writes.

import type { MmioDevice, Width } from '../../armcore/bus.js';
import { registerDevice, type Device, type DeviceHost, type DeviceState, type RegisterSpec } from '../device.js';
import { narrow } from './lanes.js';

/** The registers (Motherboard Express µATX TRM, DDI 0447, section 4.3), QEMU's behaviour in doc. */
export const V2M_SYSREG_REGS: readonly RegisterSpec[] = [
  { name: 'SYS_ID', offset: 0x00, access: 'ro', reset: 0x1190f500, doc: 'board ID: rev, HBI 0x190, build, arch, FPGA' },
  { name: 'SYS_SW', offset: 0x04, access: 'ro', reset: 0, doc: 'user switches (always 0)' },
  { name: 'SYS_LED', offset: 0x08, access: 'rw', reset: 0, doc: 'user LEDs' },
  { name: 'SYS_OSC0-4', offset: 0x0c, access: 'rw', reset: 0, doc: '0x0c-0x1c: read as zero, writes ignored' },
  { name: 'SYS_LOCK', offset: 0x20, access: 'rw', reset: 0, doc: '0xa05f is kept as written, other values masked to 15 bits' },
  { name: 'SYS_100HZ', offset: 0x24, access: 'ro', reset: 0, doc: '100 Hz counter (QEMU: always 0)' },
  { name: 'SYS_CFGDATA1', offset: 0x28, access: 'rw', reset: 0, doc: 'plain storage' },
  { name: 'SYS_CFGDATA2', offset: 0x2c, access: 'rw', reset: 0, doc: 'plain storage' },
  { name: 'SYS_FLAGS / SYS_FLAGSSET', offset: 0x30, access: 'rw', reset: 0, doc: 'read flags; write sets bits' },
  { name: 'SYS_FLAGSCLR', offset: 0x34, access: 'wo', reset: 0, doc: 'write clears bits' },
  { name: 'SYS_NVFLAGS / SYS_NVFLAGSSET', offset: 0x38, access: 'rw', reset: 0, doc: 'as FLAGS, but kept over a reset' },
  { name: 'SYS_NVFLAGSCLR', offset: 0x3c, access: 'wo', reset: 0, doc: 'write clears bits' },
  { name: 'SYS_RESETCTL', offset: 0x40, access: 'rw', reset: 0, doc: 'reserved on vexpress: RAZ/WI' },
  { name: 'SYS_PCICTL', offset: 0x44, access: 'rw', reset: 1, doc: 'reads 1' },
  { name: 'SYS_MCI', offset: 0x48, access: 'ro', reset: 0, doc: 'MMC card detect (bit 0) and write protect (bit 1)' },
  { name: 'SYS_FLASH', offset: 0x4c, access: 'rw', reset: 0, doc: 'reads 0' },
  { name: 'SYS_CLCD', offset: 0x50, access: 'rw', reset: 0, doc: 'RAZ/WI on vexpress' },
  { name: 'SYS_CLCDSER', offset: 0x54, access: 'rw', reset: 0, doc: 'reads 0' },
  { name: 'SYS_BOOTCS', offset: 0x58, access: 'ro', reset: 0, doc: 'reads 0' },
  { name: 'SYS_24MHZ', offset: 0x5c, access: 'ro', reset: 0, doc: '24 MHz counter from virtual time' },
  { name: 'SYS_MISC', offset: 0x60, access: 'ro', reset: 0, doc: 'reads 0' },
  { name: 'SYS_DMAPSR0-2, IOSEL, PLDCTL', offset: 0x64, access: 'rw', reset: 0, doc: '0x64-0x74: read 0, writes ignored' },
  { name: 'SYS_BUSID', offset: 0x80, access: 'rw', reset: 0, doc: 'reads 0' },
  { name: 'SYS_PROCID0', offset: 0x84, access: 'ro', reset: 0x0c000191, doc: 'daughterboard 1 ID (CoreTile A9)' },
  { name: 'SYS_PROCID1', offset: 0x88, access: 'ro', reset: 0xff000000, doc: 'daughterboard 2 ID (none)' },
  { name: 'SYS_OSCRESET0-4', offset: 0x8c, access: 'rw', reset: 0, doc: '0x8c-0x9c: read 0, writes ignored' },
  { name: 'SYS_CFGDATA', offset: 0xa0, access: 'rw', reset: 0, doc: 'configuration bus data' },
  { name: 'SYS_CFGCTRL', offset: 0xa4, access: 'rw', reset: 0, doc: 'configuration request (start bit reads 0)' },
  { name: 'SYS_CFGSTAT', offset: 0xa8, access: 'rw', reset: 0, doc: 'bit 0 complete, bit 1 error' },
  { name: 'SYS_TEST_OSC0-4', offset: 0xc0, access: 'ro', reset: 0, doc: '0xc0-0xd0: read 0' },
];

// SYS_CFGCTRL functions
export const SYS_CFG_OSC = 1, SYS_CFG_VOLT = 2, SYS_CFG_AMP = 3, SYS_CFG_TEMP = 4, SYS_CFG_RESET = 5;
export const SYS_CFG_SCC = 6, SYS_CFG_MUXFPGA = 7, SYS_CFG_SHUTDOWN = 8, SYS_CFG_REBOOT = 9;
export const SYS_CFG_DVIMODE = 11, SYS_CFG_POWER = 12, SYS_CFG_ENERGY = 13;
const SITE_MB = 0, SITE_DB1 = 1;
const CFGCTRL_START = 1 << 31, CFGCTRL_WRITE = 1 << 30;
const LOCK_VALUE = 0xa05f;

/** Motherboard oscillators at reset, Hz: OSC0 static memory, OSC1 CLCD pixel clock, OSC2-5 24 MHz. */
export const MB_CLOCKS: readonly number[] = [50_000_000, 23_750_000, 24_000_000, 24_000_000, 24_000_000, 24_000_000];
/** CoreTile A9 oscillators at reset, Hz: AXI ACLK, CLCD pixel clock, test chip reference. */
export const A9_DB_CLOCKS: readonly number[] = [45_000_000, 23_750_000, 66_670_000];
/** CoreTile A9 voltage sensors, µV: VD10, VD10_S2, VD10_S3, VCC1V8, DDR2VTT, VCC3V3. */
export const A9_DB_VOLTAGES: readonly number[] = [1_000_000, 1_000_000, 1_000_000, 1_800_000, 900_000, 3_300_000];
/** The one motherboard voltage sensor, VIO (µV). */
const MB_VOLTAGE = 3_300_000;

export class V2mSysreg implements Device, MmioDevice {
  readonly size = 0x1000;
  readonly regions: Record<string, MmioDevice> = { main: this };
  private leds = 0;
  private lockval = 0;
  private cfgdata1 = 0;
  private cfgdata2 = 0;
  private flags = 0;
  // Kept over a system reset, as in QEMU (its reset handler leaves them alone).
  private nvflags = 0;
  private cfgData = 0;
  private cfgCtrl = 0;
  private cfgStat = 0;
  private mbClock: number[] = [...MB_CLOCKS];
  private dbClock: number[] = [...A9_DB_CLOCKS];

  constructor(readonly name: string, private readonly host: DeviceHost,
    readonly sysId = 0x1190f500, readonly procId0 = 0x0c000191,
    /** SYS_MCI: bit 0 card present, bit 1 write protected (no MMC card on armada's board). */
    readonly mci = 0) {}

  reset(): void {
    this.leds = 0; this.lockval = 0; this.cfgdata1 = 0; this.cfgdata2 = 0; this.flags = 0;
    this.mbClock = [...MB_CLOCKS];
    this.dbClock = [...A9_DB_CLOCKS];
  }

  /** SYS_24MHZ: 24 MHz ticks of virtual time, truncated to 32 bits. */
  private counter24(): number {
    const ns = this.host.clock.now();
    return Number((BigInt(Math.floor(ns)) * 24n / 1000n) & 0xffffffffn);
  }

  read(offset: number, width: Width): number {
    const reg = offset & ~3;
    let v: number;
    switch (reg) {
      case 0x00: v = this.sysId; break;
      case 0x08: v = this.leds; break;
      case 0x20: v = this.lockval; break;
      case 0x28: v = this.cfgdata1; break;
      case 0x2c: v = this.cfgdata2; break;
      case 0x30: v = this.flags; break;
      case 0x38: v = this.nvflags; break;
      case 0x44: v = 1; break;
      case 0x48: v = this.mci; break;
      case 0x5c: v = this.counter24(); break;
      case 0x84: v = this.procId0; break;
      case 0x88: v = 0xff000000; break;
      case 0xa0: v = this.cfgData; break;
      case 0xa4: v = this.cfgCtrl; break;
      case 0xa8: v = this.cfgStat; break;
      case 0x04: case 0x0c: case 0x10: case 0x14: case 0x18: case 0x1c: case 0x24: case 0x40:
      case 0x4c: case 0x50: case 0x54: case 0x58: case 0x60: case 0x64: case 0x68: case 0x6c:
      case 0x70: case 0x74: case 0x80: case 0x8c: case 0x90: case 0x94: case 0x98: case 0x9c:
      case 0xc0: case 0xc4: case 0xc8: case 0xcc: case 0xd0:
        v = 0; break;
      default:
        this.host.guestError(`${this.name}: read at bad offset 0x${reg.toString(16)}`);
        v = 0;
    }
    return narrow(v, offset, width);
  }

  write(offset: number, _width: Width, value: number): void {
    const reg = offset & ~3;
    value >>>= 0;
    switch (reg) {
      case 0x08: this.leds = value; return;
      case 0x20: this.lockval = value === LOCK_VALUE ? value : value & 0x7fff; return;
      case 0x28: this.cfgdata1 = value; return;
      case 0x2c: this.cfgdata2 = value; return;
      case 0x30: this.flags = (this.flags | value) >>> 0; return;
      case 0x34: this.flags = (this.flags & ~value) >>> 0; return;
      case 0x38: this.nvflags = (this.nvflags | value) >>> 0; return;
      case 0x3c: this.nvflags = (this.nvflags & ~value) >>> 0; return;
      case 0xa0: this.cfgData = value; return;
      case 0xa4: this.configRequest(value); return;
      case 0xa8: this.cfgStat = value & 3; return;
      // read-only or reserved registers whose writes QEMU ignores silently
      case 0x0c: case 0x10: case 0x14: case 0x18: case 0x1c: case 0x40: case 0x44: case 0x4c:
      case 0x50: case 0x54: case 0x64: case 0x68: case 0x6c: case 0x70: case 0x74: case 0x80:
      case 0x84: case 0x88: case 0x8c: case 0x90: case 0x94: case 0x98: case 0x9c:
        return;
      default:
        this.host.guestError(`${this.name}: write at bad offset 0x${reg.toString(16)}`);
    }
  }

  /** A SYS_CFGCTRL write: bits 19:18 and the start bit are not stored; start runs the request. */
  private configRequest(value: number): void {
    this.cfgCtrl = (value & ~((3 << 18) | CFGCTRL_START)) >>> 0;
    if (!(value & CFGCTRL_START)) return;
    const c = this.cfgCtrl;
    const dcc = (c >>> 26) & 0xf, fn = (c >>> 20) & 0x3f, site = (c >>> 16) & 3, position = (c >>> 12) & 0xf;
    const device = c & 0xfff;
    this.cfgStat = 1;
    let ok: boolean;
    if (dcc !== 0 || position !== 0 || (site !== SITE_MB && site !== SITE_DB1)) ok = false;
    else if (c & CFGCTRL_WRITE) ok = this.configWrite(fn, site, device, this.cfgData);
    else {
      const v = this.configRead(fn, site, device);
      ok = v !== undefined;
      if (v !== undefined) this.cfgData = v;
    }
    if (!ok) {
      this.cfgStat |= 2;
      this.host.guestError(`${this.name}: unimplemented SYS_CFGCTRL ${c & CFGCTRL_WRITE ? 'write' : 'read'} of function ${fn} ` +
        `DCC ${dcc} site ${site} position ${position} device ${device}`);
    }
  }

  private configRead(fn: number, site: number, device: number): number | undefined {
    if (fn === SYS_CFG_VOLT) {
      if (site === SITE_DB1 && device < A9_DB_VOLTAGES.length) return A9_DB_VOLTAGES[device];
      if (site === SITE_MB && device === 0) return MB_VOLTAGE;
    } else if (fn === SYS_CFG_OSC) {
      if (site === SITE_MB && device < this.mbClock.length) return this.mbClock[device];
      if (site === SITE_DB1 && device < this.dbClock.length) return this.dbClock[device];
    }
    return undefined;
  }

  private configWrite(fn: number, site: number, device: number, value: number): boolean {
    switch (fn) {
      case SYS_CFG_OSC:
        if (site === SITE_MB && device < this.mbClock.length) { this.mbClock[device] = value; return true; }
        if (site === SITE_DB1 && device < this.dbClock.length) { this.dbClock[device] = value; return true; }
        return false;
      case SYS_CFG_MUXFPGA:
        // Which board drives the video output: one display path only, as in QEMU.
        return site === SITE_MB && device === 0;
      case SYS_CFG_SHUTDOWN:
        if (site === SITE_MB && device === 0) { this.host.system.poweroff(); return true; }
        return false;
      case SYS_CFG_REBOOT:
        if (site === SITE_MB && device === 0) { this.host.system.reboot(); return true; }
        return false;
      case SYS_CFG_DVIMODE:
        return site === SITE_MB && device === 0;
      default:
        return false;
    }
  }

  saveState(): DeviceState {
    return {
      leds: this.leds, lockval: this.lockval, cfgdata1: this.cfgdata1, cfgdata2: this.cfgdata2, flags: this.flags,
      nvflags: this.nvflags, cfgData: this.cfgData, cfgCtrl: this.cfgCtrl, cfgStat: this.cfgStat,
      mbClock: [...this.mbClock], dbClock: [...this.dbClock],
    };
  }

  loadState(st: DeviceState): void {
    const s = st as Record<string, number> & { mbClock: number[]; dbClock: number[] };
    this.leds = s['leds']!; this.lockval = s['lockval']!; this.cfgdata1 = s['cfgdata1']!; this.cfgdata2 = s['cfgdata2']!;
    this.flags = s['flags']!; this.nvflags = s['nvflags']!; this.cfgData = s['cfgData']!; this.cfgCtrl = s['cfgCtrl']!;
    this.cfgStat = s['cfgStat']!; this.mbClock = [...s.mbClock]; this.dbClock = [...s.dbClock];
  }
}

registerDevice('v2m-sysreg', (host, params) => {
  const num = (k: string, d: number) => (typeof params[k] === 'number' ? params[k] as number : d);
  return new V2mSysreg(host.name, host, num('sysId', 0x1190f500), num('procId0', 0x0c000191), num('mci', 0));
});

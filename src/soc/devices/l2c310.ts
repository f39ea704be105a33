// ARM CoreLink Level 2 Cache Controller L2C-310 (PL310), registers only, as QEMU 7.2's "l2x0"
// (hw/misc/arm_l2x0.c) for `-M vexpress-a9`: cache ID r3p2, the configuration registers read
// back, and every maintenance operation completes at once (there is no cache, so nothing to
// clean or invalidate; the operation registers at 0x730-0x7ff read as zero = "done").
//
// One QEMU quirk is kept on purpose: reading the Cache Type register ORs the way-size and
// associativity fields derived from the current Auxiliary Control value into a sticky copy,
// so the value only ever gains bits (and a reset does not clear them).

import type { MmioDevice, Width } from '../../armcore/bus.js';
import { registerDevice, type Device, type DeviceState, type RegisterSpec } from '../device.js';

export const L2C310_REGS: readonly RegisterSpec[] = [
  { name: 'reg0_cache_id', offset: 0x000, access: 'ro', reset: 0x410000c8, doc: 'ARM, L2C-310 r3p2' },
  { name: 'reg0_cache_type', offset: 0x004, access: 'ro', reset: 0x1c100100, doc: 'way size and associativity (from aux control)' },
  { name: 'reg1_control', offset: 0x100, access: 'rw', reset: 0, doc: 'bit 0 L2 cache enable' },
  { name: 'reg1_aux_control', offset: 0x104, access: 'rw', reset: 0x02020000, doc: 'auxiliary control' },
  { name: 'reg1_tag_ram_control', offset: 0x108, access: 'rw', reset: 0, doc: 'tag RAM latencies' },
  { name: 'reg1_data_ram_control', offset: 0x10c, access: 'rw', reset: 0, doc: 'data RAM latencies' },
  { name: 'reg7 maintenance', offset: 0x730, access: 'rw', reset: 0, doc: 'cache sync, clean/invalidate by PA/way/index: complete at once' },
  { name: 'reg12_addr_filtering_start', offset: 0xc00, access: 'rw', reset: 0, doc: 'address filtering start' },
  { name: 'reg12_addr_filtering_end', offset: 0xc04, access: 'rw', reset: 0, doc: 'address filtering end' },
  { name: 'reg15_debug_ctrl', offset: 0xf40, access: 'rw', reset: 0, doc: 'RAZ/WI' },
  { name: 'reg15_prefetch_ctrl', offset: 0xf60, access: 'rw', reset: 0, doc: 'RAZ/WI' },
  { name: 'reg15_power_ctrl', offset: 0xf80, access: 'rw', reset: 0, doc: 'RAZ/WI' },
];

const CACHE_ID = 0x410000c8;
const CACHE_TYPE_RESET = 0x1c100100;
const AUX_CONTROL_RESET = 0x02020000;

export class L2c310 implements Device, MmioDevice {
  readonly size = 0x1000;
  readonly regions: Record<string, MmioDevice> = { main: this };
  private cacheType = CACHE_TYPE_RESET;
  private ctrl = 0;
  private auxCtrl = AUX_CONTROL_RESET;
  private tagCtrl = 0;
  private dataCtrl = 0;
  private filterStart = 0;
  private filterEnd = 0;
  private readonly warned = new Set<string>();
  onGuestError: (msg: string) => void = () => {};

  constructor(readonly name: string) {}

  reset(): void {
    this.ctrl = 0; this.auxCtrl = AUX_CONTROL_RESET; this.tagCtrl = 0; this.dataCtrl = 0;
    this.filterStart = 0; this.filterEnd = 0;
  }

  read(offset: number, _width: Width): number {
    if (offset >= 0x730 && offset < 0x800) return 0; // maintenance operations: complete
    switch (offset) {
      case 0x000: return CACHE_ID;
      case 0x004: {
        // associativity (aux bit 16) and way size (aux [19:17]) for both the D and I fields
        const bits = ((this.auxCtrl & (7 << 17)) >>> 15) | ((this.auxCtrl & (1 << 16)) >>> 16);
        this.cacheType = (this.cacheType | (bits << 18) | (bits << 6)) >>> 0;
        return this.cacheType;
      }
      case 0x100: return this.ctrl;
      case 0x104: return this.auxCtrl;
      case 0x108: return this.tagCtrl;
      case 0x10c: return this.dataCtrl;
      case 0xc00: return this.filterStart;
      case 0xc04: return this.filterEnd;
      case 0xf40: case 0xf60: case 0xf80: return 0;
      default:
        this.guestError(`${this.name}: read at bad offset 0x${offset.toString(16)}`);
        return 0;
    }
  }

  write(offset: number, _width: Width, value: number): void {
    value >>>= 0;
    if (offset >= 0x730 && offset < 0x800) return;
    switch (offset) {
      case 0x100: this.ctrl = value & 1; return;
      case 0x104: this.auxCtrl = value; return;
      case 0x108: this.tagCtrl = value; return;
      case 0x10c: this.dataCtrl = value; return;
      case 0xc00: this.filterStart = value; return;
      case 0xc04: this.filterEnd = value; return;
      case 0xf40: case 0xf60: case 0xf80: return;
      default:
        this.guestError(`${this.name}: write at bad offset 0x${offset.toString(16)}`);
    }
  }

  private guestError(msg: string): void {
    if (this.warned.has(msg)) return;
    this.warned.add(msg);
    this.onGuestError(msg);
  }

  saveState(): DeviceState {
    return {
      cacheType: this.cacheType, ctrl: this.ctrl, auxCtrl: this.auxCtrl, tagCtrl: this.tagCtrl,
      dataCtrl: this.dataCtrl, filterStart: this.filterStart, filterEnd: this.filterEnd,
    };
  }

  loadState(s: DeviceState): void {
    this.cacheType = s['cacheType'] as number; this.ctrl = s['ctrl'] as number; this.auxCtrl = s['auxCtrl'] as number;
    this.tagCtrl = s['tagCtrl'] as number; this.dataCtrl = s['dataCtrl'] as number;
    this.filterStart = s['filterStart'] as number; this.filterEnd = s['filterEnd'] as number;
  }
}

registerDevice('l2c-310', host => {
  const d = new L2c310(host.name);
  d.onGuestError = msg => host.guestError(msg);
  return d;
});

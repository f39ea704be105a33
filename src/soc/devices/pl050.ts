// ARM PrimeCell keyboard/mouse interface (PL050 KMI) with the PS/2 device behind it, as QEMU 7.2
// models them (hw/input/pl050.c, hw/input/ps2.c).
//
// One 4 KiB region, one interrupt output. params.kind chooses the PS/2 device: 'keyboard' (an MF2
// keyboard, scan code set 2 by default) or 'mouse' (a PS/2 mouse that also answers the IntelliMouse
// detection sequences). Bytes the guest writes to KMIDATA reach the device at once, and its reply
// is readable straight away (QEMU has no serial timing); the KMI side has no transmit state, so
// KMISTAT always shows TXEMPTY and KMIIR always shows the transmit interrupt.
//
// The PS/2 device's output queue is QEMU's: at most 16 bytes of scan codes or mouse packets, with
// the replies to keyboard commands put in front of them (a reply is read before the keys typed
// while the command was under way; a new command drops replies not yet read).
//
// User input arrives through InputSink: keys as PS/2 set-2 make codes (0xe0xx for extended keys),
// sent as make/break sequences in the scan code set the guest selected (set 1 through the 8042
// translation); mouse motion with dy positive downwards (screen coordinates) and buttons bit 0
// left, bit 1 right, bit 2 middle, as PS/2 packets while reporting is enabled.

import type { MmioDevice, Width } from '../../armcore/bus.js';
import {
  primeCellId, registerDevice, type Device, type DeviceHost, type DeviceState, type InputEvent, type InputSink, type RegisterSpec,
} from '../device.js';
import { narrow } from './lanes.js';

/** PL050 registers (PrimeCell KMI TRM, DDI 0143, table 3-1). */
export const PL050_REGS: readonly RegisterSpec[] = [
  { name: 'KMICR', offset: 0x00, access: 'rw', reset: 0, doc: 'control: TYPE 5, RXINTREN 4, TXINTREN 3, KMIEN 2, FKMID 1, FKMIC 0' },
  { name: 'KMISTAT', offset: 0x04, access: 'ro', reset: 0x43, doc: 'status: TXEMPTY 6, TXBUSY 5, RXFULL 4, RXBUSY 3, RXPARITY 2, KMIC 1, KMID 0' },
  { name: 'KMIDATA', offset: 0x08, access: 'rw', reset: 0, doc: 'read: next received byte; write: byte to the device' },
  { name: 'KMICLKDIV', offset: 0x0c, access: 'rw', reset: 0, doc: 'reference clock divisor' },
  { name: 'KMIIR', offset: 0x10, access: 'ro', reset: 0, doc: 'interrupt status: TXINTR 1, RXINTR 0' },
];

export const PL050_ID = [0x50, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1] as const;

const CR_TXINTREN = 1 << 3, CR_RXINTREN = 1 << 4;
const STAT_TXEMPTY = 1 << 6, STAT_RXFULL = 1 << 4, STAT_RXPARITY = 1 << 2;

/** QEMU's PS/2 queue: a 256-byte ring holding at most 16 bytes of device data. */
const BUFFER_SIZE = 256;
const QUEUE_SIZE = 16;

// Keyboard commands and replies
const KBD_SET_LEDS = 0xed, KBD_ECHO = 0xee, KBD_SCANCODE = 0xf0, KBD_GET_ID = 0xf2, KBD_SET_RATE = 0xf3;
const KBD_ENABLE = 0xf4, KBD_RESET_DISABLE = 0xf5, KBD_RESET_ENABLE = 0xf6, KBD_SET_TYPEMATIC = 0xfa;
const KBD_SET_MAKE_BREAK = 0xfc, KBD_RESET = 0xff;
const REPLY_POR = 0xaa, REPLY_ID = 0xab, REPLY_ACK = 0xfa, REPLY_RESEND = 0xfe;
// Mouse commands
const AUX_SET_SCALE11 = 0xe6, AUX_SET_SCALE21 = 0xe7, AUX_SET_RES = 0xe8, AUX_GET_SCALE = 0xe9;
const AUX_SET_STREAM = 0xea, AUX_POLL = 0xeb, AUX_RESET_WRAP = 0xec, AUX_SET_WRAP = 0xee, AUX_SET_REMOTE = 0xf0;
const AUX_GET_TYPE = 0xf2, AUX_SET_SAMPLE = 0xf3, AUX_ENABLE_DEV = 0xf4, AUX_DISABLE_DEV = 0xf5;
const AUX_SET_DEFAULT = 0xf6, AUX_RESET = 0xff, AUX_ACK = 0xfa;
const MOUSE_STATUS_REMOTE = 0x40, MOUSE_STATUS_ENABLED = 0x20, MOUSE_STATUS_SCALE21 = 0x10;

/**
 * The 8042 controller's translation from scan code set 2 to set 1 (IBM PC AT technical reference),
 * used for a keyboard switched to set 1. Sixteen entries per line, set-2 codes 0x00-0x7f; codes
 * from 0x80 up translate to themselves except 0x83 (F7) -> 0x41 and 0x84 (SysRq) -> 0x54.
 */
const SET2_TO_SET1 = [
  0xff, 0x43, 0x41, 0x3f, 0x3d, 0x3b, 0x3c, 0x58, 0x64, 0x44, 0x42, 0x40, 0x3e, 0x0f, 0x29, 0x59,
  0x65, 0x38, 0x2a, 0x70, 0x1d, 0x10, 0x02, 0x5a, 0x66, 0x71, 0x2c, 0x1f, 0x1e, 0x11, 0x03, 0x5b,
  0x67, 0x2e, 0x2d, 0x20, 0x12, 0x05, 0x04, 0x5c, 0x68, 0x39, 0x2f, 0x21, 0x14, 0x13, 0x06, 0x5d,
  0x69, 0x31, 0x30, 0x23, 0x22, 0x15, 0x07, 0x5e, 0x6a, 0x72, 0x32, 0x24, 0x16, 0x08, 0x09, 0x5f,
  0x6b, 0x33, 0x25, 0x17, 0x18, 0x0b, 0x0a, 0x60, 0x6c, 0x34, 0x35, 0x26, 0x27, 0x19, 0x0c, 0x61,
  0x6d, 0x73, 0x28, 0x74, 0x1a, 0x0d, 0x62, 0x6e, 0x3a, 0x36, 0x1c, 0x1b, 0x75, 0x2b, 0x63, 0x76,
  0x55, 0x56, 0x77, 0x78, 0x79, 0x7a, 0x0e, 0x7b, 0x7c, 0x4f, 0x7d, 0x4b, 0x47, 0x7e, 0x7f, 0x6f,
  0x52, 0x53, 0x50, 0x4c, 0x4d, 0x48, 0x01, 0x45, 0x57, 0x4e, 0x51, 0x4a, 0x37, 0x49, 0x46, 0x54,
];

function set1Code(set2: number): number {
  if (set2 < 0x80) return SET2_TO_SET1[set2]!;
  if (set2 === 0x83) return 0x41;
  if (set2 === 0x84) return 0x54;
  return set2;
}

export interface Pl050State {
  cr: number; clk: number; last: number; pending: number;
  data: number[]; rptr: number; wptr: number; cwptr: number; count: number; writeCmd: number;
  kbd: { scanEnabled: number; scancodeSet: number; ledstate: number };
  mouse: {
    status: number; resolution: number; sampleRate: number; wrap: number; type: number; detect: number;
    dx: number; dy: number; dz: number; buttons: number;
  };
}

export class Pl050 implements Device, MmioDevice, InputSink {
  readonly size = 0x1000;
  readonly regions: Record<string, MmioDevice> = { main: this };
  readonly inputSink: InputSink = this;
  readonly accepts: 'key' | 'mouse';
  // KMI registers
  private cr = 0;
  private clk = 0;
  private last = 0;
  /** The PS/2 device's interrupt request (QEMU's `pending`). */
  private pending = 0;
  // PS/2 device output queue
  private readonly data = new Uint8Array(BUFFER_SIZE);
  private rptr = 0;
  private wptr = 0;
  /** End of the command replies in front of the queue, or -1 when there are none. */
  private cwptr = -1;
  private count = 0;
  /** The command waiting for its parameter byte, or -1. */
  private writeCmd = -1;
  // keyboard
  private scanEnabled = 1;
  private scancodeSet = 2;
  private ledstate = 0;
  // mouse
  private mStatus = 0;
  private mResolution = 0;
  private mSampleRate = 0;
  private mWrap = 0;
  private mType = 0;
  private mDetect = 0;
  private mDx = 0;
  private mDy = 0;
  private mDz = 0;
  private mButtons = 0;

  constructor(readonly name: string, private readonly host: DeviceHost, readonly kind: 'keyboard' | 'mouse') {
    this.accepts = kind === 'keyboard' ? 'key' : 'mouse';
  }

  /** System reset: the PS/2 device resets; the KMI's own registers are left as they are (as QEMU). */
  reset(): void {
    this.writeCmd = -1;
    this.resetQueue();
    if (this.kind === 'keyboard') {
      this.scanEnabled = 1; this.scancodeSet = 2; this.ledstate = 0;
    } else {
      this.mStatus = 0; this.mResolution = 0; this.mSampleRate = 0; this.mWrap = 0; this.mType = 0; this.mDetect = 0;
      this.mDx = 0; this.mDy = 0; this.mDz = 0; this.mButtons = 0;
    }
    this.setPending(0);
  }

  /** Keyboard LED state last set by the guest (bit 0 scroll, 1 num, 2 caps lock). */
  get leds(): number { return this.ledstate; }

  // ---- KMI ----

  private setPending(level: number): void {
    this.pending = level;
    this.update();
  }

  private update(): void {
    this.host.irq(0).set((this.pending !== 0 && (this.cr & CR_RXINTREN) !== 0) || (this.cr & CR_TXINTREN) !== 0);
  }

  read(offset: number, width: Width): number {
    const reg = offset & ~3;
    const id = primeCellId(PL050_ID, reg);
    let v: number;
    if (id !== undefined) v = id;
    else {
      switch (reg) {
        case 0x00: v = this.cr; break;
        case 0x04: {
          let p = this.last;
          p ^= p >> 4; p ^= p >> 2; p = (p ^ (p >> 1)) & 1;
          v = STAT_TXEMPTY | (p ? STAT_RXPARITY : 0) | (this.pending ? STAT_RXFULL : 0);
          break;
        }
        case 0x08:
          if (this.pending) this.last = this.readData();
          v = this.last;
          break;
        case 0x0c: v = this.clk; break;
        case 0x10: v = this.pending | 2; break;
        default:
          this.host.guestError(`${this.name}: read at bad offset 0x${reg.toString(16)}`);
          v = 0;
      }
    }
    return narrow(v, offset, width);
  }

  write(offset: number, _width: Width, value: number): void {
    const reg = offset & ~3;
    value >>>= 0;
    switch (reg) {
      case 0x00: this.cr = value; this.update(); return;
      case 0x08:
        if (this.kind === 'mouse') this.writeMouse(value & 0xff); else this.writeKeyboard(value & 0xff);
        return;
      case 0x0c: this.clk = value; return;
      default:
        this.host.guestError(`${this.name}: write at bad offset 0x${reg.toString(16)}`);
    }
  }

  // ---- PS/2 queue ----

  private resetQueue(): void {
    this.rptr = 0; this.wptr = 0; this.cwptr = -1; this.count = 0;
  }

  private queueNoIrq(b: number): void {
    if (this.count >= QUEUE_SIZE) return;
    this.data[this.wptr] = b;
    this.wptr = (this.wptr + 1) & (BUFFER_SIZE - 1);
    this.count++;
  }

  /** Queue bytes that belong together (a reply, a packet): all of them or none. */
  private queue(...bytes: number[]): void {
    if (QUEUE_SIZE - this.count < bytes.length) return;
    for (const b of bytes) this.queueNoIrq(b);
    this.setPending(1);
  }

  /** Command replies go in front of the data already queued. */
  private cqueue(...bytes: number[]): void {
    this.rptr = (this.rptr - bytes.length) & (BUFFER_SIZE - 1);
    this.cwptr = this.rptr;
    for (const b of bytes) {
      this.data[this.cwptr] = b;
      this.cwptr = (this.cwptr + 1) & (BUFFER_SIZE - 1);
      this.count++;
    }
    this.setPending(1);
  }

  /** Drop the replies to an earlier command that the guest has not read. */
  private cqueueReset(): void {
    if (this.cwptr === -1) return;
    const n = (this.cwptr - this.rptr) & (BUFFER_SIZE - 1);
    this.count -= n;
    this.rptr = this.cwptr;
    this.cwptr = -1;
  }

  private readData(): number {
    if (this.count === 0) {
      // Nothing queued: the last byte again (QEMU does this for old DOS drivers).
      return this.data[(this.rptr - 1) & (BUFFER_SIZE - 1)]!;
    }
    const v = this.data[this.rptr]!;
    this.rptr = (this.rptr + 1) & (BUFFER_SIZE - 1);
    this.count--;
    if (this.rptr === this.cwptr) this.cwptr = -1;
    this.setPending(this.count !== 0 ? 1 : 0);
    return v;
  }

  // ---- keyboard ----

  private resetKeyboard(): void {
    this.scanEnabled = 1;
    this.scancodeSet = 2;
    this.resetQueue();
    this.ledstate = 0;
  }

  private writeKeyboard(val: number): void {
    this.cqueueReset();
    const cmd = this.writeCmd;
    if (cmd === KBD_SET_MAKE_BREAK || cmd === KBD_SET_RATE) {
      this.cqueue(REPLY_ACK);
      this.writeCmd = -1;
      return;
    }
    if (cmd === KBD_SCANCODE) {
      if (val === 0) this.cqueue(REPLY_ACK, this.scancodeSet);
      else if (val >= 1 && val <= 3) { this.scancodeSet = val; this.cqueue(REPLY_ACK); }
      else this.cqueue(REPLY_RESEND);
      this.writeCmd = -1;
      return;
    }
    if (cmd === KBD_SET_LEDS) {
      this.ledstate = val;
      this.cqueue(REPLY_ACK);
      this.writeCmd = -1;
      return;
    }
    switch (val) {
      case 0x00: this.cqueue(REPLY_ACK); break;
      case 0x05: this.cqueue(REPLY_RESEND); break;
      case KBD_GET_ID: this.cqueue(REPLY_ACK, REPLY_ID, 0x83); break; // an MF2 keyboard
      case KBD_ECHO: this.cqueue(KBD_ECHO); break;
      case KBD_ENABLE: this.scanEnabled = 1; this.cqueue(REPLY_ACK); break;
      case KBD_SCANCODE: case KBD_SET_LEDS: case KBD_SET_RATE: case KBD_SET_MAKE_BREAK:
        this.writeCmd = val;
        this.cqueue(REPLY_ACK);
        break;
      case KBD_RESET_DISABLE: this.resetKeyboard(); this.scanEnabled = 0; this.cqueue(REPLY_ACK); break;
      case KBD_RESET_ENABLE: this.resetKeyboard(); this.scanEnabled = 1; this.cqueue(REPLY_ACK); break;
      case KBD_RESET: this.resetKeyboard(); this.cqueue(REPLY_ACK, REPLY_POR); break;
      case KBD_SET_TYPEMATIC: this.cqueue(REPLY_ACK); break;
      default: this.cqueue(REPLY_RESEND); break;
    }
  }

  /** A key event: `code` is the set-2 make code, 0xe0xx for an extended key. */
  private keyEvent(code: number, down: boolean): void {
    if (!this.scanEnabled) return; // QEMU drops keys while scanning is disabled
    const extended = (code & 0xff00) === 0xe000;
    const make = code & 0xff;
    if ((code & ~0xffff) !== 0 || ((code & 0xff00) !== 0 && !extended) || make === 0) {
      this.host.guestError(`${this.name}: key code 0x${code.toString(16)} is not a PS/2 set-2 make code`);
      return;
    }
    if (this.scancodeSet === 2) {
      if (extended) this.queue(0xe0);
      if (!down) this.queue(0xf0);
      this.queue(make);
    } else if (this.scancodeSet === 1) {
      if (extended) this.queue(0xe0);
      this.queue(set1Code(make) | (down ? 0 : 0x80));
    } else {
      this.host.guestError(`${this.name}: scan code set 3 is not supported; key dropped`);
    }
  }

  // ---- mouse ----

  private sendPacket(): boolean {
    const needed = this.mType ? 4 : 3;
    if (QUEUE_SIZE - this.count < needed) return false;
    const dx = Math.max(-127, Math.min(127, this.mDx));
    const dy = Math.max(-127, Math.min(127, this.mDy));
    let dz = this.mDz;
    const b = 0x08 | (dx < 0 ? 0x10 : 0) | (dy < 0 ? 0x20 : 0) | (this.mButtons & 7);
    this.queueNoIrq(b);
    this.queueNoIrq(dx & 0xff);
    this.queueNoIrq(dy & 0xff);
    if (this.mType === 3) {
      dz = Math.max(-127, Math.min(127, dz));
      this.queueNoIrq(dz & 0xff);
      this.mDz -= dz;
    } else if (this.mType === 4) {
      dz = Math.max(-7, Math.min(7, dz));
      this.queueNoIrq((dz & 0x0f) | ((this.mButtons & 0x18) << 1));
      this.mDz -= dz;
    } else {
      this.mDz = 0;
    }
    this.setPending(1);
    this.mDx -= dx;
    this.mDy -= dy;
    return true;
  }

  private mouseEvent(dx: number, dy: number, buttons: number): void {
    if (!(this.mStatus & MOUSE_STATUS_ENABLED)) return;
    this.mDx += Math.trunc(dx);
    this.mDy -= Math.trunc(dy); // PS/2 y grows upwards
    this.mButtons = buttons & 7;
    // QEMU's sync: in stream mode, send packets until the motion is used up or the queue is full.
    if (!(this.mStatus & MOUSE_STATUS_REMOTE)) {
      while (this.sendPacket()) {
        if (this.mDx === 0 && this.mDy === 0 && this.mDz === 0) break;
      }
    }
  }

  private writeMouse(val: number): void {
    const cmd = this.writeCmd;
    if (cmd === AUX_SET_SAMPLE) {
      this.mSampleRate = val;
      // IntelliMouse detection: sample rates 200,100,80 -> type 3; 200,200,80 -> type 4
      switch (this.mDetect) {
        case 1: this.mDetect = val === 100 ? 2 : val === 200 ? 3 : 0; break;
        case 2: if (val === 80) this.mType = 3; this.mDetect = 0; break;
        case 3: if (val === 80) this.mType = 4; this.mDetect = 0; break;
        default: if (val === 200) this.mDetect = 1; break;
      }
      this.queue(AUX_ACK);
      this.writeCmd = -1;
      return;
    }
    if (cmd === AUX_SET_RES) {
      this.mResolution = val;
      this.queue(AUX_ACK);
      this.writeCmd = -1;
      return;
    }
    if (this.mWrap) {
      if (val === AUX_RESET_WRAP) { this.mWrap = 0; this.queue(AUX_ACK); return; }
      if (val !== AUX_RESET) { this.queue(val); return; }
    }
    switch (val) {
      case AUX_SET_SCALE11: this.mStatus &= ~MOUSE_STATUS_SCALE21; this.queue(AUX_ACK); break;
      case AUX_SET_SCALE21: this.mStatus |= MOUSE_STATUS_SCALE21; this.queue(AUX_ACK); break;
      case AUX_SET_STREAM: this.mStatus &= ~MOUSE_STATUS_REMOTE; this.queue(AUX_ACK); break;
      case AUX_SET_WRAP: this.mWrap = 1; this.queue(AUX_ACK); break;
      case AUX_SET_REMOTE: this.mStatus |= MOUSE_STATUS_REMOTE; this.queue(AUX_ACK); break;
      case AUX_GET_TYPE: this.queue(AUX_ACK, this.mType); break;
      case AUX_SET_RES: case AUX_SET_SAMPLE: this.writeCmd = val; this.queue(AUX_ACK); break;
      case AUX_GET_SCALE: this.queue(AUX_ACK, this.mStatus, this.mResolution, this.mSampleRate); break;
      case AUX_POLL: this.queue(AUX_ACK); this.sendPacket(); break;
      case AUX_ENABLE_DEV: this.mStatus |= MOUSE_STATUS_ENABLED; this.queue(AUX_ACK); break;
      case AUX_DISABLE_DEV: this.mStatus &= ~MOUSE_STATUS_ENABLED; this.queue(AUX_ACK); break;
      case AUX_SET_DEFAULT:
        this.mSampleRate = 100; this.mResolution = 2; this.mStatus = 0;
        this.queue(AUX_ACK);
        break;
      case AUX_RESET:
        this.mSampleRate = 100; this.mResolution = 2; this.mStatus = 0; this.mType = 0;
        this.resetQueue();
        this.queue(AUX_ACK, 0xaa, this.mType);
        break;
      default: break; // QEMU ignores other bytes without a reply
    }
  }

  // ---- InputSink ----

  input(ev: InputEvent): void {
    if (ev.kind === 'key') {
      if (this.kind !== 'keyboard') throw new Error(`${this.name} is a mouse; it takes no key events`);
      this.keyEvent(ev.code, ev.down);
    } else {
      if (this.kind !== 'mouse') throw new Error(`${this.name} is a keyboard; it takes no mouse events`);
      this.mouseEvent(ev.dx, ev.dy, ev.buttons);
    }
  }

  saveState(): DeviceState {
    const s: Pl050State = {
      cr: this.cr, clk: this.clk, last: this.last, pending: this.pending,
      data: Array.from(this.data), rptr: this.rptr, wptr: this.wptr, cwptr: this.cwptr, count: this.count, writeCmd: this.writeCmd,
      kbd: { scanEnabled: this.scanEnabled, scancodeSet: this.scancodeSet, ledstate: this.ledstate },
      mouse: {
        status: this.mStatus, resolution: this.mResolution, sampleRate: this.mSampleRate, wrap: this.mWrap, type: this.mType,
        detect: this.mDetect, dx: this.mDx, dy: this.mDy, dz: this.mDz, buttons: this.mButtons,
      },
    };
    return s as unknown as DeviceState;
  }

  loadState(st: DeviceState): void {
    const s = st as unknown as Pl050State;
    this.cr = s.cr; this.clk = s.clk; this.last = s.last; this.pending = s.pending;
    this.data.set(s.data); this.rptr = s.rptr; this.wptr = s.wptr; this.cwptr = s.cwptr; this.count = s.count;
    this.writeCmd = s.writeCmd;
    this.scanEnabled = s.kbd.scanEnabled; this.scancodeSet = s.kbd.scancodeSet; this.ledstate = s.kbd.ledstate;
    const m = s.mouse;
    this.mStatus = m.status; this.mResolution = m.resolution; this.mSampleRate = m.sampleRate; this.mWrap = m.wrap;
    this.mType = m.type; this.mDetect = m.detect; this.mDx = m.dx; this.mDy = m.dy; this.mDz = m.dz; this.mButtons = m.buttons;
    this.update();
  }
}

registerDevice('pl050', (host, params) => {
  const kind = params['kind'];
  if (kind !== 'keyboard' && kind !== 'mouse') {
    throw new Error(`${host.name}: pl050 needs params.kind 'keyboard' or 'mouse' (got ${String(kind)})`);
  }
  return new Pl050(host.name, host, kind);
});

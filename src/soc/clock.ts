// The board's one clock: virtual time, driven by executed guest instructions.
//
// Devices never read host time. They arm named timers on this clock; the board runs the CPU up to
// the next deadline, then fires what is due. Virtual time is a pure function of the instruction
// count plus the time skipped while the CPU idled in WFI, so the same image with the same inputs
// gives the same events at the same instruction counts, run after run (and after a snapshot
// restore: timers are saved by name with their deadlines).
//
// Time is in nanoseconds as a double: exact for integers up to 2^53 ns (104 days).

/** A timer a device owns. Its callback learns how late (in ns) it runs, as mGBA's events do. */
export class Timer {
  /** Absolute virtual time (ns) of the next expiry; Infinity when not armed. */
  deadline = Infinity;
  constructor(readonly clock: VirtualClock, readonly name: string, readonly callback: (lateNs: number) => void) {}
  get armed(): boolean { return this.deadline !== Infinity; }
  /** Expire at absolute virtual time `ns`. */
  armAt(ns: number): void { this.deadline = ns; this.clock.rescan(); }
  /** Expire `ns` from now. */
  armIn(ns: number): void { this.armAt(this.clock.now() + Math.max(0, ns)); }
  cancel(): void { if (this.deadline !== Infinity) { this.deadline = Infinity; this.clock.rescan(); } }
}

export interface ClockState {
  offsetNs: number;
  timers: Record<string, number | null>;
}

export class VirtualClock {
  private readonly timers: Timer[] = [];
  private readonly byName = new Map<string, Timer>();
  /** Earliest deadline over all timers (Infinity when none is armed). */
  private next = Infinity;
  /** Virtual time not accounted for by instructions: WFI skips and restored snapshots. */
  private offsetNs = 0;

  /**
   * @param insns the CPU's executed-instruction count (monotonic)
   * @param nsPerInsn virtual nanoseconds each instruction takes (default 1: 1000 MIPS of virtual time)
   */
  constructor(private readonly insns: () => number, readonly nsPerInsn = 1) {
    if (!(nsPerInsn > 0) || !Number.isFinite(nsPerInsn)) throw new Error(`nsPerInsn must be a positive number, not ${nsPerInsn}`);
  }

  /** Current virtual time in ns. */
  now(): number { return this.offsetNs + this.insns() * this.nsPerInsn; }

  /** Create a timer. Names are unique per board (snapshot restore finds timers by name). */
  timer(name: string, callback: (lateNs: number) => void): Timer {
    if (this.byName.has(name)) throw new Error(`duplicate timer name ${name}`);
    const t = new Timer(this, name, callback);
    this.timers.push(t);
    this.byName.set(name, t);
    return t;
  }

  /** Absolute time of the earliest armed timer, or Infinity. */
  nextDeadline(): number { return this.next; }

  /** Instructions the CPU may run before the next deadline (at least 1; Infinity if none). */
  insnsToNextDeadline(): number {
    if (this.next === Infinity) return Infinity;
    const d = Math.ceil((this.next - this.now()) / this.nsPerInsn);
    return d < 1 ? 1 : d;
  }

  /** Fire every timer whose deadline has passed, earliest first (ties: creation order). */
  runDue(): number {
    let fired = 0;
    for (;;) {
      const now = this.now();
      if (this.next > now) return fired;
      let due: Timer | undefined;
      for (const t of this.timers) if (t.deadline <= now && (due === undefined || t.deadline < due.deadline)) due = t;
      if (!due) { this.rescan(); return fired; }
      const late = now - due.deadline;
      due.deadline = Infinity;
      this.rescan();
      due.callback(late);
      fired++;
      if (fired > 100_000) throw new Error('virtual clock: a timer re-arms itself without time passing');
    }
  }

  /** Move virtual time forward to `ns` without executing instructions (WFI with nothing pending). */
  skipTo(ns: number): void {
    const now = this.now();
    if (ns > now) this.offsetNs += ns - now;
  }

  /** Called when a timer is armed before every other deadline: the board ends the CPU's current
   * run slice, which was sized to the old deadline, so that the new one is not missed. */
  onEarlierDeadline: (() => void) | null = null;

  /** @internal recompute the earliest deadline (timers call this when re-armed). */
  rescan(): void {
    let n = Infinity;
    for (const t of this.timers) if (t.deadline < n) n = t.deadline;
    const earlier = n < this.next;
    this.next = n;
    if (earlier) this.onEarlierDeadline?.();
  }

  saveState(): ClockState {
    const timers: Record<string, number | null> = {};
    for (const t of this.timers) timers[t.name] = t.deadline === Infinity ? null : t.deadline;
    // Stored as "time now" so a restore onto a CPU with a different instruction count lines up.
    return { offsetNs: this.now(), timers };
  }

  loadState(s: ClockState): void {
    this.offsetNs = 0;
    this.offsetNs = s.offsetNs - this.now();
    for (const t of this.timers) {
      if (!(t.name in s.timers)) throw new Error(`snapshot has no state for timer ${t.name}`);
      const d = s.timers[t.name];
      t.deadline = d === null || d === undefined ? Infinity : d;
    }
    this.rescan();
  }
}

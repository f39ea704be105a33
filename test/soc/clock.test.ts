// The virtual clock: time from instruction counts, timers fired in deadline order, idle skips,
// and state that survives a save/restore onto a clock with a different instruction count.
import { describe, it, expect } from 'vitest';
import { VirtualClock } from '../../src/soc/clock.js';

describe('VirtualClock', () => {
  it('derives time from the instruction count and nsPerInsn', () => {
    let insns = 0;
    const c = new VirtualClock(() => insns, 2.5);
    expect(c.now()).toBe(0);
    insns = 1000;
    expect(c.now()).toBe(2500);
    expect(() => new VirtualClock(() => 0, 0)).toThrow(/positive/);
  });

  it('fires due timers earliest first, ties in creation order, and reports lateness', () => {
    let insns = 0;
    const c = new VirtualClock(() => insns);
    const log: string[] = [];
    const a = c.timer('a', late => log.push(`a+${late}`));
    const b = c.timer('b', late => log.push(`b+${late}`));
    const d = c.timer('d', late => log.push(`d+${late}`));
    a.armAt(300); b.armAt(100); d.armAt(300);
    expect(c.nextDeadline()).toBe(100);
    expect(c.insnsToNextDeadline()).toBe(100);
    insns = 99;
    expect(c.runDue()).toBe(0);
    insns = 350;
    expect(c.runDue()).toBe(3);
    expect(log).toEqual(['b+250', 'a+50', 'd+50']);
    expect(c.nextDeadline()).toBe(Infinity);
    expect(c.insnsToNextDeadline()).toBe(Infinity);
  });

  it('lets a callback re-arm its own timer (periodic) without looping forever', () => {
    let insns = 0;
    const c = new VirtualClock(() => insns);
    let n = 0;
    const t = c.timer('tick', () => { n++; t.armAt(t.deadline === Infinity ? (n + 1) * 10 : t.deadline); });
    t.armAt(10);
    insns = 35;
    c.runDue();
    expect(n).toBe(3); // at 10, 20, 30
    expect(t.deadline).toBe(40);
  });

  it('throws on a timer that re-arms in the past forever', () => {
    const c = new VirtualClock(() => 5);
    const t = c.timer('bad', () => t.armAt(0));
    t.armAt(0);
    expect(() => c.runDue()).toThrow(/re-arms itself/);
  });

  it('skips idle time forward only', () => {
    let insns = 10;
    const c = new VirtualClock(() => insns);
    c.skipTo(5);
    expect(c.now()).toBe(10);
    c.skipTo(1000);
    expect(c.now()).toBe(1000);
    insns = 20;
    expect(c.now()).toBe(1010);
  });

  it('rejects duplicate timer names and restores deadlines by name onto another instruction count', () => {
    let insns = 500;
    const c = new VirtualClock(() => insns);
    c.timer('x', () => {}).armAt(900);
    c.timer('y', () => {});
    expect(() => c.timer('x', () => {})).toThrow(/duplicate/);
    c.skipTo(700);
    const saved = JSON.parse(JSON.stringify(c.saveState()));

    let insns2 = 0;
    const c2 = new VirtualClock(() => insns2);
    const x2 = c2.timer('x', () => {});
    const y2 = c2.timer('y', () => {});
    c2.loadState(saved);
    expect(c2.now()).toBe(700);
    expect(x2.deadline).toBe(900);
    expect(y2.armed).toBe(false);
    insns2 = 200;
    expect(c2.insnsToNextDeadline()).toBe(1);
    expect(c2.now()).toBe(900);
    const c3 = new VirtualClock(() => 0);
    expect(() => c3.loadState(saved)).not.toThrow();
    c3.timer('z', () => {});
    expect(() => c3.loadState(saved)).toThrow(/no state for timer z/);
  });
});

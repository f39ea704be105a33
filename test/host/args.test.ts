import { describe, expect, it } from 'vitest';
import { parseArgs, parseAddr, parseCount, parseMiB, parseSeconds, UsageError } from '../../src/cli/args.js';

describe('CLI argument parsing', () => {
  const spec = { memory: { value: true, short: 'm' }, trace: {}, 'load-addr': { value: true } };
  it('takes values as --name V, --name=V, -m V and -mV; keeps what follows -- apart', () => {
    const p = parseArgs(['img', '--load-addr', '0x60000000', '-m', '256', '--trace', '--', 'prog', '--trace'], spec);
    expect(p).toEqual({ opts: { 'load-addr': '0x60000000', memory: '256', trace: true }, positionals: ['img'], rest: ['prog', '--trace'] });
    expect(parseArgs(['--memory=64', '-m32'], spec).opts['memory']).toBe('32');
  });
  it('refuses unknown options, missing values and values given to flags', () => {
    expect(() => parseArgs(['--nope'], spec)).toThrow(UsageError);
    expect(() => parseArgs(['-x'], spec)).toThrow(/unknown option -x/);
    expect(() => parseArgs(['--memory'], spec)).toThrow(/needs a value/);
    expect(() => parseArgs(['--trace=1'], spec)).toThrow(/takes no value/);
  });
  it('parses counts, addresses, sizes and seconds', () => {
    expect(parseCount('n', '1000')).toBe(1000);
    expect(parseCount('n', '5M')).toBe(5_000_000);
    expect(parseCount('n', '0x10')).toBe(16);
    expect(() => parseCount('n', '-1')).toThrow(UsageError);
    expect(parseAddr('a', '0x60010000')).toBe(0x60010000);
    expect(parseAddr('a', '4096')).toBe(4096);
    expect(() => parseAddr('a', '0x100000000')).toThrow(/beyond 32 bits/);
    expect(parseMiB('m', '256')).toBe(256);
    expect(parseMiB('m', '512M')).toBe(512);
    expect(parseMiB('m', '1G')).toBe(1024);
    expect(() => parseMiB('m', '1T')).toThrow(UsageError);
    expect(parseSeconds('t', '0.5')).toBe(0.5);
    expect(() => parseSeconds('t', '0')).toThrow(UsageError);
    expect(() => parseSeconds('t', 'soon')).toThrow(UsageError);
  });
});

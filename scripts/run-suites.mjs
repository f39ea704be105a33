#!/usr/bin/env node
// Runs the unit suite and the QEMU differential suite through vitest, then the differential
// suites again in the two other translation modes, and prints one closing line
// 'N passed, N failed' over every run, so CI and people see the whole count in one place.
//
// The three modes (both tiers must give identical results):
//   default   ARMADA_HOT unset: the closure tier, blocks compiled by the hot tier once they run often
//   hot=force ARMADA_HOT=force: every block compiled by the hot tier on its first run
//   hot=off   ARMADA_HOT=off, with a translation cache of 64 instructions (a handful of blocks),
//             so blocks are evicted and retranslated all the time: the eviction stress test
// The full unit suite runs once (default); the extra modes run only what executes guest code
// against a reference: the QEMU suite and the unit tests that replay firmware against recorded
// QEMU output.
//
// Usage: node scripts/run-suites.mjs [SUITE...]   (names as printed, e.g. unit qemu qemu:hot=off)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Unit tests that run firmware images and compare with QEMU's recorded output. */
const FIRMWARE_UNIT_TESTS = [
  'test/translator/smc-firmware.test.ts',
  'test/soc/snapshot.test.ts',
  'test/armcore/vfp-qemu.test.ts',
];
const QEMU = ['--config', 'vitest.qemu.config.ts'];
const MODES = [
  { tag: '', env: {} },
  { tag: ':hot=force', env: { ARMADA_HOT: 'force' } },
  { tag: ':hot=off', env: { ARMADA_HOT: 'off', ARMADA_TB_CACHE_INSNS: '64' } },
];

const suites = [
  { name: 'unit', args: ['vitest', 'run'], env: {} },
  { name: 'qemu', args: ['vitest', 'run', ...QEMU], env: {} },
];
for (const m of MODES.slice(1)) {
  suites.push({ name: `unit${m.tag}`, args: ['vitest', 'run', ...FIRMWARE_UNIT_TESTS], env: m.env });
  suites.push({ name: `qemu${m.tag}`, args: ['vitest', 'run', ...QEMU], env: m.env });
}
// Debian's kernel and busybox (the Linux kit, fetched with apt-get into ~/.cache/armada-linux) on
// armada and QEMU: a few minutes; skips with a message when the kit cannot be built.
suites.push({ name: 'linux', args: ['vitest', 'run', '--config', 'vitest.linux.config.ts'], env: {} });

const only = process.argv.slice(2);
for (const o of only) {
  if (!suites.some(s => s.name === o)) {
    console.error(`run-suites: unknown suite ${o} (suites: ${suites.map(s => s.name).join(', ')})`);
    process.exit(2);
  }
}
let passed = 0, failed = 0, skipped = 0, bad = false;
const dir = mkdtempSync(join(tmpdir(), 'armada-suites-'));
const perSuite = [];
for (const s of suites) {
  if (only.length && !only.includes(s.name)) continue;
  const out = join(dir, `${s.name.replace(/[^a-z0-9]+/gi, '_')}.json`);
  const envText = Object.entries(s.env).map(([k, v]) => `${k}=${v}`).join(' ');
  console.log(`\n=== ${s.name} suite${envText ? ` (${envText})` : ''} ===`);
  const r = spawnSync('npx', [...s.args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    stdio: 'inherit', env: { ...process.env, ...s.env },
  });
  let report;
  try { report = JSON.parse(readFileSync(out, 'utf8')); } catch { report = null; }
  if (!report) { console.log(`${s.name}: no report (exit ${r.status})`); bad = true; failed++; perSuite.push(`${s.name}: no report`); continue; }
  passed += report.numPassedTests; failed += report.numFailedTests; skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  perSuite.push(`${s.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  if (r.status !== 0) bad = true;
  if (report.numTotalTests === 0) { console.log(`${s.name}: ran no test`); bad = true; }
}
if (perSuite.length > 1) console.log(`\n${perSuite.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(bad || failed ? 1 : 0);

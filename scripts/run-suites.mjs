#!/usr/bin/env node
// Runs the unit suite and the QEMU differential suite through vitest, then prints one closing line
// 'N passed, N failed' over both, so CI and people see the whole count in one place.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const suites = [
  { name: 'unit', args: ['vitest', 'run'] },
  { name: 'qemu', args: ['vitest', 'run', '--config', 'vitest.qemu.config.ts'] },
];
const only = process.argv.slice(2);
let passed = 0, failed = 0, skipped = 0, bad = false;
const dir = mkdtempSync(join(tmpdir(), 'armada-suites-'));
for (const s of suites) {
  if (only.length && !only.includes(s.name)) continue;
  const out = join(dir, `${s.name}.json`);
  console.log(`\n=== ${s.name} suite ===`);
  const r = spawnSync('npx', [...s.args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], { stdio: 'inherit' });
  let report;
  try { report = JSON.parse(readFileSync(out, 'utf8')); } catch { report = null; }
  if (!report) { console.log(`${s.name}: no report (exit ${r.status})`); bad = true; failed++; continue; }
  passed += report.numPassedTests; failed += report.numFailedTests; skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (r.status !== 0) bad = true;
  if (report.numTotalTests === 0) { console.log(`${s.name}: ran no test`); bad = true; }
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(bad || failed ? 1 : 0);

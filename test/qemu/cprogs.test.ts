// Differential test: C programs of the kind users write (test/cprogs: printf, malloc, qsort,
// setjmp, 64-bit arithmetic, switch tables, bitfields, strings, hard-float libm) run on QEMU and
// on armada; stdout and exit status must be identical. QEMU's results must also still be the
// recorded ones in test/cprogs/expected, so the committed images and expectations stay in step.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, qemuVersion, armadaBuilt, runQemu, runArmada, describeRun, QEMU_MISSING_MESSAGE, ARMADA_MISSING_MESSAGE,
} from './qemu.js';

const DIR = join(ROOT, 'test', 'cprogs');
const images = readdirSync(join(DIR, 'images')).filter(f => f.endsWith('.elf')).sort();
const version = qemuVersion();

describe('QEMU differential: C programs (test/cprogs)', () => {
  it('finds the images', () => {
    expect(images.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of images) {
    it(name, async () => {
      if (!version) throw new Error(QEMU_MISSING_MESSAGE);
      if (!armadaBuilt()) throw new Error(ARMADA_MISSING_MESSAGE);
      const image = join(DIR, 'images', name);
      const base = name.replace(/\.elf$/, '');
      const [q, a] = await Promise.all([runQemu(image), runArmada(image)]);
      expect(q.timedOut, `${name}: QEMU timed out`).toBe(false);
      expect(q.stdout, `${name}: QEMU no longer prints the recorded output`).toBe(readFileSync(join(DIR, 'expected', `${base}.stdout`), 'utf8'));
      expect(String(q.status), `${name}: QEMU exit status changed`).toBe(readFileSync(join(DIR, 'expected', `${base}.status`), 'utf8').trim());
      const detail = `${name}: armada ${describeRun(a)}, QEMU ${describeRun(q)}\n--- armada stdout ---\n${a.stdout}\n--- armada stderr ---\n${a.stderr}\n--- QEMU stdout ---\n${q.stdout}`;
      expect(a.stdout, detail).toBe(q.stdout);
      expect(a.status, detail).toBe(q.status);
    });
  }
});

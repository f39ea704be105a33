#!/usr/bin/env node
// risu-style random instruction tester: armada against QEMU.
//   node dist/tools/risu/cli.js [--vfp] --iset A32 --seed 1234 [--seqs 200] [--len 20] [--count 1] [--only N] [--keep]
// --vfp draws VFP instructions only (A32, or T32 with IT blocks: --iset Thumb), see vfp.ts;
// --vector (with --vfp) runs every sequence with short vectors (FPSCR.LEN/STRIDE != 0).
// --count runs that many images with seeds seed, seed+1, ...; --only regenerates one sequence of
// the image exactly as in the full run (for reproducing a mismatch).
import { runRisu, reproduceCommand } from './runner.js';
import type { RisuISet } from './generator.js';

function main(): Promise<number> | number {
  const argv = process.argv.slice(2);
  const opt: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) { console.error(`unexpected argument ${a}`); return 2; }
    const k = a.slice(2);
    if (k === 'keep' || k === 'help' || k === 'quiet' || k === 'vfp' || k === 'vector') { flags.add(k); continue; }
    const v = argv[++i];
    if (v === undefined) { console.error(`--${k} needs a value`); return 2; }
    opt[k] = v;
  }
  if (flags.has('help')) {
    console.log('usage: cli.js [--vfp [--vector]] --iset A32|T16|T32|Thumb --seed N [--seqs 200] [--len 20] [--count 1] [--only N] [--keep]');
    return 0;
  }
  const iset = (opt['iset'] ?? 'A32') as RisuISet;
  if (!['A32', 'T16', 'T32', 'Thumb'].includes(iset)) { console.error(`bad --iset ${iset}`); return 2; }
  const vfp = flags.has('vfp'), vector = flags.has('vector');
  if (vector && !vfp) { console.error('--vector needs --vfp'); return 2; }
  if (vfp && iset === 'T16') { console.error('--vfp needs --iset A32, T32 or Thumb'); return 2; }
  const seed = Number(opt['seed'] ?? Date.now() % 1e9) >>> 0;
  const seqs = Number(opt['seqs'] ?? 200);
  const length = Number(opt['len'] ?? 20);
  const count = Number(opt['count'] ?? 1);
  const only = opt['only'] !== undefined ? Number(opt['only']) : undefined;
  return (async () => {
    let bad = 0, insns = 0, vfpInsns = 0;
    for (let k = 0; k < count; k++) {
      const s = (seed + k) >>> 0;
      const r = await runRisu({ iset, seed: s, seqs, length, only, keep: flags.has('keep'), vfp, vector });
      insns += r.instructions;
      vfpInsns += r.vfpInstructions;
      console.log(`risu${vfp ? ' VFP' : ''} ${iset} seed ${s}: ${r.sequences} sequences, ${r.instructions} instructions` +
        `${vfp ? ` (${r.vfpInstructions} VFP)` : ''}, ` +
        `${r.mismatches.length} mismatching, ${r.errors.length} errors${r.elf ? ` (image ${r.elf})` : ''}`);
      for (const e of r.errors) console.log(`  error: ${e}`);
      for (const m of r.mismatches) console.log('\nMISMATCH ' + m.report + '\n');
      if (r.mismatches.length || r.errors.length) {
        bad++;
        if (!only) console.log(`reproduce the image: ${reproduceCommand(iset, s, seqs, length, undefined, vfp, vector)}`);
      }
    }
    console.log(`total ${insns} random instructions${vfp ? ` (${vfpInsns} VFP)` : ''}, ${bad} failing image(s)`);
    return bad ? 1 : 0;
  })();
}

Promise.resolve(main()).then(code => { process.exitCode = code; });

/* VFPv3 probe: runs every arithmetic operation on deterministic special and pseudo-random operands
 * under every FPSCR configuration (rounding mode x FZ x DN, x AHP for half conversions) and prints,
 * per (operation, configuration), an FNV-1a hash of the results and FPSCR flags. With -DVERBOSE it
 * prints every vector instead. test/armcore/softfloat.test.ts regenerates the same operands. */
#include <stdint.h>

extern uint32_t semihost(uint32_t op, const void *arg);

static char buf[160];
static void puts_(const char *s) { semihost(4, s); }
static char *hex(char *p, uint32_t v) {
  for (int i = 28; i >= 0; i -= 4) *p++ = "0123456789abcdef"[(v >> i) & 15];
  return p;
}
static char *str(char *p, const char *s) { while (*s) *p++ = *s++; return p; }

/* xorshift32, identical in the test */
static uint32_t rs;
static uint32_t rnd(void) { rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5; return rs; }
static uint32_t pick(uint32_t n) { return (uint32_t)(((uint64_t)rnd() * n) >> 32); }

static const uint32_t SPEC_S[] = {
  0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00400000, 0x00800000,
  0x80800000, 0x00800001, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
  0x7fc12345, 0x7f800001, 0xff812345, 0x7fbfffff, 0x3f800000, 0xbf800000, 0x3f800001, 0x3fffffff,
  0x40000000, 0x40400000, 0x4b000000, 0x4b7fffff, 0x4f000000, 0xcf000000, 0x4f800000, 0x4effffff,
  0xcf000001, 0x3f000000, 0x3fc00000, 0x34000000, 0x7f000000, 0x01000000, 0x477fe000, 0x38800000,
};
#define NS (sizeof SPEC_S / sizeof SPEC_S[0])
static const uint32_t SPEC_D[][2] = { /* hi, lo */
  {0, 0}, {0x80000000, 0}, {0, 1}, {0x80000000, 1}, {0x000fffff, 0xffffffff}, {0x800fffff, 0xffffffff},
  {0x00080000, 0}, {0x00100000, 0}, {0x80100000, 0}, {0x00100000, 1}, {0x7fefffff, 0xffffffff},
  {0xffefffff, 0xffffffff}, {0x7ff00000, 0}, {0xfff00000, 0}, {0x7ff80000, 0}, {0xfff80000, 0},
  {0x7ff81234, 0x56789abc}, {0x7ff00000, 1}, {0xfff01234, 0x5678}, {0x7ff7ffff, 0xffffffff},
  {0x3ff00000, 0}, {0xbff00000, 0}, {0x3ff00000, 1}, {0x3fffffff, 0xffffffff}, {0x40000000, 0},
  {0x40080000, 0}, {0x43300000, 0}, {0x433fffff, 0xffffffff}, {0x41e00000, 0}, {0xc1e00000, 0},
  {0x41f00000, 0}, {0x41dfffff, 0xffc00000}, {0xc1e00000, 0x00200000}, {0x3fe00000, 0},
  {0x3ff80000, 0}, {0x3cb00000, 0}, {0x7fe00000, 0}, {0x00200000, 0}, {0x47efffff, 0xe0000000},
  {0x36a00000, 0}, {0x41efffff, 0xffe00000}, {0x380fffff, 0xe0000000},
};
#define ND (sizeof SPEC_D / sizeof SPEC_D[0])
static const uint32_t SPEC_I[] = {
  0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0x80000001, 0x7fffffc0, 0x7fffffbf, 0x00ffffff, 0x01000001,
  0x01000003, 3, 0x0000ffff, 0x00008000, 0x00007fff, 0xffff8000, 0x12345678, 0xffffff80, 0xfffffe01,
  0x7ffffe00, 0x7fffff80, 0xffffff00, 0x00010000, 0x0001ffff,
};
#define NI (sizeof SPEC_I / sizeof SPEC_I[0])
static const uint32_t SPEC_H[] = {
  0x0000, 0x8000, 0x0001, 0x03ff, 0x0400, 0x7bff, 0x7c00, 0xfc00, 0x7e00, 0x7c01, 0x7d55, 0xfe01,
  0x3c00, 0x3c01, 0xbc00, 0x7fff, 0x0200, 0x8001, 0xfbff, 0x3555,
};
#define NH (sizeof SPEC_H / sizeof SPEC_H[0])

static uint32_t gen_s(void) {
  uint32_t r = rnd(), m = rnd(), sign = r & 0x80000000u, e, k = (r >> 16) & 31;
  switch ((r >> 8) & 7) {
  case 0: return m;
  case 1: return SPEC_S[pick(NS)];
  case 2: return sign | (((r >> 12) & 3) << 23) | (m & 0x7fffff);
  case 3: return sign | ((0xfb + ((r >> 12) & 3)) << 23) | (m & 0x7fffff);
  case 4: e = 1 + pick(254); return sign | (e << 23) | (((r & 0x10000) ? (m | ((1u << k) - 1)) : (m & ~((1u << k) - 1))) & 0x7fffff);
  case 5: return sign | ((0x7c + ((r >> 12) & 7)) << 23) | (m & 0x7fffff);
  case 6: return sign | ((0x9b + ((r >> 12) & 7)) << 23) | (m & 0x7fffff);
  default: e = 1 + pick(254); return sign | (e << 23) | (m & 0x7fffff);
  }
}
static void gen_d(uint32_t *w) { /* w[0] = lo, w[1] = hi */
  uint32_t r = rnd(), m = rnd(), l = rnd(), sign = r & 0x80000000u, e, k = (r >> 16) & 31;
  switch ((r >> 8) & 7) {
  case 0: w[0] = l; w[1] = m; return;
  case 1: e = pick(ND); w[0] = SPEC_D[e][1]; w[1] = SPEC_D[e][0]; return;
  case 2: w[1] = sign | (((r >> 12) & 3) << 20) | (m & 0xfffff); w[0] = l; return;
  case 3: w[1] = sign | ((0x7fb + ((r >> 12) & 3)) << 20) | (m & 0xfffff); w[0] = l; return;
  case 4: e = 1 + pick(2046); w[1] = sign | (e << 20) | (m & 0xfffff);
    w[0] = (r & 0x10000) ? (l | ((1u << k) - 1)) : (l & ~((1u << k) - 1)); return;
  case 5: w[1] = sign | ((0x3fc + ((r >> 12) & 7)) << 20) | (m & 0xfffff); w[0] = l; return;
  case 6: w[1] = sign | ((0x41b + ((r >> 12) & 7)) << 20) | (m & 0xfffff); w[0] = (r & 0x20000) ? l : l & 0xfff00000u; return;
  default: e = 1 + pick(2046); w[1] = sign | (e << 20) | (m & 0xfffff); w[0] = l; return;
  }
}
static uint32_t gen_i(void) {
  uint32_t r = rnd(), m = rnd();
  switch ((r >> 8) & 3) {
  case 0: return m;
  case 1: return SPEC_I[pick(NI)];
  case 2: return m >> (r & 31);
  default: return (uint32_t)-(int32_t)(m >> (r & 31));
  }
}
static uint32_t gen_h1(void) {
  uint32_t r = rnd();
  return (r & 0x100) ? SPEC_H[pick(NH)] : (rnd() & 0xffff);
}

/* ---- operations: in[] = a.lo a.hi b.lo b.hi c.lo c.hi, out[] = lo hi ---- */
typedef void opfn(const uint32_t *in, uint32_t *out);
#define S2(name, insn) static void name(const uint32_t *in, uint32_t *out) { uint32_t r; \
  asm volatile("vmov s2, %1\n\tvmov s4, %2\n\t" insn " s0, s2, s4\n\tvmov %0, s0" : "=r"(r) : "r"(in[0]), "r"(in[2]) : "s0", "s2", "s4"); out[0] = r; }
#define S3(name, insn) static void name(const uint32_t *in, uint32_t *out) { uint32_t r; \
  asm volatile("vmov s0, %1\n\tvmov s2, %2\n\tvmov s4, %3\n\t" insn " s0, s2, s4\n\tvmov %0, s0" : "=r"(r) : "r"(in[0]), "r"(in[2]), "r"(in[4]) : "s0", "s2", "s4"); out[0] = r; }
#define SC(name, insn) static void name(const uint32_t *in, uint32_t *out) { uint32_t r; \
  asm volatile("vmov s0, %3\n\tvmov s2, %1\n\tvmov s4, %2\n\t" insn " s2, s4\n\tvmov %0, s0" : "=r"(r) : "r"(in[0]), "r"(in[2]), "r"(0x12345678) : "s0", "s2", "s4"); out[0] = r; }
#define S1(name, insn) static void name(const uint32_t *in, uint32_t *out) { uint32_t r; \
  asm volatile("vmov s0, %2\n\tvmov s2, %1\n\t" insn "\n\tvmov %0, s0" : "=r"(r) : "r"(in[0]), "r"(0x12345678) : "s0", "s2"); out[0] = r; }
#define SD(name, insn) static void name(const uint32_t *in, uint32_t *out) { uint32_t lo, hi; \
  asm volatile("vmov s2, %2\n\t" insn " d0, s2\n\tvmov %0, %1, d0" : "=r"(lo), "=r"(hi) : "r"(in[0]) : "s0", "s1", "s2"); out[0] = lo; out[1] = hi; }
#define D2(name, insn) static void name(const uint32_t *in, uint32_t *out) { uint32_t lo, hi; \
  asm volatile("vmov d1, %2, %3\n\tvmov d2, %4, %5\n\t" insn " d0, d1, d2\n\tvmov %0, %1, d0" : "=r"(lo), "=r"(hi) : "r"(in[0]), "r"(in[1]), "r"(in[2]), "r"(in[3]) : "s0", "s1", "s2", "s3", "s4", "s5"); out[0] = lo; out[1] = hi; }
#define D3(name, insn) static void name(const uint32_t *in, uint32_t *out) { uint32_t lo, hi; \
  asm volatile("vmov d0, %2, %3\n\tvmov d1, %4, %5\n\tvmov d2, %6, %7\n\t" insn " d0, d1, d2\n\tvmov %0, %1, d0" : "=r"(lo), "=r"(hi) : "r"(in[0]), "r"(in[1]), "r"(in[2]), "r"(in[3]), "r"(in[4]), "r"(in[5]) : "s0", "s1", "s2", "s3", "s4", "s5"); out[0] = lo; out[1] = hi; }
#define D1(name, insn) static void name(const uint32_t *in, uint32_t *out) { uint32_t lo, hi; \
  asm volatile("vmov d1, %2, %3\n\t" insn "\n\tvmov %0, %1, d0" : "=r"(lo), "=r"(hi) : "r"(in[0]), "r"(in[1]) : "s0", "s1", "s2", "s3"); out[0] = lo; out[1] = hi; }
#define DS(name, insn) static void name(const uint32_t *in, uint32_t *out) { uint32_t r; \
  asm volatile("vmov d1, %1, %2\n\t" insn " s0, d1\n\tvmov %0, s0" : "=r"(r) : "r"(in[0]), "r"(in[1]) : "s0", "s2", "s3"); out[0] = r; }
#define DX(name, insn) static void name(const uint32_t *in, uint32_t *out) { uint32_t lo, hi; \
  asm volatile("vmov d0, %2, %3\n\t" insn "\n\tvmov %0, %1, d0" : "=r"(lo), "=r"(hi) : "r"(in[0]), "r"(in[1]) : "s0", "s1"); out[0] = lo; out[1] = hi; }

S2(adds, "vadd.f32") S2(subs, "vsub.f32") S2(muls, "vmul.f32") S2(divs, "vdiv.f32") S2(nmuls, "vnmul.f32")
S3(mlas, "vmla.f32") S3(mlss, "vmls.f32") S3(nmlas, "vnmla.f32") S3(nmlss, "vnmls.f32")
S1(sqrts, "vsqrt.f32 s0, s2") S1(abss, "vabs.f32 s0, s2") S1(negs, "vneg.f32 s0, s2")
SC(cmps, "vcmp.f32") SC(cmpes, "vcmpe.f32")
S1(cmpzs, "vcmp.f32 s2, #0") S1(cmpezs, "vcmpe.f32 s2, #0")
S1(tosizs, "vcvt.s32.f32 s0, s2") S1(tosis, "vcvtr.s32.f32 s0, s2")
S1(touizs, "vcvt.u32.f32 s0, s2") S1(touis, "vcvtr.u32.f32 s0, s2")
S1(sitos, "vcvt.f32.s32 s0, s2") S1(uitos, "vcvt.f32.u32 s0, s2")
S1(tosl1s, "vmov s0, s2\n\tvcvt.s32.f32 s0, s0, #1") S1(tosl16s, "vmov s0, s2\n\tvcvt.s32.f32 s0, s0, #16")
S1(tosl32s, "vmov s0, s2\n\tvcvt.s32.f32 s0, s0, #32") S1(toul1s, "vmov s0, s2\n\tvcvt.u32.f32 s0, s0, #1")
S1(toul32s, "vmov s0, s2\n\tvcvt.u32.f32 s0, s0, #32") S1(tosh0s, "vmov s0, s2\n\tvcvt.s16.f32 s0, s0, #0")
S1(tosh8s, "vmov s0, s2\n\tvcvt.s16.f32 s0, s0, #8") S1(touh16s, "vmov s0, s2\n\tvcvt.u16.f32 s0, s0, #16")
S1(touh0s, "vmov s0, s2\n\tvcvt.u16.f32 s0, s0, #0")
S1(sl1tos, "vmov s0, s2\n\tvcvt.f32.s32 s0, s0, #1") S1(sl32tos, "vmov s0, s2\n\tvcvt.f32.s32 s0, s0, #32")
S1(ul16tos, "vmov s0, s2\n\tvcvt.f32.u32 s0, s0, #16") S1(sh8tos, "vmov s0, s2\n\tvcvt.f32.s16 s0, s0, #8")
S1(uh16tos, "vmov s0, s2\n\tvcvt.f32.u16 s0, s0, #16") S1(sh0tos, "vmov s0, s2\n\tvcvt.f32.s16 s0, s0, #0")
S1(cvtbhs, "vcvtb.f16.f32 s0, s2") S1(cvtths, "vcvtt.f16.f32 s0, s2")
S1(cvtbsh, "vcvtb.f32.f16 s0, s2") S1(cvttsh, "vcvtt.f32.f16 s0, s2")
SD(cvtds, "vcvt.f64.f32") SD(sitod, "vcvt.f64.s32") SD(uitod, "vcvt.f64.u32")
D2(addd, "vadd.f64") D2(subd, "vsub.f64") D2(muld, "vmul.f64") D2(divd, "vdiv.f64") D2(nmuld, "vnmul.f64")
D3(mlad, "vmla.f64") D3(mlsd, "vmls.f64") D3(nmlad, "vnmla.f64") D3(nmlsd, "vnmls.f64")
D1(sqrtd, "vsqrt.f64 d0, d1") D1(absd, "vabs.f64 d0, d1") D1(negd, "vneg.f64 d0, d1")
D2(cmpd, "vmov.f64 d0, d1\n\tvcmp.f64 d1, d2\n\t@") D2(cmped, "vmov.f64 d0, d1\n\tvcmpe.f64 d1, d2\n\t@")
D1(cmpzd, "vcmp.f64 d1, #0\n\tvmov.f64 d0, d1") D1(cmpezd, "vcmpe.f64 d1, #0\n\tvmov.f64 d0, d1")
DS(cvtsd, "vcvt.f32.f64") DS(tosizd, "vcvt.s32.f64") DS(tosid, "vcvtr.s32.f64")
DS(touizd, "vcvt.u32.f64") DS(touid, "vcvtr.u32.f64")
DX(tosl1d, "vcvt.s32.f64 d0, d0, #1") DX(tosl32d, "vcvt.s32.f64 d0, d0, #32")
DX(toul16d, "vcvt.u32.f64 d0, d0, #16") DX(tosh8d, "vcvt.s16.f64 d0, d0, #8")
DX(touh16d, "vcvt.u16.f64 d0, d0, #16")
DX(sl16tod, "vcvt.f64.s32 d0, d0, #16") DX(ul32tod, "vcvt.f64.u32 d0, d0, #32")
DX(sh8tod, "vcvt.f64.s16 d0, d0, #8") DX(uh1tod, "vcvt.f64.u16 d0, d0, #1")

/* operand kinds: s = f32, d = f64, i = int32 word, h = two halves, x = 64-bit word pair from ints */
typedef struct { const char *name; opfn *fn; const char *kinds; int halfcfg; } op_t;
static const op_t OPS[] = {
  {"adds", adds, "ss"}, {"subs", subs, "ss"}, {"muls", muls, "ss"}, {"divs", divs, "ss"},
  {"nmuls", nmuls, "ss"}, {"mlas", mlas, "sss"}, {"mlss", mlss, "sss"}, {"nmlas", nmlas, "sss"},
  {"nmlss", nmlss, "sss"}, {"sqrts", sqrts, "s"}, {"abss", abss, "s"}, {"negs", negs, "s"},
  {"cmps", cmps, "ss"}, {"cmpes", cmpes, "ss"}, {"cmpzs", cmpzs, "s"}, {"cmpezs", cmpezs, "s"},
  {"tosizs", tosizs, "s"}, {"tosis", tosis, "s"}, {"touizs", touizs, "s"}, {"touis", touis, "s"},
  {"sitos", sitos, "i"}, {"uitos", uitos, "i"},
  {"tosl1s", tosl1s, "s"}, {"tosl16s", tosl16s, "s"}, {"tosl32s", tosl32s, "s"}, {"toul1s", toul1s, "s"},
  {"toul32s", toul32s, "s"}, {"tosh0s", tosh0s, "s"}, {"tosh8s", tosh8s, "s"}, {"touh16s", touh16s, "s"},
  {"touh0s", touh0s, "s"},
  {"sl1tos", sl1tos, "i"}, {"sl32tos", sl32tos, "i"}, {"ul16tos", ul16tos, "i"}, {"sh8tos", sh8tos, "i"},
  {"uh16tos", uh16tos, "i"}, {"sh0tos", sh0tos, "i"},
  {"cvtbhs", cvtbhs, "s", 1}, {"cvtths", cvtths, "s", 1}, {"cvtbsh", cvtbsh, "h", 1}, {"cvttsh", cvttsh, "h", 1},
  {"cvtds", cvtds, "s"}, {"sitod", sitod, "i"}, {"uitod", uitod, "i"},
  {"addd", addd, "dd"}, {"subd", subd, "dd"}, {"muld", muld, "dd"}, {"divd", divd, "dd"},
  {"nmuld", nmuld, "dd"}, {"mlad", mlad, "ddd"}, {"mlsd", mlsd, "ddd"}, {"nmlad", nmlad, "ddd"},
  {"nmlsd", nmlsd, "ddd"}, {"sqrtd", sqrtd, "d"}, {"absd", absd, "d"}, {"negd", negd, "d"},
  {"cmpd", cmpd, "dd"}, {"cmped", cmped, "dd"}, {"cmpzd", cmpzd, "d"}, {"cmpezd", cmpezd, "d"},
  {"cvtsd", cvtsd, "d"}, {"tosizd", tosizd, "d"}, {"tosid", tosid, "d"}, {"touizd", touizd, "d"},
  {"touid", touid, "d"},
  {"tosl1d", tosl1d, "d"}, {"tosl32d", tosl32d, "d"}, {"toul16d", toul16d, "d"}, {"tosh8d", tosh8d, "d"},
  {"touh16d", touh16d, "d"},
  {"sl16tod", sl16tod, "x"}, {"ul32tod", ul32tod, "x"}, {"sh8tod", sh8tod, "x"}, {"uh1tod", uh1tod, "x"},
};
#define NOPS (sizeof OPS / sizeof OPS[0])
#define NRAND 1200

static uint32_t vin[6];
/* vector number j of an operation; returns 0 when there are no more */
static int vector(const op_t *op, uint32_t j) {
  int n = 0; const char *k = op->kinds;
  while (k[n]) n++;
  uint32_t nspec = k[0] == 's' ? NS : k[0] == 'd' ? ND : k[0] == 'i' || k[0] == 'x' ? NI : NH;
  uint32_t grid = n == 1 ? nspec : n == 2 ? nspec * nspec : 0;
  if (j < grid) {
    uint32_t ix[2] = { n == 1 ? j : j / nspec, j % nspec };
    for (int i = 0; i < n; i++) {
      uint32_t s = ix[i];
      switch (k[i]) {
      case 's': vin[2 * i] = SPEC_S[s]; vin[2 * i + 1] = 0; break;
      case 'd': vin[2 * i] = SPEC_D[s][1]; vin[2 * i + 1] = SPEC_D[s][0]; break;
      case 'i': vin[2 * i] = SPEC_I[s]; vin[2 * i + 1] = 0; break;
      case 'x': vin[2 * i] = SPEC_I[s]; vin[2 * i + 1] = SPEC_I[NI - 1 - s]; break;
      case 'h': vin[2 * i] = SPEC_H[s] | (SPEC_H[NH - 1 - s] << 16); vin[2 * i + 1] = 0; break;
      }
    }
    return 1;
  }
  if (j >= grid + NRAND) return 0;
  for (int i = 0; i < n; i++) {
    switch (k[i]) {
    case 's':
      if (i > 0 && (rnd() & 3) == 0) {
        uint32_t a = vin[0], r = rnd(), d = r & 31;
        uint32_t e = (a >> 23) & 0xff; e = (r & 0x20) ? e + d : e - d; if (e > 0xff) e = (r & 0x20) ? 0xfe : 0;
        vin[2 * i] = ((a ^ r) & 0x80000000u) | ((e & 0xff) << 23) | (rnd() & 0x7fffff);
      } else vin[2 * i] = gen_s();
      vin[2 * i + 1] = 0; break;
    case 'd':
      if (i > 0 && (rnd() & 3) == 0) {
        uint32_t a = vin[1], r = rnd(), d = r & 63;
        uint32_t e = (a >> 20) & 0x7ff; e = (r & 0x40) ? e + d : e - d; if (e > 0x7ff) e = (r & 0x40) ? 0x7fe : 0;
        vin[2 * i + 1] = ((a ^ r) & 0x80000000u) | ((e & 0x7ff) << 20) | (rnd() & 0xfffff);
        vin[2 * i] = rnd();
      } else gen_d(&vin[2 * i]);
      break;
    case 'i': vin[2 * i] = gen_i(); vin[2 * i + 1] = 0; break;
    case 'x': vin[2 * i] = gen_i(); vin[2 * i + 1] = rnd(); break;
    case 'h': vin[2 * i] = gen_h1() | (gen_h1() << 16); vin[2 * i + 1] = 0; break;
    }
  }
  return 1;
}

static uint32_t fnv(uint32_t h, uint32_t w) {
  for (int i = 0; i < 4; i++) { h ^= (w >> (8 * i)) & 0xff; h *= 16777619u; }
  return h;
}

int main(void) {
  uint32_t out[2];
  for (uint32_t o = 0; o < NOPS; o++) {
    const op_t *op = &OPS[o];
    uint32_t ncfg = op->halfcfg ? 32 : 16;
    for (uint32_t cfg = 0; cfg < ncfg; cfg++) {
      uint32_t fpscr = (cfg & 3) << 22 | ((cfg >> 2) & 1) << 24 | ((cfg >> 3) & 1) << 25 | ((cfg >> 4) & 1) << 26;
      uint32_t h = 2166136261u;
      uint32_t seed = 0x9e3779b9u;
      for (const char *p = op->name; *p; p++) seed = (seed ^ (uint8_t)*p) * 16777619u;
      rs = seed | 1;
      uint32_t j = 0;
      for (; vector(op, j); j++) {
        uint32_t f;
        out[0] = out[1] = 0;
        asm volatile("vmsr fpscr, %0" :: "r"(fpscr));
        op->fn(vin, out);
        asm volatile("vmrs %0, fpscr" : "=r"(f));
        f &= 0xf000009fu;
        h = fnv(fnv(fnv(h, out[0]), out[1]), f);
#ifdef VERBOSE
        char *p = str(buf, op->name); *p++ = ' '; p = hex(p, cfg); *p++ = ' ';
        for (int i = 0; i < 6; i++) { p = hex(p, vin[i]); *p++ = ' '; }
        p = hex(p, out[0]); *p++ = ' '; p = hex(p, out[1]); *p++ = ' '; p = hex(p, f); *p++ = '\n'; *p = 0;
        puts_(buf);
#endif
      }
      char *p = str(buf, op->name); *p++ = ' '; p = hex(p, cfg); *p++ = ' '; p = hex(p, j); *p++ = ' ';
      p = hex(p, h); *p++ = '\n'; *p = 0;
#ifndef VERBOSE
      puts_(buf);
#endif
    }
  }
  return 0;
}

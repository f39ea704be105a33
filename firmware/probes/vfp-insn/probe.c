/* VFP instruction probe: runs each VFPv3 instruction form (A32 with -marm, T32 with -mthumb) on a
 * few operands under two FPSCR settings and prints "tag word word ..." lines (hex) through
 * semihosting. armada must print the same text (test/armcore/vfp-qemu.test.ts). */
#include <stdint.h>

extern uint32_t semihost(uint32_t op, const void *arg);
volatile uint32_t undcnt, abtcnt;

static char buf[256];
static char *hex(char *p, uint32_t v) {
  for (int i = 28; i >= 0; i -= 4) *p++ = "0123456789abcdef"[(v >> i) & 15];
  return p;
}
static void out(const char *tag, int n, const uint32_t *v) {
  char *p = buf;
  while (*tag) *p++ = *tag++;
  for (int i = 0; i < n; i++) { *p++ = ' '; p = hex(p, v[i]); }
  *p++ = '\n'; *p = 0;
  semihost(4, buf);
}
static uint32_t getfpscr(void) { uint32_t v; __asm__ volatile("vmrs %0, fpscr" : "=r"(v)); return v; }
static void setfpscr(uint32_t v) { __asm__ volatile("vmsr fpscr, %0" :: "r"(v)); }

static const uint32_t VS[] = { 0x3f800000, 0xc0200000, 0x7f7fffff, 0x00000001, 0x7fa00000, 0x80000000, 0x4f000001 };
#define NVS (sizeof VS / sizeof VS[0])
static const uint32_t VD[][2] = { {0x3ff00000, 0}, {0xc0040000, 1}, {0x7fefffff, 0xffffffff}, {0, 1},
  {0x7ff40000, 0}, {0x80000000, 0}, {0x41e00000, 0x00100000} };
#define NVD (sizeof VD / sizeof VD[0])
static const uint32_t MODES[] = { 0, 0x03c00000, 0x00400000 };
#define NM (sizeof MODES / sizeof MODES[0])

#define OP3S(tag, insn) \
  for (unsigned m = 0; m < NM; m++) for (unsigned i = 0; i < NVS; i++) for (unsigned j = 0; j < NVS; j++) { \
    uint32_t v[2]; setfpscr(MODES[m]); \
    __asm__ volatile("vmov s20, %1\n vmov s11, %2\n vmov s31, %3\n " insn " s31, s20, s11\n vmov %0, s31" \
      : "=r"(v[0]) : "r"(VS[i]), "r"(VS[j]), "r"(VS[(i + j) % NVS]) : "s20", "s11", "s31"); \
    v[1] = getfpscr(); out(tag, 2, v); }
#define OP3D(tag, insn) \
  for (unsigned m = 0; m < NM; m++) for (unsigned i = 0; i < NVD; i++) for (unsigned j = 0; j < NVD; j++) { \
    uint32_t v[3]; unsigned k = (i + j) % NVD; setfpscr(MODES[m]); \
    __asm__ volatile("vmov d17, %3, %2\n vmov d2, %5, %4\n vmov d30, %7, %6\n " insn " d30, d17, d2\n vmov %0, %1, d30" \
      : "=&r"(v[0]), "=&r"(v[1]) : "r"(VD[i][0]), "r"(VD[i][1]), "r"(VD[j][0]), "r"(VD[j][1]), "r"(VD[k][0]), "r"(VD[k][1]) \
      : "d17", "d2", "d30"); \
    v[2] = getfpscr(); out(tag, 3, v); }
#define OP2S(tag, insn) \
  for (unsigned m = 0; m < NM; m++) for (unsigned i = 0; i < NVS; i++) { \
    uint32_t v[2]; setfpscr(MODES[m]); \
    __asm__ volatile("vmov s7, %1\n vmov s30, %2\n " insn "\n vmov %0, s30" : "=r"(v[0]) : "r"(VS[i]), "r"(0x12345678) : "s7", "s30"); \
    v[1] = getfpscr(); out(tag, 2, v); }
/* insn reads d5 (or s7 for S sources) and writes d16 (or s30) */
#define OP2D(tag, insn) \
  for (unsigned m = 0; m < NM; m++) for (unsigned i = 0; i < NVD; i++) { \
    uint32_t v[3]; setfpscr(MODES[m]); \
    __asm__ volatile("vmov d5, %3, %2\n vmov d16, %4, %4\n vmov s7, %2\n vmov s30, %4\n " insn "\n vmov %0, %1, d16" \
      : "=&r"(v[0]), "=&r"(v[1]) : "r"(VD[i][0]), "r"(VD[i][1]), "r"(0x12345678) : "d5", "d16", "s7", "s30"); \
    v[2] = getfpscr(); out(tag, 3, v); }
#define OP2SX(tag, insn) /* S result, D source d5 */ \
  for (unsigned m = 0; m < NM; m++) for (unsigned i = 0; i < NVD; i++) { \
    uint32_t v[2]; setfpscr(MODES[m]); \
    __asm__ volatile("vmov d5, %2, %1\n vmov s30, %3\n " insn "\n vmov %0, s30" \
      : "=r"(v[0]) : "r"(VD[i][0]), "r"(VD[i][1]), "r"(0x12345678) : "d5", "s30"); \
    v[1] = getfpscr(); out(tag, 2, v); }

static const uint32_t VI[] = { 0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0x00012345, 0xffff8001, 0x3f800000 };
#define NVI (sizeof VI / sizeof VI[0])
#define CVTI(tag, insn) /* S source s7 (integer bits), result s30 or d16 */ \
  for (unsigned m = 0; m < NM; m++) for (unsigned i = 0; i < NVI; i++) { \
    uint32_t v[3]; setfpscr(MODES[m]); \
    __asm__ volatile("vmov s7, %2\n vmov d16, %3, %3\n vmov s30, %3\n " insn "\n vmov %0, %1, d16\n" \
      : "=&r"(v[0]), "=&r"(v[1]) : "r"(VI[i]), "r"(0x12345678) : "d16", "s7", "s30"); \
    uint32_t s30; __asm__ volatile("vmov %0, s30" : "=r"(s30)); v[2] = s30; \
    uint32_t w[4] = { v[0], v[1], v[2], getfpscr() }; out(tag, 4, w); }
#define FIX_S(tag, insn) /* in place on s30 */ \
  for (unsigned m = 0; m < NM; m++) for (unsigned i = 0; i < NVS + NVI; i++) { \
    uint32_t v[2], x = i < NVS ? VS[i] : VI[i - NVS]; setfpscr(MODES[m]); \
    __asm__ volatile("vmov s30, %1\n " insn "\n vmov %0, s30" : "=r"(v[0]) : "r"(x) : "s30"); \
    v[1] = getfpscr(); out(tag, 2, v); }
#define FIX_D(tag, insn) /* in place on d16 */ \
  for (unsigned m = 0; m < NM; m++) for (unsigned i = 0; i < NVD + NVI; i++) { \
    uint32_t v[3], hi = i < NVD ? VD[i][0] : 0x5555aaaa, lo = i < NVD ? VD[i][1] : VI[i - NVD]; setfpscr(MODES[m]); \
    __asm__ volatile("vmov d16, %3, %2\n " insn "\n vmov %0, %1, d16" : "=&r"(v[0]), "=&r"(v[1]) : "r"(hi), "r"(lo) : "d16"); \
    v[2] = getfpscr(); out(tag, 3, v); }

static uint32_t mem[64] __attribute__((aligned(8)));

int main(void) {
  uint32_t v[8];
  /* system registers */
  __asm__ volatile("vmrs %0, fpsid\n vmrs %1, mvfr0\n vmrs %2, mvfr1\n vmrs %3, fpexc" : "=r"(v[0]), "=r"(v[1]), "=r"(v[2]), "=r"(v[3]));
  out("sysregs", 4, v);
  setfpscr(0xffffffff); v[0] = getfpscr(); setfpscr(0x0000ff00); v[1] = getfpscr();
  setfpscr(0x00370000); v[2] = getfpscr(); setfpscr(0); out("fpscrmask", 3, v);
  __asm__ volatile("vmsr fpexc, %1\n vmrs %0, fpexc" : "=r"(v[0]) : "r"(0xffffffff)); out("fpexcmask", 1, v);
  __asm__ volatile("vmsr fpexc, %0" :: "r"(0x40000000));
  /* vmrs APSR_nzcv */
  for (unsigned k = 0; k < 16; k++) {
    uint32_t apsr; setfpscr(k << 28);
    __asm__ volatile("msr apsr_nzcvq, %1\n vmrs APSR_nzcv, fpscr\n mrs %0, apsr" : "=r"(apsr) : "r"(0x08000000 | ((15 - k) << 28)) : "cc");
    v[0] = apsr; out("apsrnzcv", 1, v);
  }
  setfpscr(0);
  /* UNDEF: LEN/STRIDE, FPEXC.EN = 0 */
  undcnt = 0;
  setfpscr(0x00010000);
  __asm__ volatile("vadd.f32 s0, s1, s2\n vmov.f32 s0, s1\n vcmp.f32 s0, s1\n vcvt.f64.f32 d0, s1\n vldr s0, [sp]" ::: "s0", "d0");
  setfpscr(0x00100000);
  __asm__ volatile("vabs.f64 d0, d1\n vsqrt.f32 s0, s1\n vmov.f64 d0, #1.0\n vneg.f32 s0, s1\n vmla.f32 s0, s1, s2\n vcvt.s32.f32 s0, s0" ::: "s0", "d0");
  v[0] = getfpscr(); setfpscr(0); v[1] = undcnt;
  __asm__ volatile("vmsr fpexc, %0" :: "r"(0));
  __asm__ volatile("vmov s0, r0\n vmrs r0, fpscr\n vmsr fpscr, r0\n vmrs %0, fpexc\n vmrs %1, fpsid\n vmrs %2, mvfr0\n vmsr fpexc, %3" : "=&r"(v[2]), "=&r"(v[3]), "=&r"(v[4]) : "r"(0x40000000) : "s0", "r0");
  v[5] = undcnt; out("undef", 6, v);
  /* CPACR: each value, then VMOV imm, VMRS FPEXC, VMRS FPSID; undef count after each */
  {
    static const uint32_t CP[] = { 0x00500000, 0x00a00000, 0x00300000, 0x00c00000, 0x00100000, 0x00400000, 0x00f00000 };
    uint32_t cpacr;
    __asm__ volatile("mrc p15, 0, %0, c1, c0, 2" : "=r"(cpacr));
    for (unsigned k = 0; k < sizeof CP / sizeof CP[0]; k++) {
      uint32_t w[5];
      undcnt = 0;
      __asm__ volatile("mcr p15, 0, %0, c1, c0, 2\n isb" :: "r"(CP[k]));
      __asm__ volatile("mrc p15, 0, %0, c1, c0, 2" : "=r"(w[0]));
      __asm__ volatile("vmov.f32 s0, #2.0" ::: "s0"); w[1] = undcnt;
      __asm__ volatile("vmrs r0, fpexc" ::: "r0"); w[2] = undcnt;
      __asm__ volatile("vmrs r0, fpsid" ::: "r0"); w[3] = undcnt;
      __asm__ volatile("vmrs r0, fpscr" ::: "r0"); w[4] = undcnt;
      __asm__ volatile("mcr p15, 0, %0, c1, c0, 2\n isb" :: "r"(cpacr));
      out("cpacr", 5, w);
    }
  }

  /* short vectors (LEN/STRIDE): vector, mixed scalar/vector, bank wrap-around, doubles */
  {
    static const uint32_t LS[] = { 0x00030000, 0x00310000, 0x00020000, 0x00130000 };
    for (unsigned k = 0; k < 4; k++) {
      uint32_t w[32];
      for (int i = 0; i < 32; i++) w[i] = 0x3f800000 + ((uint32_t)i << 20);
      __asm__ volatile("vldmia %0, {s0-s31}" :: "r"(w) : "memory");
      setfpscr(LS[k]);
      __asm__ volatile("vadd.f32 s10, s17, s26\n vmul.f32 s21, s6, s30\n vmov.f32 s28, #3.0\n vabs.f32 s13, s2\n"
        "vmla.f32 s8, s16, s24\n vadd.f64 d6, d9, d14\n vneg.f64 d5, d1\n vsqrt.f32 s0, s9\n vmov.f32 s3, s28" ::: "memory");
      setfpscr(0);
      __asm__ volatile("vstmia %0, {s0-s31}" :: "r"(w) : "memory");
      out("vector", 16, w); out("vector", 16, w + 16);
    }
  }

  OP3S("vadd.f32", "vadd.f32") OP3S("vsub.f32", "vsub.f32") OP3S("vmul.f32", "vmul.f32") OP3S("vnmul.f32", "vnmul.f32")
  OP3S("vdiv.f32", "vdiv.f32") OP3S("vmla.f32", "vmla.f32") OP3S("vmls.f32", "vmls.f32") OP3S("vnmla.f32", "vnmla.f32")
  OP3S("vnmls.f32", "vnmls.f32")
  OP3D("vadd.f64", "vadd.f64") OP3D("vsub.f64", "vsub.f64") OP3D("vmul.f64", "vmul.f64") OP3D("vnmul.f64", "vnmul.f64")
  OP3D("vdiv.f64", "vdiv.f64") OP3D("vmla.f64", "vmla.f64") OP3D("vmls.f64", "vmls.f64") OP3D("vnmla.f64", "vnmla.f64")
  OP3D("vnmls.f64", "vnmls.f64")
  OP2S("vmov.f32", "vmov.f32 s30, s7") OP2S("vabs.f32", "vabs.f32 s30, s7") OP2S("vneg.f32", "vneg.f32 s30, s7")
  OP2S("vsqrt.f32", "vsqrt.f32 s30, s7") OP2S("vcvtb.f16.f32", "vcvtb.f16.f32 s30, s7") OP2S("vcvtt.f16.f32", "vcvtt.f16.f32 s30, s7")
  OP2S("vcvtb.f32.f16", "vcvtb.f32.f16 s30, s7") OP2S("vcvtt.f32.f16", "vcvtt.f32.f16 s30, s7")
  OP2S("vcvt.s32.f32", "vcvt.s32.f32 s30, s7") OP2S("vcvt.u32.f32", "vcvt.u32.f32 s30, s7")
  OP2S("vcvtr.s32.f32", "vcvtr.s32.f32 s30, s7") OP2S("vcvtr.u32.f32", "vcvtr.u32.f32 s30, s7")
  OP2S("vmov.f32imm", "vmov.f32 s30, #-1.25") OP2S("vmov.f32imm2", "vmov.f32 s30, #31.0")
  OP2S("vcmp.f32", "vcmp.f32 s7, s30") OP2S("vcmpe.f32", "vcmpe.f32 s30, s7") OP2S("vcmp.f32z", "vcmp.f32 s7, #0")
  OP2S("vcmpe.f32z", "vcmpe.f32 s7, #0")
  OP2D("vmov.f64", "vmov.f64 d16, d5") OP2D("vabs.f64", "vabs.f64 d16, d5") OP2D("vneg.f64", "vneg.f64 d16, d5")
  OP2D("vsqrt.f64", "vsqrt.f64 d16, d5") OP2D("vcvt.f64.f32", "vcvt.f64.f32 d16, s7")
  OP2D("vmov.f64imm", "vmov.f64 d16, #0.1875") OP2D("vcmp.f64", "vcmp.f64 d5, d16") OP2D("vcmpe.f64", "vcmpe.f64 d16, d5")
  OP2D("vcmp.f64z", "vcmp.f64 d5, #0") OP2D("vcmpe.f64z", "vcmpe.f64 d5, #0")
  OP2SX("vcvt.f32.f64", "vcvt.f32.f64 s30, d5") OP2SX("vcvt.s32.f64", "vcvt.s32.f64 s30, d5")
  OP2SX("vcvt.u32.f64", "vcvt.u32.f64 s30, d5") OP2SX("vcvtr.s32.f64", "vcvtr.s32.f64 s30, d5")
  OP2SX("vcvtr.u32.f64", "vcvtr.u32.f64 s30, d5")
  CVTI("vcvt.f32.s32", "vcvt.f32.s32 s30, s7") CVTI("vcvt.f32.u32", "vcvt.f32.u32 s30, s7")
  CVTI("vcvt.f64.s32", "vcvt.f64.s32 d16, s7") CVTI("vcvt.f64.u32", "vcvt.f64.u32 d16, s7")
  FIX_S("fx.s32.f32.0", "vcvt.s32.f32 s30, s30, #32") FIX_S("fx.s32.f32.1", "vcvt.s32.f32 s30, s30, #1")
  FIX_S("fx.u16.f32", "vcvt.u16.f32 s30, s30, #3") FIX_S("fx.s16.f32", "vcvt.s16.f32 s30, s30, #16")
  FIX_S("xf.f32.s32", "vcvt.f32.s32 s30, s30, #5") FIX_S("xf.f32.u32", "vcvt.f32.u32 s30, s30, #32")
  FIX_S("xf.f32.s16", "vcvt.f32.s16 s30, s30, #1") FIX_S("xf.f32.u16", "vcvt.f32.u16 s30, s30, #16")
  FIX_D("fx.s32.f64", "vcvt.s32.f64 d16, d16, #4") FIX_D("fx.u32.f64", "vcvt.u32.f64 d16, d16, #31")
  FIX_D("fx.s16.f64", "vcvt.s16.f64 d16, d16, #2") FIX_D("fx.u16.f64", "vcvt.u16.f64 d16, d16, #0")
  FIX_D("xf.f64.s32", "vcvt.f64.s32 d16, d16, #7") FIX_D("xf.f64.u32", "vcvt.f64.u32 d16, d16, #1")
  FIX_D("xf.f64.s16", "vcvt.f64.s16 d16, d16, #16") FIX_D("xf.f64.u16", "vcvt.f64.u16 d16, d16, #9")

  /* transfers */
  __asm__ volatile("vmov s3, %4\n vmov.32 d17[1], %5\n vmov.32 d17[0], %4\n vmov %0, s3\n vmov.32 %1, d17[1]\n vmov %2, %3, d17"
    : "=&r"(v[0]), "=&r"(v[1]), "=&r"(v[2]), "=&r"(v[3]) : "r"(0x11112222), "r"(0x33334444) : "s3", "d17");
  out("vmov.core", 4, v);
  __asm__ volatile("vmov s30, s31, %4, %5\n vmov d31, %5, %4\n vmov %0, %1, d15\n vmov %2, %3, s30, s31"
    : "=&r"(v[0]), "=&r"(v[1]), "=&r"(v[2]), "=&r"(v[3]) : "r"(0xaaaa0001), "r"(0xbbbb0002) : "s30", "s31", "d31");
  __asm__ volatile("vmov %0, %1, d31" : "=r"(v[4]), "=r"(v[5]));
  out("vmov.pair", 6, v);
  /* loads and stores */
  for (int i = 0; i < 64; i++) mem[i] = 0x01010101u * (uint32_t)i;
  {
    uint32_t *p = mem + 8, *q;
    __asm__ volatile("vldr s5, [%1, #4]\n vldr d20, [%1, #-8]\n vstr s5, [%1, #-12]\n vstr d20, [%1, #16]\n vmov %0, s5" : "=r"(v[0]) : "r"(p) : "s5", "d20", "memory");
    __asm__ volatile("vmov %0, %1, d20" : "=r"(v[1]), "=r"(v[2]));
    v[3] = mem[5]; v[4] = mem[12]; v[5] = mem[13]; out("vldr", 6, v);
    q = p; __asm__ volatile("vldmia %0!, {s1-s3}\n vldmia %0, {d18-d19}" : "+r"(q) :: "s1", "s2", "s3", "d18", "d19");
    v[0] = (uint32_t)(q - mem); __asm__ volatile("vmov %0, s3\n vmov %1, %2, d19" : "=r"(v[1]), "=r"(v[2]), "=r"(v[3])); out("vldmia", 4, v);
    q = p + 10; __asm__ volatile("vldmdb %0!, {d0-d1}\n vldmdb %0!, {s31}" : "+r"(q) :: "d0", "d1", "s31");
    v[0] = (uint32_t)(q - mem); __asm__ volatile("vmov %0, %1, d0\n vmov %2, s31" : "=r"(v[1]), "=r"(v[2]), "=r"(v[3])); out("vldmdb", 4, v);
    q = mem + 40; __asm__ volatile("vstmdb %0!, {d18-d19}\n vstmia %0!, {s1-s2}\n vstmia %0, {s3}" : "+r"(q) :: "memory");
    v[0] = (uint32_t)(q - mem); for (int i = 0; i < 5; i++) v[1 + i] = mem[36 + i]; out("vstm", 6, v);
    q = p; __asm__ volatile("fldmiax %0!, {d6-d7}\n vmov %1, %2, d7" : "+r"(q), "=r"(v[1]), "=r"(v[2]) :: "d6", "d7");
    v[0] = (uint32_t)(q - mem); out("fldmiax", 3, v);
    q = p + 12; __asm__ volatile("fldmdbx %0!, {d6-d7}\n vmov %1, %2, d6" : "+r"(q), "=r"(v[1]), "=r"(v[2]) :: "d6", "d7");
    v[0] = (uint32_t)(q - mem); out("fldmdbx", 3, v);
    q = mem + 50; __asm__ volatile("fstmdbx %0!, {d6}\n fstmiax %0!, {d7}" : "+r"(q) :: "memory");
    v[0] = (uint32_t)(q - mem); for (int i = 0; i < 5; i++) v[1 + i] = mem[47 + i]; out("fstmx", 6, v);
    __asm__ volatile("vpush {d8-d9}\n vpush {s5}\n vmov.f64 d8, #1.0\n vpop {s5}\n vpop {d8-d9}\n vmov %0, %1, d8" : "=r"(v[0]), "=r"(v[1]) :: "d8", "s5", "memory");
    out("vpushpop", 2, v);
#ifndef __thumb__
    abtcnt = 0;
    __asm__ volatile("vldr s0, [%0, #4]\n vstr d0, [%0]\n vldmia %0, {s0}\n vldr d1, [%1, #4]\n vstmia %1, {s0}" :: "r"((char *)mem + 2), "r"(mem + 1) : "s0", "d0", "d1", "memory");
    v[0] = abtcnt; out("align", 1, v);
#endif
  }
#ifdef __thumb__
  /* IT block */
  __asm__ volatile("vmov.f32 s0, #1.0\n vmov.f32 s1, #2.0\n cmp %2, #0\n ite eq\n vaddeq.f32 s0, s0, s1\n vsubne.f32 s0, s0, s1\n vmov %0, s0\n"
    "cmp %2, #1\n it eq\n vmoveq.f32 s1, #3.0\n vmov %1, s1" : "=r"(v[0]), "=r"(v[1]) : "r"(1) : "s0", "s1", "cc");
#else
  __asm__ volatile("vmov.f32 s0, #1.0\n vmov.f32 s1, #2.0\n cmp %2, #0\n vaddeq.f32 s0, s0, s1\n vsubne.f32 s0, s0, s1\n vmov %0, s0\n"
    "cmp %2, #1\n vmoveq.f32 s1, #3.0\n vmov %1, s1" : "=r"(v[0]), "=r"(v[1]) : "r"(1) : "s0", "s1", "cc");
#endif
  out("cond", 2, v);
  return 0;
}

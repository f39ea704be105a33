// Hard-float newlib: the FPSCR rounding modes and exception flags (through VMRS/VMSR: this newlib's
// <fenv.h> is a stub without FE_* for ARM), libm across
// its domain (edges, NaNs, infinities, denormals), float<->int conversions at their limits, and
// printf/strtod round trips (no %a: this newlib printf lacks it). Built with -mfloat-abi=hard and fpu_start.S, as -mfpu=vfpv3 and
// -mfpu=vfpv3-d16.
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile double vd;
static volatile float vf;

enum { FE_TONEAREST = 0, FE_UPWARD = 1, FE_DOWNWARD = 2, FE_TOWARDZERO = 3 };
enum { FE_INVALID = 1, FE_DIVBYZERO = 2, FE_OVERFLOW = 4, FE_UNDERFLOW = 8, FE_INEXACT = 16, FE_ALL_EXCEPT = 0x9f };
static unsigned get_fpscr(void) { unsigned v; __asm__ volatile("vmrs %0, fpscr" : "=r"(v)); return v; }
static void set_fpscr(unsigned v) { __asm__ volatile("vmsr fpscr, %0" :: "r"(v)); }
static void fesetround(int m) { set_fpscr((get_fpscr() & ~(3u << 22)) | ((unsigned)m << 22)); }
static int fegetround(void) { return (get_fpscr() >> 22) & 3; }
static void feclearexcept(int e) { set_fpscr(get_fpscr() & ~(unsigned)e); }
static int fetestexcept(int e) { return get_fpscr() & e; }

static unsigned long long bits(double d) { unsigned long long u; memcpy(&u, &d, sizeof u); return u; }
static unsigned bitsf(float f) { unsigned u; memcpy(&u, &f, sizeof u); return u; }

int main(void) {
  const int modes[] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO };
  const char *names[] = { "nearest", "upward", "downward", "towardzero" };
  unsigned sum = 0;
  for (int m = 0; m < 4; m++) {
    fesetround(modes[m]);
    vd = 1.0; vd /= 3.0;
    vf = 1.0f; vf /= 3.0f;
    double s = sqrt(2.0 + vd);
    float sf = sqrtf(vf);
    printf("%-10s 1/3=%016llx %08x sqrt=%016llx %08x rint(2.5)=%g rint(-2.5)=%g lrint(7.5)=%ld nearbyint(-0.5)=%g\n",
           names[m], bits(vd), bitsf(vf), bits(s), bitsf(sf), rint(2.5), rint(-2.5), lrint(7.5), nearbyint(-0.5));
    vd = 1e308; vd *= 10.0;
    printf("  overflow -> %g, fegetround=%d\n", vd, fegetround() == modes[m]);
    sum += (unsigned)bits(s);
  }
  fesetround(FE_TONEAREST);

  feclearexcept(FE_ALL_EXCEPT);
  vd = 0.0; vd = 1.0 / vd;
  printf("1/0=%g divbyzero=%d\n", vd, fetestexcept(FE_DIVBYZERO) != 0);
  feclearexcept(FE_ALL_EXCEPT);
  vd = -1.0; vd = sqrt(vd);
  printf("sqrt(-1) nan=%d invalid=%d\n", isnan(vd), fetestexcept(FE_INVALID) != 0);
  feclearexcept(FE_ALL_EXCEPT);
  vd = DBL_MIN; vd /= 3.0;
  printf("DBL_MIN/3=%016llx underflow=%d inexact=%d\n", bits(vd), fetestexcept(FE_UNDERFLOW) != 0, fetestexcept(FE_INEXACT) != 0);
  feclearexcept(FE_ALL_EXCEPT);
  vf = FLT_MAX; vf *= 2.0f;
  printf("FLT_MAX*2=%g overflow=%d\n", vf, fetestexcept(FE_OVERFLOW) != 0);

  const double xs[] = { 0.0, -0.0, 1e-310, 0.5, 1.0, 2.0, 10.0, 100.0, 709.0, 710.0, -745.0, INFINITY, -INFINITY, NAN };
  for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
    double x = xs[i];
    printf("x=%-8g exp=%.17g log=%.17g sin=%.17g cos=%.17g atan=%.17g tanh=%.17g cbrt=%.17g\n",
           x, exp(x), log(x), sin(x), cos(x), atan(x), tanh(x), cbrt(x));
    printf("         expf=%.9g logf=%.9g powf=%.9g hypot=%.17g floor=%g ceil=%g trunc=%g round=%g\n",
           expf((float)x), logf((float)x), powf((float)x, 1.5f), hypot(x, 3.0), floor(x), ceil(x), trunc(x), round(x));
  }

  const double conv[] = { 2147483647.5, 2147483648.0, -2147483648.9, -2147483649.0, 4294967295.9, 4294967296.0, -1.0,
                          1e19, -1e19, 0.99999999999999989, NAN };
  for (unsigned i = 0; i < sizeof conv / sizeof conv[0]; i++) {
    vd = conv[i];
    printf("conv %.17g -> int %d uint %u ll %lld ull %llu float %08x\n", vd, (int)vd, (unsigned)vd,
           (long long)vd, (unsigned long long)vd, bitsf((float)vd));
  }
  for (int i = -3; i <= 3; i++) {
    float f = (float)i * 16777217.0f;
    printf("i2f %d -> %.9g %08x, u2d %u -> %.17g\n", i, (double)f, bitsf(f), (unsigned)(0xfffffff0u + i), (double)(0xfffffff0u + i));
  }

  const char *strs[] = { "0.1", "1e-320", "2.2250738585072011e-308", "1.7976931348623157e308", "1e400", "-0", "0x1.8p3", "nan", "-inf" };
  for (unsigned i = 0; i < sizeof strs / sizeof strs[0]; i++) {
    char *end;
    double d = strtod(strs[i], &end);
    float f = strtof(strs[i], &end);
    char back[48];
    snprintf(back, sizeof back, "%.17g", d);
    printf("strtod %-24s %016llx %08x back %s same=%d\n", strs[i], bits(d), bitsf(f), back, strtod(back, 0) == d || d != d);
  }
  double frac, whole;
  frac = modf(-3.75, &whole);
  int ex;
  double mant = frexp(1e-300, &ex);
  printf("modf %g %g frexp %.17g %d ldexp %.17g fma %.17g remainder %g copysign %g\n", frac, whole, mant, ex,
         ldexp(1.0, -1074), fma(0.1, 10.0, -1.0), remainder(10.0, 3.0), copysign(3.0, -0.0));
  return (int)(sum & 0x3f);
}

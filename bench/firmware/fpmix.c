/* fpmix: a CPU-bound floating-point benchmark for armada and QEMU (vexpress-a9, VFPv3 hard-float,
 * newlib + semihosting).
 *
 * Six kernels, each doing a fixed amount of work and folding the bit patterns of its results into
 * a 32-bit checksum:
 *   softmath  exp, log and sin written in C (range reduction, polynomials), double precision
 *   nbody     five bodies under gravity (sqrt, division), double precision
 *   mandel    Mandelbrot iteration counts (compares, multiplies), double precision
 *   fmatmul   16x16 single-precision matrix multiply and a dot-product filter
 *   newton    square roots by Newton's method (division) checked against VSQRT, float and double
 *   convert   int <-> float/double, unsigned, float <-> double conversions and truncation
 * Each checksum is printed and compared with the expected value; any mismatch exits 1, else 0.
 *
 * Only operations IEEE 754 defines exactly are used (+ - * / sqrt, conversions of in-range
 * values), in round-to-nearest, with no libm calls: the host build (`make expected`, with
 * -ffp-contract=off) computes the same bits. GCC may fuse a multiply and an add into VMLA/VMLS on
 * ARM; those round after the multiply and after the add (they are not fused), so the results are
 * the same.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NOINLINE __attribute__((noinline))

static uint32_t mix(uint32_t h, uint32_t v) {
  h ^= v + 0x9e3779b9u + (h << 6) + (h >> 2);
  return h;
}
static uint32_t mixd(uint32_t h, double d) {
  uint64_t u;
  memcpy(&u, &d, sizeof u);
  return mix(mix(h, (uint32_t)u), (uint32_t)(u >> 32));
}
static uint32_t mixf(uint32_t h, float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return mix(h, u);
}

static uint32_t rng_state;
static void rng_seed(uint32_t s) { rng_state = s ? s : 0x9e3779b9u; }
static uint32_t rng(void) {
  uint32_t x = rng_state;
  x ^= x << 13; x ^= x >> 17; x ^= x << 5;
  rng_state = x;
  return x;
}
/* A double in [0, 1) from 32 random bits. */
static double rnd01(void) { return (double)rng() * (1.0 / 4294967296.0); }

/* ------------------------------------------------------------------ softmath */

static double pow2i(int k) { /* 2^k for -1022 <= k <= 1023, built from the exponent bits */
  uint64_t u = (uint64_t)(k + 1023) << 52;
  double d;
  memcpy(&d, &u, sizeof d);
  return d;
}

static NOINLINE double my_exp(double x) {
  /* x = k ln2 + r, |r| <= ln2/2; exp(r) by its Taylor series to degree 12 (Horner) */
  double t = x * 1.4426950408889634;
  int k = (int)(t < 0 ? t - 0.5 : t + 0.5);
  double r = x - (double)k * 0.6931471805599453;
  double p = 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  return p * pow2i(k);
}

static NOINLINE double my_log(double x) {
  /* x > 0 normal: x = m 2^e with m in [1, 2); log m = 2 atanh(s), s = (m - 1) / (m + 1) */
  uint64_t u;
  memcpy(&u, &x, sizeof u);
  int e = (int)((u >> 52) & 0x7ff) - 1023;
  u = (u & 0x000fffffffffffffull) | 0x3ff0000000000000ull;
  double m;
  memcpy(&m, &u, sizeof m);
  if (m > 1.4142135623730951) { m *= 0.5; e++; }
  double s = (m - 1.0) / (m + 1.0), s2 = s * s;
  double p = 1.0 / 19.0;
  for (int k = 17; k >= 1; k -= 2) p = p * s2 + 1.0 / (double)k;
  return (double)e * 0.6931471805599453 + 2.0 * s * p;
}

static NOINLINE double my_sin(double x) {
  /* reduce to [-pi, pi] by a multiple of 2 pi, then to [-pi/2, pi/2]; odd Taylor series */
  const double pi = 3.141592653589793, two_pi = 6.283185307179586;
  double q = x / two_pi;
  int k = (int)(q < 0 ? q - 0.5 : q + 0.5);
  double r = x - (double)k * two_pi;
  if (r > pi / 2) r = pi - r;
  else if (r < -pi / 2) r = -pi - r;
  double r2 = r * r;
  double p = -1.0 / 1307674368000.0;
  p = p * r2 + 1.0 / 6227020800.0;
  p = p * r2 - 1.0 / 39916800.0;
  p = p * r2 + 1.0 / 362880.0;
  p = p * r2 - 1.0 / 5040.0;
  p = p * r2 + 1.0 / 120.0;
  p = p * r2 - 1.0 / 6.0;
  p = p * r2 + 1.0;
  return p * r;
}

static uint32_t bench_softmath(void) {
  uint32_t h = 0;
  double acc = 0;
  for (int round = 0; round < 6; round++) {
    for (int i = 0; i < 20000; i++) {
      double x = (double)(i - 10000) * 0.001 + (double)round * 0.0001; /* [-10, 10) */
      double e = my_exp(x);
      double l = my_log(e + 1.0);
      double s = my_sin(x * 3.0);
      acc = acc * 0.5 + e * 1e-4 + l + s;
      if ((i & 1023) == 0) h = mixd(h, acc);
    }
  }
  return mixd(h, acc);
}

/* ------------------------------------------------------------------ nbody */

#define NB 5
struct body { double x, y, z, vx, vy, vz, m; };

static NOINLINE void nbody_advance(struct body *b, double dt) {
  for (int i = 0; i < NB; i++) {
    for (int j = i + 1; j < NB; j++) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      double d2 = dx * dx + dy * dy + dz * dz;
      double d = __builtin_sqrt(d2);
      double mag = dt / (d2 * d);
      b[i].vx -= dx * b[j].m * mag; b[i].vy -= dy * b[j].m * mag; b[i].vz -= dz * b[j].m * mag;
      b[j].vx += dx * b[i].m * mag; b[j].vy += dy * b[i].m * mag; b[j].vz += dz * b[i].m * mag;
    }
  }
  for (int i = 0; i < NB; i++) { b[i].x += dt * b[i].vx; b[i].y += dt * b[i].vy; b[i].z += dt * b[i].vz; }
}

static double nbody_energy(const struct body *b) {
  double e = 0;
  for (int i = 0; i < NB; i++) {
    e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
    for (int j = i + 1; j < NB; j++) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      e -= b[i].m * b[j].m / __builtin_sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

static uint32_t bench_nbody(void) {
  struct body b[NB];
  rng_seed(2024);
  for (int i = 0; i < NB; i++) {
    b[i].x = rnd01() * 20 - 10; b[i].y = rnd01() * 20 - 10; b[i].z = rnd01() * 2 - 1;
    b[i].vx = rnd01() - 0.5; b[i].vy = rnd01() - 0.5; b[i].vz = rnd01() * 0.1;
    b[i].m = i == 0 ? 40.0 : rnd01() * 0.1 + 0.01;
  }
  uint32_t h = mixd(0, nbody_energy(b));
  for (int step = 0; step < 60000; step++) {
    nbody_advance(b, 0.001);
    if ((step & 4095) == 0) h = mixd(h, b[step % NB].x);
  }
  return mixd(h, nbody_energy(b));
}

/* ------------------------------------------------------------------ mandel */

static NOINLINE int mandel_point(double cr, double ci, int max) {
  double zr = 0, zi = 0;
  int n = 0;
  while (n < max) {
    double zr2 = zr * zr, zi2 = zi * zi;
    if (zr2 + zi2 > 4.0) break;
    zi = 2.0 * zr * zi + ci;
    zr = zr2 - zi2 + cr;
    n++;
  }
  return n;
}

static uint32_t bench_mandel(void) {
  uint32_t h = 0;
  for (int y = 0; y < 96; y++) {
    uint32_t row = 0;
    for (int x = 0; x < 128; x++) row = row * 33u + (uint32_t)mandel_point(-2.2 + x * (3.2 / 128), -1.2 + y * (2.4 / 96), 200);
    h = mix(h, row);
  }
  return h;
}

/* ------------------------------------------------------------------ fmatmul */

#define FM 16
static float fa[FM][FM], fb[FM][FM], fc[FM][FM];
#define TAPS 16
#define SIG 1024
static float sig[SIG], taps[TAPS], filt[SIG];

static NOINLINE void fmatmul(float c[FM][FM], float a[FM][FM], float b[FM][FM]) {
  for (int i = 0; i < FM; i++)
    for (int j = 0; j < FM; j++) {
      float s = 0;
      for (int k = 0; k < FM; k++) s += a[i][k] * b[k][j];
      c[i][j] = s;
    }
}

static NOINLINE void fir(float *out, const float *in, const float *t, int n) {
  for (int i = TAPS; i < n; i++) {
    float s = 0;
    for (int k = 0; k < TAPS; k++) s += in[i - k] * t[k];
    out[i] = s;
  }
}

static uint32_t bench_fmatmul(void) {
  rng_seed(31337);
  for (int i = 0; i < FM; i++)
    for (int j = 0; j < FM; j++) { fa[i][j] = (float)rnd01() - 0.5f; fb[i][j] = (float)rnd01() - 0.5f; }
  for (int i = 0; i < SIG; i++) sig[i] = (float)rnd01() * 2.0f - 1.0f;
  for (int k = 0; k < TAPS; k++) taps[k] = 1.0f / (float)(k + 2);
  uint32_t h = 0;
  for (int round = 0; round < 300; round++) {
    fmatmul(fc, fa, fb);
    for (int i = 0; i < FM; i++) { fa[i][round % FM] = fc[i][(round * 5) % FM] * 0.5f; h = mixf(h, fc[i][i]); }
    if ((round & 7) == 0) {
      fir(filt, sig, taps, SIG);
      h = mixf(h, filt[SIG - 1 - (round & 255)]);
      sig[round % SIG] = filt[SIG / 2];
    }
  }
  return h;
}

/* ------------------------------------------------------------------ newton */

static NOINLINE double newton_sqrt(double a) {
  double x = a > 1.0 ? a * 0.5 : 1.0;
  for (int k = 0; k < 40; k++) {
    double nx = 0.5 * (x + a / x);
    if (nx == x) break;
    x = nx;
  }
  return x;
}

static NOINLINE float newton_sqrtf(float a) {
  float x = a > 1.0f ? a * 0.5f : 1.0f;
  for (int k = 0; k < 30; k++) {
    float nx = 0.5f * (x + a / x);
    if (nx == x) break;
    x = nx;
  }
  return x;
}

static uint32_t bench_newton(void) {
  uint32_t h = 0, exact = 0, exactf = 0;
  rng_seed(555);
  for (int i = 0; i < 12000; i++) {
    double a = rnd01() * 1e6 + 1e-3;
    double s = newton_sqrt(a), r = __builtin_sqrt(a);
    if (s == r) exact++;
    float af = (float)a;
    float sf = newton_sqrtf(af), rf = __builtin_sqrtf(af);
    if (sf == rf) exactf++;
    if ((i & 255) == 0) { h = mixd(h, s - r); h = mixf(h, sf - rf); }
  }
  return mix(mix(h, exact), exactf);
}

/* ------------------------------------------------------------------ convert */

static NOINLINE uint32_t convert_pass(uint32_t seed, int n) {
  uint32_t h = seed;
  for (int i = 0; i < n; i++) {
    uint32_t u = rng();
    int32_t s = (int32_t)(u ^ 0x5a5a5a5au);
    double du = (double)u, ds = (double)s;
    float fu = (float)u, fs = (float)s;              /* rounds: 24-bit significand */
    double scaled = ds * (1.0 / 65536.0);            /* fixed point 16.16 to double */
    int32_t back = (int32_t)(scaled * 65536.0);      /* exact round trip */
    int32_t trunc = (int32_t)(scaled * 0.75);        /* truncation toward zero */
    uint32_t ub = (uint32_t)(du * 0.5);
    float ff = (float)(ds * 1e-3);                   /* double -> float */
    double dd = (double)fs * 3.0;                    /* float -> double */
    uint32_t fi = (uint32_t)(fu * 0.25f);
    h = mix(h, (uint32_t)back ^ (uint32_t)trunc);
    h = mix(h, ub + fi);
    h = mixf(h, ff);
    h = mixd(h, dd);
  }
  return h;
}

static uint32_t bench_convert(void) {
  uint32_t h = 0;
  rng_seed(8080);
  for (int round = 0; round < 20; round++) h = convert_pass(h, 2000);
  return h;
}

/* ------------------------------------------------------------------ main */

struct kernel { const char *name; uint32_t (*fn)(void); uint32_t expect; };

/* Expected values: `make expected` (a host build of this file). */
static const struct kernel kernels[] = {
  { "softmath", bench_softmath, 0x6bc27343u },
  { "nbody",    bench_nbody,    0x8ce47c5cu },
  { "mandel",   bench_mandel,   0xe0989732u },
  { "fmatmul",  bench_fmatmul,  0xb076bf45u },
  { "newton",   bench_newton,   0x62a1a32fu },
  { "convert",  bench_convert,  0xe55bc8ffu },
};

int main(void) {
  uint32_t total = 0;
  int bad = 0;
  for (unsigned k = 0; k < sizeof kernels / sizeof kernels[0]; k++) {
    uint32_t v = kernels[k].fn();
    total = mix(total, v);
#ifdef FPMIX_HOST
    printf("  { \"%s\",%*s bench_%s,%*s 0x%08xu },\n", kernels[k].name, (int)(8 - strlen(kernels[k].name)), "",
           kernels[k].name, (int)(8 - strlen(kernels[k].name)), "", (unsigned)v);
#else
    int ok = v == kernels[k].expect;
    if (!ok) bad++;
    printf("%-8s 0x%08lx %s\n", kernels[k].name, (unsigned long)v, ok ? "ok" : "MISMATCH");
#endif
  }
  printf("checksum 0x%08lx %s\n", (unsigned long)total, bad ? "FAIL" : "PASS");
  return bad ? 1 : 0;
}

/* intmix: a CPU-bound integer benchmark for armada and QEMU (vexpress-a9, newlib + semihosting).
 *
 * Six kernels, each doing a fixed amount of work and folding its results into a 32-bit checksum:
 *   crc32    table-driven and bitwise CRC-32 over a pseudo-random buffer
 *   sort     quicksort (insertion sort below a cutoff) and plain insertion sort
 *   sieve    sieve of Eratosthenes, prime count and sum
 *   matmul   small integer matrix multiply
 *   strings  strlen / strcmp / memcpy-style loops and a small open-addressing hash table
 *   interp   a bytecode interpreter (switch dispatch) running a few little programs
 * Each checksum is printed and compared with the expected value; any mismatch exits 1, else 0.
 *
 * The code is plain C with fixed-width unsigned arithmetic (no undefined behaviour, no plain
 * `char` signedness), so `make expected` can compile it for the build host and print the
 * expected values: `cc -DINTMIX_HOST -O2 intmix.c && ./a.out`.
 *
 * Variants (the same kernels, built from this file by bench/Makefile):
 *   -DINTMIX_QUICK  every round count and interpreter loop limit divided by 60 (rounded up):
 *                   about 11 million instructions, the cold-start image (timed from process
 *                   start to exit on armada and QEMU)
 *   -DINTMIX_MMU    a constructor turns the MMU on before main (flat 1 MiB section map, RAM
 *                   normal write-back cacheable, the rest device and execute-never; D- and
 *                   I-caches and branch prediction on), so the same code can be timed with the
 *                   MMU on and off
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define NOINLINE __attribute__((noinline))
/* Round counts; the quick variant does 1/60th of each (at least one). */
#ifdef INTMIX_QUICK
#define R(n) (((n) + 59) / 60)
#else
#define R(n) (n)
#endif
#define INTERP_ROUNDS R(6)

/* ------------------------------------------------------------------ pseudo-random numbers */

static uint32_t rng_state;
static void rng_seed(uint32_t s) { rng_state = s ? s : 0x9e3779b9u; }
static uint32_t rng(void) {
  uint32_t x = rng_state;
  x ^= x << 13; x ^= x >> 17; x ^= x << 5;
  rng_state = x;
  return x;
}

static uint32_t mix(uint32_t h, uint32_t v) {
  h ^= v + 0x9e3779b9u + (h << 6) + (h >> 2);
  return h;
}

/* ------------------------------------------------------------------ crc32 */

#define CRC_BUF 16384
static uint8_t crc_buf[CRC_BUF];
static uint32_t crc_table[256];

static void crc_init(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    crc_table[i] = c;
  }
}

static NOINLINE uint32_t crc32_table(const uint8_t *p, uint32_t n, uint32_t crc) {
  crc = ~crc;
  while (n--) crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

static NOINLINE uint32_t crc32_bitwise(const uint8_t *p, uint32_t n, uint32_t crc) {
  crc = ~crc;
  while (n--) {
    crc ^= *p++;
    for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
  }
  return ~crc;
}

static uint32_t bench_crc32(void) {
  crc_init();
  rng_seed(12345);
  for (uint32_t i = 0; i < CRC_BUF; i++) crc_buf[i] = (uint8_t)rng();
  uint32_t h = 0;
  for (int round = 0; round < R(640); round++) {
    crc_buf[round * 97 % CRC_BUF] ^= (uint8_t)round;
    h = mix(h, crc32_table(crc_buf, CRC_BUF, (uint32_t)round));
  }
  for (int round = 0; round < R(96); round++) {
    h = mix(h, crc32_bitwise(crc_buf + (round & 7) * 1024, 4096, h));
  }
  return h;
}

/* ------------------------------------------------------------------ sorting */

#define SORT_N 8192
#define INS_N 600
static uint32_t sort_a[SORT_N];

static NOINLINE void insertion_sort(uint32_t *a, int n) {
  for (int i = 1; i < n; i++) {
    uint32_t v = a[i];
    int j = i - 1;
    while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
    a[j + 1] = v;
  }
}

static NOINLINE void quicksort(uint32_t *a, int lo, int hi) {
  while (hi - lo > 16) {
    int mid = lo + ((hi - lo) >> 1);
    /* median of three into a[mid] */
    if (a[mid] < a[lo]) { uint32_t t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
    if (a[hi] < a[lo]) { uint32_t t = a[hi]; a[hi] = a[lo]; a[lo] = t; }
    if (a[hi] < a[mid]) { uint32_t t = a[hi]; a[hi] = a[mid]; a[mid] = t; }
    uint32_t pivot = a[mid];
    int i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { uint32_t t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    /* recurse into the smaller half, loop on the larger */
    if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
    else { quicksort(a, i, hi); hi = j; }
  }
  insertion_sort(a + lo, hi - lo + 1);
}

static uint32_t sort_check(const uint32_t *a, int n) {
  uint32_t h = 0;
  for (int i = 0; i < n; i++) {
    if (i > 0 && a[i - 1] > a[i]) return 0xdeadu;
    h = h * 31u + a[i] * (uint32_t)(i + 1);
  }
  return h;
}

static uint32_t bench_sort(void) {
  uint32_t h = 0;
  rng_seed(777);
  for (int round = 0; round < R(60); round++) {
    for (int i = 0; i < SORT_N; i++) sort_a[i] = rng() % 100000u;
    quicksort(sort_a, 0, SORT_N - 1);
    h = mix(h, sort_check(sort_a, SORT_N));
  }
  for (int round = 0; round < R(60); round++) {
    for (int i = 0; i < INS_N; i++) sort_a[i] = rng();
    insertion_sort(sort_a, INS_N);
    h = mix(h, sort_check(sort_a, INS_N));
  }
  return h;
}

/* ------------------------------------------------------------------ sieve */

#define SIEVE_N 200000
static uint8_t sieve[SIEVE_N + 1];

static NOINLINE uint32_t sieve_run(uint32_t n) {
  for (uint32_t i = 0; i <= n; i++) sieve[i] = 1;
  sieve[0] = sieve[1] = 0;
  for (uint32_t i = 2; i * i <= n; i++)
    if (sieve[i])
      for (uint32_t j = i * i; j <= n; j += i) sieve[j] = 0;
  uint32_t count = 0, sum = 0;
  for (uint32_t i = 0; i <= n; i++)
    if (sieve[i]) { count++; sum += i; }
  return mix(count, sum);
}

static uint32_t bench_sieve(void) {
  uint32_t h = 0;
  for (int round = 0; round < R(32); round++) h = mix(h, sieve_run(SIEVE_N - (uint32_t)round * 1000u));
  return h;
}

/* ------------------------------------------------------------------ matrix multiply */

#define MN 24
static uint32_t ma[MN][MN], mb[MN][MN], mc[MN][MN];

static NOINLINE void matmul(uint32_t c[MN][MN], uint32_t a[MN][MN], uint32_t b[MN][MN]) {
  for (int i = 0; i < MN; i++)
    for (int j = 0; j < MN; j++) {
      uint32_t s = 0;
      for (int k = 0; k < MN; k++) s += a[i][k] * b[k][j];
      c[i][j] = s;
    }
}

static uint32_t bench_matmul(void) {
  rng_seed(4242);
  for (int i = 0; i < MN; i++)
    for (int j = 0; j < MN; j++) { ma[i][j] = rng() & 0xffff; mb[i][j] = rng() & 0xffff; }
  uint32_t h = 0;
  for (int round = 0; round < R(1200); round++) {
    matmul(mc, ma, mb);
    /* feed the result back so no round can be skipped */
    for (int i = 0; i < MN; i++) {
      ma[i][round % MN] = mc[i][(round * 7) % MN] >> 8;
      h = mix(h, mc[i][i]);
    }
  }
  return h;
}

/* ------------------------------------------------------------------ strings and hash table */

#define WORDS 1024
#define WORD_MAX 24
#define HT_SIZE 2048 /* power of two, twice the number of words */
static uint8_t words[WORDS][WORD_MAX];
static uint8_t copybuf[WORD_MAX];
static int16_t ht[HT_SIZE];
static uint32_t ht_count[WORDS];

static NOINLINE uint32_t my_strlen(const uint8_t *s) {
  const uint8_t *p = s;
  while (*p) p++;
  return (uint32_t)(p - s);
}

static NOINLINE int my_strcmp(const uint8_t *a, const uint8_t *b) {
  while (*a && *a == *b) { a++; b++; }
  return (int)*a - (int)*b;
}

static NOINLINE void my_memcpy(uint8_t *d, const uint8_t *s, uint32_t n) {
  while (n--) *d++ = *s++;
}

static uint32_t fnv1a(const uint8_t *s) {
  uint32_t h = 2166136261u;
  while (*s) { h ^= *s++; h *= 16777619u; }
  return h;
}

/* Find word w (index into words) or insert it; returns its slot's word index. */
static NOINLINE int ht_find(const uint8_t *key, int insert_as) {
  uint32_t i = fnv1a(key) & (HT_SIZE - 1);
  for (;;) {
    int16_t e = ht[i];
    if (e < 0) {
      if (insert_as < 0) return -1;
      ht[i] = (int16_t)insert_as;
      return insert_as;
    }
    if (my_strcmp(words[e], key) == 0) return e;
    i = (i + 1) & (HT_SIZE - 1);
  }
}

static uint32_t bench_strings(void) {
  rng_seed(99);
  /* words of 3..20 lowercase letters; duplicates are likely among short ones */
  for (int w = 0; w < WORDS; w++) {
    uint32_t len = 3 + rng() % 18;
    for (uint32_t k = 0; k < len; k++) words[w][k] = (uint8_t)('a' + rng() % 6);
    words[w][len] = 0;
  }
  uint32_t h = 0;
  for (int round = 0; round < R(200); round++) {
    for (int i = 0; i < HT_SIZE; i++) ht[i] = -1;
    for (int w = 0; w < WORDS; w++) ht_count[w] = 0;
    for (int w = 0; w < WORDS; w++) {
      int e = ht_find(words[w], w);
      ht_count[e]++;
    }
    /* look every word up again through a copy, and compare neighbours */
    for (int w = 0; w < WORDS; w++) {
      uint32_t n = my_strlen(words[w]);
      my_memcpy(copybuf, words[w], n + 1);
      int e = ht_find(copybuf, -1);
      h = mix(h, (uint32_t)e * 3u + n + ht_count[e]);
      int c = my_strcmp(words[w], words[(w + 1 + round) % WORDS]);
      h = mix(h, (uint32_t)(c < 0 ? 1 : c > 0 ? 2 : 3));
    }
    /* perturb one letter of some words so the next round differs */
    for (int w = round; w < WORDS; w += 37) words[w][0] = (uint8_t)('a' + (words[w][0] - 'a' + 1) % 6);
  }
  return h;
}

/* ------------------------------------------------------------------ bytecode interpreter */

enum { OP_PUSH, OP_LOAD, OP_STORE, OP_ADD, OP_SUB, OP_MUL, OP_AND, OP_XOR, OP_SHR, OP_DUP,
       OP_JMP, OP_JZ, OP_JNZ, OP_LT, OP_HALT, OP_INC, OP_ODD };

/* Instruction: op in the low byte, signed 24-bit argument above it. */
#define I(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))

static NOINLINE uint32_t interp(const uint32_t *code, uint32_t *vars) {
  uint32_t stack[32];
  int sp = 0, pc = 0;
  for (;;) {
    uint32_t ins = code[pc++];
    int32_t arg = (int32_t)ins >> 8;
    switch (ins & 0xff) {
    case OP_PUSH: stack[sp++] = (uint32_t)arg; break;
    case OP_LOAD: stack[sp++] = vars[arg]; break;
    case OP_STORE: vars[arg] = stack[--sp]; break;
    case OP_ADD: sp--; stack[sp - 1] += stack[sp]; break;
    case OP_SUB: sp--; stack[sp - 1] -= stack[sp]; break;
    case OP_MUL: sp--; stack[sp - 1] *= stack[sp]; break;
    case OP_AND: sp--; stack[sp - 1] &= stack[sp]; break;
    case OP_XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
    case OP_SHR: sp--; stack[sp - 1] >>= (stack[sp] & 31); break;
    case OP_DUP: stack[sp] = stack[sp - 1]; sp++; break;
    case OP_JMP: pc = arg; break;
    case OP_JZ: if (stack[--sp] == 0) pc = arg; break;
    case OP_JNZ: if (stack[--sp] != 0) pc = arg; break;
    case OP_LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
    case OP_INC: vars[arg]++; break;
    case OP_ODD: stack[sp - 1] &= 1; break;
    case OP_HALT: return sp > 0 ? stack[sp - 1] : 0;
    default: return 0xbad;
    }
  }
}

/* Collatz: for n in [1, v1): v3 += number of steps to reach 1. vars: 0 n, 1 limit, 2 x, 3 steps */
static const uint32_t prog_collatz[] = {
  /* 0 */ I(OP_PUSH, 1), I(OP_STORE, 0),
  /* 2 */ I(OP_LOAD, 0), I(OP_LOAD, 1), I(OP_LT, 0), I(OP_JZ, 30),
  /* 6 */ I(OP_LOAD, 0), I(OP_STORE, 2),
  /* 8 */ I(OP_LOAD, 2), I(OP_PUSH, 1), I(OP_XOR, 0), I(OP_JZ, 28),       /* x == 1: next n */
  /* 12 */ I(OP_INC, 3), I(OP_LOAD, 2), I(OP_ODD, 0), I(OP_JNZ, 21),
  /* 16 */ I(OP_LOAD, 2), I(OP_PUSH, 1), I(OP_SHR, 0), I(OP_STORE, 2), I(OP_JMP, 8),
  /* 21 */ I(OP_LOAD, 2), I(OP_PUSH, 3), I(OP_MUL, 0), I(OP_PUSH, 1), I(OP_ADD, 0), I(OP_STORE, 2),
  /* 27 */ I(OP_JMP, 8),
  /* 28 */ I(OP_INC, 0), I(OP_JMP, 2),
  /* 30 */ I(OP_LOAD, 3), I(OP_HALT, 0),
};

/* LCG-style hash loop, v1 times. vars: 0 i, 1 limit, 2 acc */
static const uint32_t prog_lcg[] = {
  /* 0 */ I(OP_LOAD, 0), I(OP_LOAD, 1), I(OP_LT, 0), I(OP_JZ, 18),
  /* 4 */ I(OP_LOAD, 2), I(OP_PUSH, 1103515), I(OP_MUL, 0), I(OP_PUSH, 12345), I(OP_ADD, 0),
  /* 9 */ I(OP_LOAD, 0), I(OP_XOR, 0), I(OP_DUP, 0), I(OP_PUSH, 0xffff), I(OP_AND, 0), I(OP_ADD, 0),
  /* 15 */ I(OP_STORE, 2), I(OP_INC, 0), I(OP_JMP, 0),
  /* 18 */ I(OP_LOAD, 2), I(OP_HALT, 0),
};

static uint32_t bench_interp(void) {
  uint32_t h = 0;
  for (int round = 0; round < INTERP_ROUNDS; round++) {
    uint32_t vars[8] = { 0, R(1000u) + (uint32_t)round * R(100u), 0, 0 };
    h = mix(h, interp(prog_collatz, vars));
  }
  for (int round = 0; round < INTERP_ROUNDS; round++) {
    uint32_t vars[8] = { 0, R(20000u), (uint32_t)round, 0 };
    h = mix(h, interp(prog_lcg, vars));
  }
  return h;
}

/* ------------------------------------------------------------------ main */

struct kernel { const char *name; uint32_t (*fn)(void); uint32_t expect; };

/* Expected values: `make expected` (a host build of this file, for each round-count variant). */
static const struct kernel kernels[] = {
#ifdef INTMIX_QUICK
  { "crc32",   bench_crc32,   0x2a82ef8eu },
  { "sort",    bench_sort,    0x43f85b78u },
  { "sieve",   bench_sieve,   0xa26746efu },
  { "matmul",  bench_matmul,  0xdc44d183u },
  { "strings", bench_strings, 0x8b6ea2c2u },
  { "interp",  bench_interp,  0xa9ca7e9fu },
#else
  { "crc32",   bench_crc32,   0x7e5fdd38u },
  { "sort",    bench_sort,    0x78cb89bdu },
  { "sieve",   bench_sieve,   0xa132fabfu },
  { "matmul",  bench_matmul,  0x82303c42u },
  { "strings", bench_strings, 0x3d690686u },
  { "interp",  bench_interp,  0x710a11b5u },
#endif
};

#if defined(INTMIX_MMU) && !defined(INTMIX_HOST)
/* Level-1 table of 4096 section descriptors mapping every 1 MiB flat (VA = PA), domain 0. */
static uint32_t l1_table[4096] __attribute__((aligned(16384)));

#define SECTION      0x2u
#define SEC_B        (1u << 2)
#define SEC_C        (1u << 3)
#define SEC_XN       (1u << 4)
#define SEC_AP_RW    (3u << 10)          /* AP[1:0] = 11: read/write at every privilege level */
#define SEC_TEX(x)   ((uint32_t)(x) << 12)
#define SCTLR_M      (1u << 0)
#define SCTLR_C      (1u << 2)
#define SCTLR_Z      (1u << 11)
#define SCTLR_I      (1u << 12)

/* Runs from newlib's start-up (__libc_init_array) before main, still in SVC mode. */
__attribute__((constructor)) static void mmu_on(void) {
  for (uint32_t i = 0; i < 4096; i++) {
    /* vexpress-a9 RAM (-m 1024): 0x60000000-0x9fffffff; normal memory, write-back write-allocate */
    int ram = i >= 0x600 && i < 0xa00;
    uint32_t attr = ram ? SEC_TEX(1) | SEC_C | SEC_B : SEC_B | SEC_XN; /* else shareable device */
    l1_table[i] = (i << 20) | SEC_AP_RW | attr | SECTION;
  }
  __asm__ volatile("mcr p15, 0, %0, c2, c0, 2" : : "r"(0u));                   /* TTBCR: TTBR0 only */
  __asm__ volatile("mcr p15, 0, %0, c2, c0, 0" : : "r"((uint32_t)l1_table));    /* TTBR0 */
  __asm__ volatile("mcr p15, 0, %0, c3, c0, 0" : : "r"(1u));                   /* DACR: domain 0 client */
  __asm__ volatile("mcr p15, 0, %0, c8, c7, 0" : : "r"(0u));                   /* TLBIALL */
  __asm__ volatile("dsb\n\tisb" ::: "memory");
  uint32_t sctlr;
  __asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(sctlr));
  sctlr |= SCTLR_M | SCTLR_C | SCTLR_Z | SCTLR_I;
  __asm__ volatile("mcr p15, 0, %0, c1, c0, 0\n\tisb" : : "r"(sctlr) : "memory");
}

static uint32_t sctlr_now(void) {
  uint32_t v;
  __asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(v));
  return v;
}
#endif

/* -DONLY=k builds an image running kernel k alone (for profiling one kernel). */
int main(void) {
  uint32_t total = 0;
  int bad = 0;
#if defined(INTMIX_MMU) && !defined(INTMIX_HOST)
  if ((sctlr_now() & (SCTLR_M | SCTLR_C | SCTLR_I)) != (SCTLR_M | SCTLR_C | SCTLR_I)) {
    printf("mmu      not on (SCTLR 0x%08lx) FAIL\n", (unsigned long)sctlr_now());
    return 1;
  }
  printf("mmu      on\n");
#endif
  for (unsigned k = 0; k < sizeof kernels / sizeof kernels[0]; k++) {
#ifdef ONLY
    if (k != ONLY) continue;
#endif
    uint32_t v = kernels[k].fn();
    total = mix(total, v);
#ifdef INTMIX_HOST
    printf("  { \"%s\", bench_%s, 0x%08xu },\n", kernels[k].name, kernels[k].name, (unsigned)v);
#else
    int ok = v == kernels[k].expect;
    if (!ok) bad++;
    printf("%-8s 0x%08lx %s\n", kernels[k].name, (unsigned long)v, ok ? "ok" : "MISMATCH");
#endif
  }
  printf("checksum 0x%08lx %s\n", (unsigned long)total, bad ? "FAIL" : "PASS");
  return bad ? 1 : 0;
}

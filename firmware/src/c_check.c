/* Compiler idioms: bitfields, switch tables, varargs, struct copies, division by constants,
 * signed/unsigned conversions, byte swaps and bit counts via builtins, volatile loops. */
#include <stdio.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include "check.h"

struct bits { unsigned a : 3; signed b : 5; unsigned c : 12; unsigned d : 12; };
struct big { int v[17]; char name[13]; };

static volatile int vi[8] = { -7, 100, 3, -1, 0x7fffffff, (int)0x80000000, 13, 255 };
static volatile uint32_t vu[4] = { 0xf0000001u, 0x12345678u, 0, 0x80u };

static int sum_va(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = 0;
  for (int i = 0; i < n; i++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}

static long long sum_va64(int n, ...) {
  va_list ap;
  va_start(ap, n);
  long long s = 0;
  for (int i = 0; i < n; i++) s += va_arg(ap, long long);
  va_end(ap);
  return s;
}

static __attribute__((noinline)) int classify(int x) {
  switch (x) {
  case 0: return 10; case 1: return 11; case 2: return 13; case 3: return 17;
  case 4: return 19; case 5: return 23; case 6: return 29; case 7: return 31;
  case 100: return 1; default: return -1;
  }
}

static __attribute__((noinline)) struct big make_big(int k) {
  struct big b;
  for (int i = 0; i < 17; i++) b.v[i] = k * i;
  strcpy(b.name, "big struct");
  return b;
}

int main(void) {
  group_begin("c_bitfield");
  struct bits b = { 5, -3, 0xabc, 0 };
  b.d = b.c + 1;
  CHECK(b.a, 5);
  CHECK(b.b, -3);
  CHECK(b.c, 0xabc);
  CHECK(b.d, 0xabd);
  b.a += 4;
  CHECK(b.a, 1);
  b.b = 15; b.b++;
  CHECK(b.b, -16);
  group_end();

  group_begin("c_switch");
  int s = 0;
  for (int i = -2; i < 10; i++) s += classify(i);
  CHECK(s, 10 + 11 + 13 + 17 + 19 + 23 + 29 + 31 - 4);
  CHECK(classify(vi[1]), 1);
  group_end();

  group_begin("c_varargs");
  CHECK(sum_va(5, 1, 2, 3, 4, 5), 15);
  CHECK(sum_va(9, 1, 2, 3, 4, 5, 6, 7, 8, 9), 45);
  CHECK64(sum_va64(3, 1LL << 40, -1LL, 5LL), (1LL << 40) + 4);
  group_end();

  group_begin("c_struct");
  struct big x = make_big(3), y;
  y = x;
  CHECK(y.v[16], 48);
  CHECKS(y.name, "big struct");
  CHECK(memcmp(&x, &y, sizeof x), 0);
  group_end();

  group_begin("c_arith");
  CHECK(vi[0] / 2, -3);
  CHECK(vi[0] % 2, -1);
  CHECK(vi[0] >> 1, -4);
  CHECK((unsigned)vi[0] >> 28, 0xf);
  CHECK(vi[1] / 7, 14);
  CHECK(vi[1] % 7, 2);
  CHECK(vi[4] + 1, 0x80000000);
  CHECK(vi[5] / -1 == vi[5] || 1, 1);
  CHECK((int8_t)vi[7], -1);
  CHECK((uint8_t)vi[0], 0xf9);
  CHECK((int16_t)0x18000, -32768);
  CHECK(vu[1] / 10, 30541989);
  CHECK(vu[1] % 10, 6);
  CHECK(vu[0] / 3, 0x50000000);
  CHECK((int32_t)vu[0] / 3, -89478485);
  CHECK64((uint64_t)vu[0] * vu[1], 0x1111111092345678ull);
  CHECK((uint32_t)((int64_t)vi[5] * vi[0] >> 32), 3);
  group_end();

  group_begin("c_builtins");
  CHECK(__builtin_clz(vu[3]), 24);
  CHECK(__builtin_ctz(vu[3]), 7);
  CHECK(__builtin_popcount(vu[1]), 13);
  CHECK(__builtin_bswap32(vu[1]), 0x78563412);
  CHECK(__builtin_bswap16((uint16_t)vu[1]), 0x7856);
  CHECK64(__builtin_bswap64(0x0102030405060708ull + vu[2]), 0x0807060504030201ull);
  CHECK(__builtin_parity(vu[0]), 1);
  CHECK(__builtin_ffs(vu[2]), 0);
  group_end();

  group_begin("c_loops");
  uint32_t h = 2166136261u;
  for (int i = 0; i < 10000; i++) { h ^= (uint32_t)i; h *= 16777619u; }
  CHECK(h, 0x62cfb515);
  char buf[32];
  snprintf(buf, sizeof buf, "%08lx", (unsigned long)h);
  printf("fnv %s\n", buf);
  group_end();
  return 0;
}

/* The kind of C program users run: stdio, heap, qsort, string functions, setjmp/longjmp,
 * 64-bit arithmetic, recursion, function pointers, and a small CRC + sort benchmark. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <stdint.h>
#include "check.h"

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static uint32_t rng_state = 12345;
static uint32_t rng(void) { rng_state = rng_state * 1103515245u + 12345u; return rng_state >> 1; }

static jmp_buf jb;
static volatile int depth_reached;
static void dive(int n) {
  depth_reached = n;
  if (n >= 7) longjmp(jb, n * 6);
  if (n < 100) dive(n + 1);
  depth_reached = -1;
}

static unsigned fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int ackermann(int m, int n) {
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

typedef int (*binop)(int, int);
static int op_add(int a, int b) { return a + b; }
static int op_sub(int a, int b) { return a - b; }
static int op_mul(int a, int b) { return a * b; }
static int op_div(int a, int b) { return a / b; }
static int op_mod(int a, int b) { return a % b; }

static uint32_t crc32(const uint8_t *p, size_t n) {
  uint32_t c = 0xffffffffu;
  while (n--) {
    c ^= *p++;
    for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320u & -(c & 1));
  }
  return ~c;
}

/* volatile inputs keep the compiler from folding the 64-bit operations */
static volatile uint64_t va = 0x123456789abcdef0ull, vb = 0x0fedcba987654321ull;
static volatile int64_t vs = -0x123456789abcdefll;
static volatile uint32_t vshift = 37, vsmall = 3;

int main(void) {
  char buf[128];

  group_begin("c_printf");
  snprintf(buf, sizeof buf, "%d %u %x %08X %s %c %5d|%-5d|", -42, 42u, 0xbeef, 0xcafe, "str", 'z', 7, 7);
  CHECKS(buf, "-42 42 beef 0000CAFE str z     7|7    |");
  snprintf(buf, sizeof buf, "%lld %llx %llu", (long long)vs, (unsigned long long)va, (unsigned long long)vb);
  CHECKS(buf, "-81985529216486895 123456789abcdef0 1147797409030816545");
  snprintf(buf, sizeof buf, "%.3s|%*d|%%|%p", "abcdef", 4, 3, (void *)0x1000);
  CHECKS(buf, "abc|   3|%|0x1000");
  printf("printf works: %d + %d = %d\n", 2, 2, 4);
  group_end();

  group_begin("c_malloc");
  int *a = malloc(1000 * sizeof *a);
  CHECK(a != NULL, 1);
  for (int i = 0; i < 1000; i++) a[i] = i * i;
  char *s = malloc(100);
  strcpy(s, "heap string");
  a = realloc(a, 5000 * sizeof *a);
  CHECK(a[999], 999 * 999);
  CHECKS(s, "heap string");
  long sum = 0;
  for (int round = 0; round < 50; round++) {
    void *blocks[20];
    for (int i = 0; i < 20; i++) { blocks[i] = malloc(16 + (size_t)(rng() % 4000)); memset(blocks[i], i, 16); }
    for (int i = 0; i < 20; i++) { sum += ((unsigned char *)blocks[i])[15]; free(blocks[i]); }
  }
  CHECK(sum, 50 * 190);
  void *z = calloc(64, 4);
  int nz = 0;
  for (int i = 0; i < 256; i++) nz += ((unsigned char *)z)[i] != 0;
  CHECK(nz, 0);
  free(z); free(s); free(a);
  group_end();

  group_begin("c_qsort");
  int v[200];
  for (int i = 0; i < 200; i++) v[i] = (int)(rng() % 10000) - 5000;
  qsort(v, 200, sizeof v[0], cmp_int);
  int sorted = 1;
  for (int i = 1; i < 200; i++) sorted &= v[i - 1] <= v[i];
  CHECK(sorted, 1);
  const char *words[] = { "pear", "apple", "fig", "banana", "cherry", "apricot" };
  qsort(words, 6, sizeof words[0], cmp_str);
  CHECKS(words[0], "apple");
  CHECKS(words[1], "apricot");
  CHECKS(words[5], "pear");
  int key = v[100];
  int *found = bsearch(&key, v, 200, sizeof v[0], cmp_int);
  CHECK(found != NULL && *found == key, 1);
  group_end();

  group_begin("c_string");
  char src[64], dst[64];
  for (int i = 0; i < 64; i++) src[i] = (char)(i * 7 + 1);
  memcpy(dst, src, 64);
  CHECK(memcmp(dst, src, 64), 0);
  memmove(dst + 1, dst, 40);
  CHECK(dst[1], src[0]);
  CHECK(dst[40], src[39]);
  memset(dst, 'x', 10);
  dst[10] = 0;
  CHECKS(dst, "xxxxxxxxxx");
  CHECK(strcmp("abc", "abd") < 0, 1);
  CHECK(strcmp("abc", "abc"), 0);
  CHECK(strncmp("abcdef", "abcxyz", 3), 0);
  CHECK(strlen("hello, world"), 12);
  CHECKS(strchr("hello", 'l'), "llo");
  CHECKS(strrchr("hello", 'l'), "lo");
  CHECKS(strstr("the quick brown fox", "brown"), "brown fox");
  strcpy(buf, "foo");
  strcat(buf, "bar");
  CHECKS(buf, "foobar");
  CHECK(strtol("-12345", NULL, 10), -12345);
  CHECK(strtoul("ff", NULL, 16), 255);
  CHECK(atoi("  77"), 77);
  group_end();

  group_begin("c_setjmp");
  volatile int visited = 0;
  int r = setjmp(jb);
  if (r == 0) { visited++; dive(0); CHECK(0, 1); }
  CHECK(r, 42);
  CHECK(visited, 1);
  CHECK(depth_reached, 7);
  group_end();

  group_begin("c_int64");
  uint64_t x = va, y = vb;
  CHECK64(x + y, 0x2222222222222211ull);
  CHECK64(x - y, 0x02468acf13579bcfull);
  CHECK64(x * y, 0x2236d88fe5618cf0ull);
  CHECK64(x / vsmall, 0x0611722833944a50ull);
  CHECK64(x % vsmall, 0);
  CHECK64((x + 1) % vsmall, 1);
  CHECK64(x / y, 1);
  CHECK64(x % y, 0x02468acf13579bcfull);
  CHECK64(y / 1000003, 0x10b3dda0250ull);
  CHECK64(x << vshift, 0x579bde0000000000ull);
  CHECK64(x >> vshift, 0x91a2b3ull);
  CHECK64((uint64_t)(vs >> vshift), 0xfffffffffff6e5d4ull);
  CHECK64((uint64_t)(vs / 1000), (uint64_t)-81985529216486ll);
  CHECK64((uint64_t)(vs % 1000), (uint64_t)-895ll);
  CHECK64((uint64_t)((int64_t)(int32_t)vsmall * -7), (uint64_t)-21ll);
  uint32_t lo = (uint32_t)x, hi = (uint32_t)(x >> 32);
  CHECK((uint64_t)lo * hi >> 32, 0x0b00ea4e);
  group_end();

  group_begin("c_recursion");
  CHECK(fib(20), 6765);
  CHECK(ackermann(2, 3), 9);
  CHECK(ackermann(3, 3), 61);
  group_end();

  group_begin("c_funcptr");
  binop ops[] = { op_add, op_sub, op_mul, op_div, op_mod };
  int acc = 1000;
  for (int i = 0; i < 23; i++) acc = ops[i % 5](acc, i + 3);
  CHECK(acc, -25);
  group_end();

  group_begin("c_bench");
  static uint8_t data[16384];
  rng_state = 1;
  for (size_t i = 0; i < sizeof data; i++) data[i] = (uint8_t)rng();
  uint32_t crc = 0;
  for (int k = 0; k < 8; k++) { data[k]++; crc = crc * 33 + crc32(data, sizeof data); }
  CHECK(crc32((const uint8_t *)"123456789", 9), 0xcbf43926);
  static int arr[4000];
  for (int i = 0; i < 4000; i++) arr[i] = (int)rng();
  /* insertion sort of the first 1000, then qsort of all */
  for (int i = 1; i < 1000; i++) {
    int t = arr[i], j = i - 1;
    while (j >= 0 && arr[j] > t) { arr[j + 1] = arr[j]; j--; }
    arr[j + 1] = t;
  }
  qsort(arr, 4000, sizeof arr[0], cmp_int);
  uint32_t h = 0;
  for (int i = 0; i < 4000; i++) h = h * 31 + (uint32_t)arr[i];
  printf("bench crc=%08lx sorthash=%08lx\n", (unsigned long)crc, (unsigned long)h);
  group_end();

  printf("all %d checks passed\n", checks_done());
  return 0;
}

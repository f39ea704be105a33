/* armada test/cprogs: every printf conversion, flags, width/precision (also from args), %lld/%llx, %n, snprintf truncation, soft-float %f/%e/%g. Expected: exit 0, output as QEMU's. */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>
int main(void){
  int vals[] = {0, 1, -1, 42, -42, 255, 65535, INT_MAX, INT_MIN, 1000000, -999999};
  for (unsigned i=0;i<sizeof vals/sizeof vals[0];i++){
    int v = vals[i];
    printf("[%d] [%u] [%x] [%X] [%o] [%+d] [%-8d] [%8d] [%08d] [%#x] [%#o] [% d] [%.3d]\n", v,(unsigned)v,v,v,v,v,v,v,v,v,v,v,v);
  }
  long long ll[] = {0LL, 1LL, -1LL, 0x7fffffffffffffffLL, (long long)0x8000000000000000ULL, 1234567890123LL, -9876543210987LL};
  for (unsigned i=0;i<sizeof ll/sizeof ll[0];i++)
    printf("%lld %llu %llx %llX %llo %+lld %20lld|%-20lld|\n", ll[i], (unsigned long long)ll[i], ll[i], ll[i], ll[i], ll[i], ll[i], ll[i]);
  const char *s = "hello, world";
  printf("[%s] [%5.3s] [%-15s] [%15s] [%.0s] [%.*s] [%*s]\n", s, s, s, s, s, 4, s, 20, s);
  for (int w=0; w<12; w+=3) for (int p=0;p<6;p+=2) printf("<%*.*d>", w, p, 12345);
  printf("\n");
  printf("%c%c%c %5c|%-5c|\n", 'a', 'B', '0', 'x', 'y');
  printf("%%literal %hhd %hd %hhu %hu\n", (char)300, (short)70000, (unsigned char)300, (unsigned short)70000);
  printf("%zu %td %jd\n", sizeof(long long), (ptrdiff_t)-5, (intmax_t)123456789012LL);
  void *p = (void*)0x1234abcd; printf("%p\n", p);
  int n; printf("abc%n", &n); printf(" n=%d\n", n);
  char buf[64]; int r = snprintf(buf, 10, "%s-%d", "truncated", 12345); printf("%s %d\n", buf, r);
  r = sprintf(buf, "%08.3f|%e|%g|%G", 3.14159, 12345.678, 0.0001234, 1e20); printf("%s %d\n", buf, r);
  printf("%f %.2f %10.4f %-10.1f| %g %g\n", 1.5, -2.345, 100.0/3, 2.25, 1e-5, 123456789.0);
  return 0;
}

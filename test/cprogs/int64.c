/* armada test/cprogs: 64-bit signed/unsigned mul, div, mod (libgcc __aeabi_ldivmod/uldivmod) on edge values, variable 64-bit shifts, 32x32->64 multiplies. Expected: exit 0. */
#include <stdio.h>
#include <stdint.h>
static volatile int64_t sv[] = {0, 1, -1, 2, -2, 3, 7, -7, 10, 1000000007, -1000000007, 0x7fffffffffffffffLL, (int64_t)0x8000000000000000ULL, 0x100000000LL, 0xffffffffLL, -0x100000000LL, 0x123456789abcdefLL, 0x7fffffff, -0x80000000LL};
static volatile uint64_t uv[] = {0, 1, 2, 3, 0xffffffffffffffffULL, 0x8000000000000000ULL, 0xffffffffULL, 0x100000000ULL, 0xdeadbeefcafebabeULL, 10, 1000000000000ULL};
int main(void){
  unsigned ns = sizeof sv/sizeof sv[0], nu = sizeof uv/sizeof uv[0];
  uint64_t h = 0;
  for (unsigned i=0;i<ns;i++) for (unsigned j=0;j<ns;j++){
    int64_t a=sv[i], b=sv[j];
    int64_t m = (int64_t)((uint64_t)a*(uint64_t)b);
    h = h*31 + (uint64_t)m;
    if (b!=0 && !(a==(int64_t)0x8000000000000000ULL && b==-1)){
      int64_t q=a/b, r=a%b; h = h*31 + (uint64_t)q; h = h*31 + (uint64_t)r;
      if (i%3==0) printf("%lld / %lld = %lld r %lld\n", a, b, q, r);
    }
  }
  printf("signed hash %016llx\n", (unsigned long long)h);
  h=0;
  for (unsigned i=0;i<nu;i++) for (unsigned j=0;j<nu;j++){
    uint64_t a=uv[i], b=uv[j];
    h = h*131 + a*b;
    if (b) { h ^= a/b; h = h*7 + a%b; }
    if (j==4) printf("%llu %% %llu = %llu, / = %llu\n", a, b, b?a%b:0, b?a/b:0);
  }
  printf("unsigned hash %016llx\n", (unsigned long long)h);
  for (int s=0;s<64;s+=5){
    volatile int sh = s;
    printf("s=%2d %016llx %016llx %016llx\n", s, (unsigned long long)(uv[8]<<sh), (unsigned long long)(uv[8]>>sh), (unsigned long long)(sv[12]>>sh));
  }
  /* 32x32->64 */
  volatile uint32_t x=0xffffffffu, y=0xfffffffeu; volatile int32_t sx=-123456789, sy=987654321;
  printf("%llx %lld\n", (unsigned long long)((uint64_t)x*y), (long long)((int64_t)sx*sy));
  int64_t acc = 1; for (int i=0;i<70;i++){ acc = acc*3 + i; acc ^= acc>>7; }
  printf("acc %lld\n", (long long)acc);
  return 0;
}

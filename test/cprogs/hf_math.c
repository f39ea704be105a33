// Hard-float newlib: printf of doubles and floats, libm (sqrt, sin, exp, pow, log, atan2, fmod),
// float<->int conversions, strtod. Built with -mfloat-abi=hard -mfpu=vfpv3 and fpu_start.S.
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
int main(void) {
  volatile double x = 1.0;
  for (int i = 1; i <= 10; i++) { x = x * 1.1 + sqrt((double)i) / 3.0; printf("%d %.17g %.6e %a\n", i, x, sin(x), x); }
  volatile float f = 0.1f; double acc = 0;
  for (int i = 0; i < 100; i++) { f = f * 1.01f + 0.5f; acc += (double)f; }
  printf("f=%.9g acc=%.17g\n", f, acc);
  printf("conv %d %u %lld %f %g\n", (int)-3.7, (unsigned)3.99e9, (long long)-1e15, (double)(float)1e-40, exp(-700.0));
  printf("%.3f %.3f %.3f %g\n", pow(2.0, 0.5), log(10.0), atan2(1.0, -1.0), fmod(10.5, 3.0));
  char buf[64]; double d = strtod("3.14159e-5", 0); snprintf(buf, sizeof buf, "%.10g", d); puts(buf);
  return (int)(x) & 0x7f;
}

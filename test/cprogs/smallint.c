/* armada test/cprogs: 8/16-bit signed/unsigned arithmetic with truncation and sign extension, division by constants, min/max/abs. Expected: exit 0. */
#include <stdio.h>
#include <stdint.h>
static volatile int8_t s8[] = {0,1,-1,127,-128,100,-100,55};
static volatile uint8_t u8[] = {0,1,255,128,127,200,3,99};
static volatile int16_t s16[] = {0,1,-1,32767,-32768,12345,-12345,256};
static volatile uint16_t u16[] = {0,1,65535,32768,32767,40000,3,999};
int main(void){
  uint32_t h=0;
  for (int i=0;i<8;i++) for (int j=0;j<8;j++){
    int8_t a=s8[i], b=s8[j]; uint8_t c=u8[i], d=u8[j]; int16_t e=s16[i], f=s16[j]; uint16_t g=u16[i], k=u16[j];
    int8_t r1=(int8_t)(a+b), r2=(int8_t)(a*b); uint8_t r3=(uint8_t)(c+d), r4=(uint8_t)(c*d);
    int16_t r5=(int16_t)(e+f), r6=(int16_t)(e*f); uint16_t r7=(uint16_t)(g-k), r8=(uint16_t)(g*k);
    h = h*31 + (uint32_t)r1; h = h*31 + (uint32_t)r2; h = h*31 + r3; h = h*31 + r4; h = h*31 + (uint32_t)r5; h = h*31 + (uint32_t)r6; h = h*31 + r7; h = h*31 + r8;
    if (b) h ^= (uint32_t)(a/b) + (uint32_t)(a%b); if (d) h += c/d*7 + c%d; if (f) h ^= (uint32_t)(e/f) ^ ((uint32_t)(e%f)<<3); if (k) h += g/k + (g%k)*13;
    h += (a<b) + 2*(c<d) + 4*(e<f) + 8*(g<k) + 16*(a==(int8_t)c);
  }
  printf("hash %08x\n", h);
  for (int i=0;i<8;i++) printf("%d %u %d %u | %d %d %u\n", s8[i], u8[i], s16[i], u16[i], s8[i]>>2, s16[i]>>3, u16[i]>>3);
  /* division by constants */
  int32_t acc=0; for (int32_t v=-100000; v<100000; v+=37){ acc += v/3 + v/7 + v%10 + v/1000 - v%13 + (v/16) + v%64; }
  uint32_t uacc=0; for (uint32_t v=0; v<4000000000u; v+=12345671u){ uacc += v/3 + v/10 + v%7 + v/1000000 + v%1024; }
  printf("divconst %d %u\n", acc, uacc);
  int mn=1<<30, mx=-(1<<30), ab=0; for (int v=-50; v<50; v+=3){ int w=v*v-40*v; mn = w<mn?w:mn; mx = w>mx?w:mx; ab += w<0?-w:w; } printf("mm %d %d %d\n", mn, mx, ab);
  return 0;
}

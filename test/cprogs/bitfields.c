/* armada test/cprogs: signed/unsigned bitfields (BFI/UBFX/SBFX), packed unaligned structs, volatile, endianness, type punning. Expected: exit 0. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
struct bf { unsigned a:3; signed b:5; unsigned c:12; signed d:12; unsigned e:1; uint32_t f:31; int g:1; };
struct __attribute__((packed)) pk { uint8_t x; uint32_t y; uint16_t z; uint64_t w; int16_t v; };
struct __attribute__((packed)) pk2 { char c; int arr[3]; long long ll; };
static volatile uint32_t vreg;
int main(void){
  struct bf s; memset(&s,0,sizeof s);
  for (int i=0;i<40;i++){
    s.a += i; s.b -= i*3; s.c = s.c*5 + i; s.d = (s.d ^ (i<<7)) - 1; s.e = !s.e; s.f += 0x12345677u*i; s.g = i&1 ? -1 : 0;
    if (i%4==0) printf("%u %d %u %d %u %u %d\n", s.a, s.b, s.c, s.d, s.e, s.f, s.g);
  }
  uint8_t raw[64]; for (int i=0;i<64;i++) raw[i]=(uint8_t)(i*37+1);
  struct pk *p = (struct pk*)(raw+1);
  printf("sizeof pk=%u pk2=%u\n", (unsigned)sizeof(struct pk), (unsigned)sizeof(struct pk2));
  printf("%02x %08x %04x %016llx %d\n", p->x, p->y, p->z, (unsigned long long)p->w, p->v);
  p->y = 0xa1b2c3d4; p->w = 0x0102030405060708ULL; p->z += 0x1111; p->v = -1234;
  for (int i=0;i<24;i++) printf("%02x", raw[i]); printf("\n");
  struct pk2 q[3]; memset(q,0,sizeof q);
  for (int i=0;i<3;i++){ q[i].c=(char)('A'+i); for(int j=0;j<3;j++) q[i].arr[j]=i*100+j; q[i].ll = -(long long)i*0x100000001LL; }
  long long t=0; for (int i=0;i<3;i++){ t += q[i].ll; for(int j=0;j<3;j++) t += q[i].arr[j]; } printf("t=%lld %c\n", t, q[2].c);
  for (int i=0;i<10;i++){ vreg = i; vreg = vreg*vreg + 1; } printf("vreg=%u\n", vreg);
  uint32_t w=0x12345678; uint8_t *b=(uint8_t*)&w; printf("endian %02x%02x%02x%02x\n", b[0],b[1],b[2],b[3]);
  union { float f; uint32_t u; } u; u.f = -1.5f; printf("float bits %08x\n", u.u);
  return 0;
}

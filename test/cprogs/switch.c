/* armada test/cprogs: dense and sparse switch tables (A32 ldr pc / Thumb TBB/TBH), case ranges, function-pointer tables over ALU ops. Expected: exit 0. */
#include <stdio.h>
typedef int (*binop)(int,int);
static int add(int a,int b){return a+b;} static int sub(int a,int b){return a-b;} static int mul(int a,int b){return a*b;}
static int dv(int a,int b){return b?a/b:0;} static int md(int a,int b){return b?a%b:0;} static int shl(int a,int b){return a<<(b&31);}
static int sar(int a,int b){return a>>(b&31);} static int band(int a,int b){return a&b;} static int bor(int a,int b){return a|b;} static int bxor(int a,int b){return a^b;}
static binop ops[] = {add,sub,mul,dv,md,shl,sar,band,bor,bxor};
__attribute__((noinline)) static const char *name(unsigned k){
  switch(k){ case 0: return "zero"; case 1: return "one"; case 2: return "two"; case 3: return "three"; case 4: return "four"; case 5: return "five";
  case 6: return "six"; case 7: return "seven"; case 8: return "eight"; case 9: return "nine"; case 10: return "ten"; case 11: return "eleven"; case 12: return "twelve"; default: return "many"; }
}
__attribute__((noinline)) static int big(int k){
  switch(k){
#define C(n) case n: return n*n+3;
  C(0)C(1)C(2)C(3)C(4)C(5)C(6)C(7)C(8)C(9)C(10)C(11)C(12)C(13)C(14)C(15)C(16)C(17)C(18)C(19)C(20)C(21)C(22)C(23)C(24)C(25)C(26)C(27)C(28)C(29)C(30)C(31)
  C(40)C(50)C(60)C(70)C(80)C(90)C(100)C(110)C(120)C(130)C(140)C(150)C(160)C(170)C(180)C(190)C(200)C(210)C(220)C(230)C(240)C(250)C(260)C(270)C(280)C(290)C(300)
  default: return -1; }
}
__attribute__((noinline)) static int sparse(int k){ switch(k){ case -1000: return 1; case 7: return 2; case 99999: return 3; case 123456: return 4; case -5: return 5; default: return 0; } }
__attribute__((noinline)) static int chars(char c){ switch(c){ case 'a': case 'e': case 'i': case 'o': case 'u': return 1; case 'y': return 2; case ' ': return 3; case '0' ... '9': return 4; default: return 0; } }
__attribute__((noinline)) static int small_ops(unsigned op, int a, int b){
  switch(op){ case 0: return a+b; case 1: return a-b*3; case 2: return a^(b<<2); case 3: return (a|b)-7; case 4: return a*b+1;
  case 5: return (a>>3)+b; case 6: return ~a&b; case 7: return a<b ? b-a : a-b; case 8: return a*a-b; case 9: return b%7+a; default: return -a; }
}
int main(void){
  for (unsigned k=0;k<15;k++) printf("%s ", name(k)); printf("\n");
  long s=0; for (int k=-3;k<320;k++) s += big(k)*(k+1); printf("big sum %ld\n", s);
  int ks[] = {-1000,7,99999,123456,-5,0,8}; for (int i=0;i<7;i++) printf("%d ", sparse(ks[i])); printf("\n");
  const char *t = "the quick brown fox jumps over 13 lazy dogs, yay 2024"; int cnt[5]={0}; for (const char *p=t;*p;p++) cnt[chars(*p)]++;
  printf("%d %d %d %d %d\n", cnt[0],cnt[1],cnt[2],cnt[3],cnt[4]);
  int vals[] = {100, -7, 3, 0, 0x7fffffff, -0x7fffffff-1, 31, 17};
  for (unsigned o=0;o<sizeof ops/sizeof ops[0];o++){ unsigned h=0; for (int i=0;i<8;i++) for (int j=0;j<8;j++){ if (o>=3&&o<=4&&vals[i]==(-0x7fffffff-1)&&vals[j]==-1) continue; h = h*33 + (unsigned)ops[o](vals[i],vals[j]); } printf("op%u %08x\n", o, h); }
  int acc=0; for (unsigned op=0; op<12; op++) for (int a=-20;a<20;a+=7) acc = acc*3 + small_ops(op, a, acc&0xff); printf("small_ops %d\n", acc);
  return 0;
}

/* armada test/cprogs: strtol/strtoul/strtoll/atoi with errno, sscanf, memmove overlap, memcpy alignments, string.h, strtok, ctype. Expected: exit 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
int main(void){
  const char *nums[] = {"0","42","-17","  +99x","0x1F","0777","2147483647","2147483648","-2147483649","zz","1e5","   -0x80000000"};
  for (unsigned i=0;i<sizeof nums/sizeof nums[0];i++){
    char *end; errno=0; long v=strtol(nums[i],&end,0); unsigned long u=strtoul(nums[i],0,10); long long ll=strtoll(nums[i],0,0);
    printf("'%s' strtol=%ld end=%d errno=%d strtoul=%lu atoi=%d strtoll=%lld\n", nums[i], v, (int)(end-nums[i]), errno, u, atoi(nums[i]), ll);
  }
  int a,b; char w[16]; unsigned x; int n = sscanf("12 -34 word ff", "%d %d %15s %x", &a,&b,w,&x); printf("sscanf %d: %d %d %s %x\n", n,a,b,w,x);
  n = sscanf("key=value;3.5", "%[^=]=%[^;];%d", w, w+8, &a); printf("sscanf2 %d %s\n", n, w);
  char buf[100]; strcpy(buf, "0123456789abcdefghij");
  memmove(buf+3, buf, 10); printf("%s\n", buf);
  strcpy(buf, "0123456789abcdefghij"); memmove(buf, buf+5, 12); printf("%s\n", buf);
  char big[300]; for (int i=0;i<300;i++) big[i]=(char)i; for (int off=0;off<8;off++){ for (int d=0;d<8;d++){ memmove(big+off, big+d+16, 100+off); } } unsigned h=0; for(int i=0;i<300;i++) h=h*31+(unsigned char)big[i]; printf("memmove hash %08x\n", h);
  char cp[64]; for (int al=0;al<4;al++) for (int len=0;len<20;len+=3){ memset(cp,'.',64); memcpy(cp+al, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"+len%5, len); cp[40]=0; printf("%s|", cp); } printf("\n");
  printf("%d %d %d %d\n", strcmp("abc","abd"), strncmp("abcdef","abcxyz",3), memcmp("\x01\xff","\x01\x01",2)>0, strcasecmp("HeLLo","hello"));
  printf("%s %s %u %u\n", strchr("hello world",'o'), strrchr("hello world",'o'), (unsigned)strspn("aabbcd","ab"), (unsigned)strcspn("hello","l"));
  printf("%s\n", strstr("finding a needle in haystack","needle"));
  char tok[] = "a,b,,c;d e"; for (char *t=strtok(tok,",; "); t; t=strtok(0,",; ")) printf("[%s]", t); printf("\n");
  int cls[8]={0}; for (int c=0;c<256;c++){ cls[0]+=!!isalpha(c); cls[1]+=!!isdigit(c); cls[2]+=!!isspace(c); cls[3]+=!!ispunct(c); cls[4]+=!!isupper(c); cls[5]+=!!isxdigit(c); cls[6]+=!!isprint(c); cls[7]+=toupper(c)-tolower(c); }
  for (int i=0;i<8;i++) printf("%d ", cls[i]); printf("\n");
  char s[]="Mixed Case 123 String!"; for (char *p=s;*p;p++) *p = islower((unsigned char)*p)? toupper((unsigned char)*p) : tolower((unsigned char)*p); printf("%s %u\n", s, (unsigned)strlen(s));
  return 0;
}

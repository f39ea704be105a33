// Golden vectors from QEMU 7.2 (qemu-system-arm -M vexpress-a9) for every media-group encoding
// in A32, T32 and T16 (SDIV/UDIV excluded: Cortex-A9 has no divider, QEMU UNDEFs them).
//
// The cases are generated here exactly as the generator that ran them under QEMU did: each
// encoding with Rd/RdLo = r0, RdHi = r1, Rn/Rm/Ra from r1-r3, each option field over a few values,
// six seeded inputs for r0-r3 and the APSR (N Z C V Q and GE). The generator assembled every case
// into one guest program, ran it in QEMU and recorded r0-r3 and the APSR after the instruction;
// GOLDEN holds an FNV-1a hash of those five words per case (base 36, 7 characters).
import { describe, expect, it } from 'vitest';
import { A32, T16, T32 } from '../../src/armcore/isa/tables.js';
import { encodeFields, type Encoding, type Fields } from '../../src/armcore/encoding.js';
import { machine, loadA32, loadThumb } from '../harness.js';

const SPECIAL = [0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0x80008000, 0x7fff7fff, 0xffff0000, 0x0000ffff,
  0x7f7f7f7f, 0x80808080, 0xff00ff00, 0x00800080, 0x12345678, 0xfedcba98, 0x00010001, 0x8000ffff, 0x40000000];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s; };
}

function variants(e: Encoding): Fields[] {
  const base: Fields = {};
  const long = e.fields.has('h');
  const opts: [string, number[] | null][] = [];
  for (const k of e.fields.keys()) {
    switch (k) {
      case 'c': break;
      case 'd': base['d'] = 0; break;
      case 'n': base['n'] = long ? 2 : 1; break;
      case 'm': base['m'] = long ? 3 : 2; break;
      case 'a': base['a'] = 3; break;
      case 'h': base['h'] = 1; break;
      case 'l': base['l'] = 0; break;
      case 'S': case 'M': case 'N': case 'R': case 'T': case 'p': opts.push([k, [0, 1]]); break;
      case 'r': opts.push([k, [0, 1, 2, 3]]); break;
      case 'k': opts.push([k, e.name.startsWith('BF') ? null : (e.fieldWidth.get('k') === 4 ? [0, 7, 15] : [0, 7, 15, 31])]); break;
      case 'i': opts.push([k, [0, 1, 3, 16, 31]]); break;
      case 'b': case 'w': break;
      default: throw new Error(`${e.name}: field ${k}`);
    }
  }
  if (e.iset === 'T16') { base['d'] = 0; if (e.fields.has('n')) base['n'] = 1; if (e.fields.has('m')) base['m'] = 1; }
  let list: Fields[] = [base];
  for (const [k, vals] of opts) {
    if (!vals) continue;
    list = list.flatMap(f => vals.map(v => ({ ...f, [k]: v })));
  }
  if (e.fields.has('w')) list = list.flatMap(f => [[4, 7], [0, 31], [31, 0], [8, 15], [1, 0]].map(([b, w]) => ({ ...f, b: b!, w: w! })));
  if (e.name.startsWith('BF')) list = list.flatMap(f => [[4, 11], [0, 31], [31, 31], [0, 0], [8, 23]].map(([b, k]) => ({ ...f, b: b!, k: k! })));
  return list;
}

interface Case { set: string; name: string; fields: Fields; word: number; regs: number[]; apsr: number }

function buildCases(): Case[] {
  const rnd = prng(0x5eed);
  const cases: Case[] = [];
  const inputs = (nIn: number) => {
    const out: { regs: number[]; apsr: number }[] = [];
    for (let i = 0; i < nIn; i++) {
      const regs: number[] = [];
      for (let r = 0; r < 4; r++) {
        const x = rnd();
        regs.push((x & 3) === 0 ? rnd() : SPECIAL[x % SPECIAL.length]!);
      }
      const apsr = (rnd() & 0xf80f0000) >>> 0;
      out.push({ regs, apsr });
    }
    return out;
  };
  for (const [set, table] of [['A32', A32], ['T32', T32], ['T16', T16]] as const) {
    for (const e of table) {
      if (e.group !== 'media' || e.name === 'SDIV' || e.name === 'UDIV') continue;
      for (const f of variants(e)) {
        const ff = { ...f };
        if (e.fields.has('c')) ff['c'] = 14;
        const word = encodeFields(e, ff);
        for (const inp of inputs(6)) cases.push({ set, name: e.name, fields: f, word, ...inp });
      }
    }
  }
  return cases;
}

function fnv(ws: number[]): string {
  let h = 0x811c9dc5;
  for (const w of ws) for (let b = 0; b < 4; b++) { h ^= (w >>> (8 * b)) & 255; h = Math.imul(h, 0x01000193) >>> 0; }
  return (h >>> 0).toString(36).padStart(7, '0');
}

const GOLDEN = [
  '0oqqit71k4h97y0w9hc581hn4bir1ikrid20ooi78r02m90xm09cmh910j68jqb0thnhwh02c7hl501yuvt20r7wc2s0e3k3u3',
  '1qect8n1mcrbfi1x0o5s50xamc2l1tfppdq071yenh0eid70n0k81a0d19yjdzo0j3sghu0a9cba11yno4wb02dq0ho1n84qki',
  '0k3c6a80vvamr508j35cf1hoxag61aq3u4p0wa159t1s260mu0kh0ca01mpu7st10abu5r1lcj0qw0ip3hdb05foyn80cbbbfu',
  '1cxxnxi0woqu3819vs24e1e0uqi001zi6o714gvyhr1w8xn981i2crqc1w9evir11p7a0m0ymi88j1fc9vvh1c0cj4i1e1rxo7',
  '0hklao90wv7rf3075ui4b1efm3yw0toyycj1qvc4641nutwvl103bokx1gownje1kkpwf20nypjlx0f8yybi117m6z702it4tb',
  '09l5f8612e720y0uplq3b0smjynt0nznb2s0ru3yx30h5lwhg1830tif1jfo9ck19re63h0z4nhu20ajy6gc1xbn4jb1p2nyka',
  '13wpdfq1o8v1g91a19e1x1a05e0c07d767o19e99m61k8geo41ew47kz01elfbf0ivh3mo16o4b6w13kejmq0ohy1300uiuh6l',
  '0g1h0ho1k3cc2j018z0kc1wdz61s1l2azm30nsm5zs0wo3ses1gsbcca1orxzrw10ucpw1061z80x1ppriwj0bexb6b1ayr3pe',
  '1cnrxcf13vc6ur1y04bvi1g61e3b09e1kc404g7yd30grb5vz11mvd1v1uawnxn1m6d82y16djcyo14yvm6q14klxf80bjd7yd',
  '185anft0lwnlk71dze5rh0sujwet0ka1rfu0pytgck15t0wfy07kyb3k1dbx4pa0pqhuej0v96syq0xxs41d08xnfdw1oilemh',
  '18ywwxh0oyrsnm1o5bqhg0hj09vi1pw8h8n04x54bu10p2kcj0kyia0v0k3g60r0lkgu610lp0s9j0eikum11fdn8ut1cmft5q',
  '01tauz30h3e4o81vwhp0o1fpq1kq0u3w52r01q770j1vwe3nt18v1w870i42mqm1lqxv2v1twau4f1sr5wdm00y8plr1ss2qlq',
  '0hkw1a80lr0c6809su0cb1gocdbn1s6hvzg09j2vmm1n01w9m0cu0ioq12zq8i207g38160whu7in0g3025f1oe12qm1p8daql',
  '0px4dr61awl3gx08d4d570qbohq10blbibl1cowwh315j40ul0p7yilf15msiqg0ysirtf1xn9gcy1kwzrgp0iup0jq1b4pgxj',
  '1dc3p1r11zv26e026gihh04kv55q0yxm88l1b517vu15al6kc1gibp6l0dguagh0amtyfn0yeq2010ch9la4155r2pn1uwrr1y',
  '1cchm3g0y10mpl04ahkfc0efv2lq0l65j721vwnpwq1ygd0ac060e0yq01lt0810wbfrza1w2f36m1y6vfiv1yhpkn51tvl2cc',
  '0us1d2s0fo0ohs01hurs0144meh51l1ct9q0m7pe6d0zpskf40alvabh0beo5fx18jz0jb0jgiqei138besq0r5a4zu19xyc8i',
  '0d3w4ei1w16jcc0v3lbdl1hm0nyl0rot2gy1gwv0j818s6mbz1sjufm6088epfy1x920fi00xuueb1ycwerd0z3lyk91spkqs4',
  '0huqp0e1yur8j71ikoyc3182q8p30aa982s107cvik0bthq1s0vpzg940fsy07a04xta691f52z1n0ebjehl1bg7u2o068tnfr',
  '1o056fn0jqi4sa127j2ne1ki9de20g5qb8n1tbkiza18p0d7w0e7d60l0p9bjok1yadur31361iv71ei7ude0gftz2o0xt6iux',
  '1ifvxnz0kv2jyv1iesszj0mnqk0c10jslfr0ocomgi1moj2os18kti8h0ke7tpe16faw5h1ghscys0ur7clf0831k1w0nr0aj1',
  '1l21nma1k9fq3803ox0ug0avpnbw0q8zykj1jvz3xn0dzd1cm10z9adc04c5hre0y4xewb0fo95tq0j74ssw1ac6pfk16c1zt9',
  '0pt5suy0t7znkd1p84b9n1g9wg1f0q1fj241sdlewk18vr5pk095zysl03t0eh508wwjqc0upb3i1029b1t91taejlw1awpklh',
  '13azqgv1lerbi608uq4w61hfrsgd09zrnag185vxgt18wlk530tm2awv0mn7qav1ova73w1v7fw45009ocjk1f1vv6a10eueng',
  '1951wvo0urdgkt1nla94i0qn2w530fwy0qj0yo0p3k15agzhp1vyru8e1cgp6ed03pbnsf1rs8cc41tbm2461csvpxo16qkvj7',
  '19y34vs0et3879007t8vo0lbzw9z0s9n1gs0e7zuqq1vf6d1e1ex26hg1q1k54u0sr27zp13c999p1jvgdei0kcm3nn12ww5r7',
  '1jm63m90sj2u3r19j0bd40meaaue14p4bv91iigltp0idua7h0xerfp71mbjmln15tz06108ejb350d84lrb05l9nlq0edrgmq',
  '1hcxp870qxtq2k0qjbs6i1d03wp10wtd5if0dvhz5z0el9i470bz17pe1qcuog31plrazh0zi41iu1trrjut1bpb45t17nnish',
  '0g11j8m17fvf9a0cg7max10qxvnl075i9a11dfy9481i0dghj08lehgg1s4a25r0oofa9y0r9yl1b1kevvon0zknyyo0l9t3z8',
  '1f2dlpj079o74d1nnqqtk12mbhr60s6j71w1jjuglt0u2tgxn0zc8qxq1s7gits00w3e970w80bf30sw721h158d3fa1ngmlpy',
  '1i5j1050ay7a5g0i0uhxv15n5ryv0edoy8j1fs99ng0f0yqyv0m3ef0m09x2hqk1lfvlej0hqdxio0t3mlkb0cffatf1nud92d',
  '1r1m3bm07hkvzf09s9pp10l8uar70gpp08m1rrp94q1dlw3nn0xsw7vx10cti7n0g54l7a09d9jv90xz17ar1kkgvcs1fls1q8',
  '07o1sfh1jbn8hu0440lmz0jlfayj111w7210ymduxf1lm1g7u0aivbnn0jo8vng1ofztit064oduw0d9o9yx0dqs6gr0nykihk',
  '0boxy95092pom40ctspwd1rqc34o1thn8g31618fnt1s57mjx13xj0mr0hvg0nm1bzndb81xb2zr208py9k80o2mof10abmsy7',
  '0wvaa0h1hos0o11ryftu40okd8lq1krfjjf1nxj4yx19t34qi1b32l1d0tc90fk0ym4qly1dncdy30z5hrhl0l5vbej1m7k5g2',
  '0kpyiul171q27n19t0g490qnnjpv0e61c1b0ifttw60m0ejsl0jnnq341m49tdk0ncnqkc0aihqkw1kdpsss1b5b35c0fu16k5',
  '0z3gf4n073kn4h1vb3utc0sckgmb0wtmnlu07pfiuz1h3jrff1b9cyyr0bzhydm1aylfxy003hypd10fapsi1em3t3f03ldtv7',
  '0xf3m410ulglkr10jbecm08ekule0edbxk000sw0fr15dsxcu17pf2h117t4ehg04yaydz0ssfdjn0xc98o10end3se0dj203r',
  '0dae10m015uk360ytye4n1d4sfk60ccpo3i1vpkkmy1g9j53j14w1ufc0voey3204z673506phhf31qtvpva04lt7sm0fubrj4',
  '1mkc9ym1v2cxf118qh3uk19ywf2v1psawtl0bx8wo71g6mlx70qfs38y184fqky1b3svb11fd6sss1sjdp7j0fkqai405va9tk',
  '1y848o40dw0kpa079zo7s06qrz3e1btodpu0y2ed9o1aud9iy00fmgm30zhrghq1ggdljn1l5rf6p1786enx1ufab9f0dfe89f',
  '12vi1t80s527z013y8zlv16gti7l0ud4hhg09tz4y012zxds31yew6390f8w1201voy8j20fo46oi1tjmnqt15nx91j0gykhm1',
  '18pn83p17sqzdw1wjpufh0eib5411mf1akg0fy1lwy0ah5qud07na0tu14526601txesn01lh9wac0uscbs405yxy6n1gh9zci',
  '092d01o143irpp19b3mh30cvng041sz6uyk1p5iiki0z69ecw1kc3sdc0mr87vc1wohl6l09199rf0jp85m70uz1g0k0cmomzd',
  '0eyy5aq00n20jc1aap0vi1ep300101hl4eo0ws53c60t409ps0vvjpfq19rj4ku1rg5j1508txbl41nr97wi0kv7kzk0jgbqty',
  '00hlw001e4max716nk2731g79a6z06kms4g044733y0g77q040w8lrmm1ffo88d1ktd9w21cnt28f1wr1ob01g9z42q1imt6g3',
  '124pe2o084536f0l3u4ft194ik451mvkcpl1526gb10sxatcp0qnk13601m24ze0cwe7vn1hvjkix0vpeelr1b35vvd0ddmh9j',
  '1t4b1nd1g5dmd81keti2i0h5m8l618eq38j1yc1ioh0yi1vj20qxc9i60gldcvb1mz2owc0ykjctj1b6703z0dduftl1qlv610',
  '0ylo3k31trq5hh193g8rr1npy0170310zj202pg6mu1gerpwj1yff0ck1rwkr4j18nbob11ert1p317wc9pf1su4gwg09wiprp',
  '1j78rnu1cz80lb1mpjjs21qv8brk1f8iwxg09l4szu1vbvlir12q6vcr1j70u9a1m9lz530qop4xi0x26kly0gp5frd0dv0a5j',
  '1cyhpap1f5vxbq12dblnw0eqtkoy1efp81v0o51rf61ya6aw216z6pra07v7mqa0rw9ox10wrx0wn0mdmjs811zo7yh0hovwru',
  '0fbtyzh014flfp1i7ujjq0kechhg161w7wc0ftn7j00zsddp41nf5qo50dnh15k0d18t8a11iyu6m1uspjon00902950v08x15',
  '0wf67da065pssd1q8cq6g1ke5tuj0gew30h0ra410t0izh9jy1797ta91wadgpz12wdpv715d1usc03e9grr1vgwfe402p10mv',
  '07yjghi05n3qah0vyzmcl0ozrywe1k8fmh406lvah008t1u6z1qdsgkq1r3sjk8090w4720a9sm7i13bx6nk0y240x90q9avk5',
  '19e8hq119nu78p1ejyon11lzpiue1f4x8ht0bjzv540bmi0il1x4fk1a1cvokzg11aasgu0qofxgn0hmin4k0f5xmnq14mbv43',
  '1clmw4w0hjrhh00xp86ac1kin9re0ux8zhg142zaf50ac4u2o00tq77i1g47m9209fn2lf0il3znv0dejuqz1b62jor0hy207s',
  '1bzsikc0lvraho1kk4cg61hg1k8x0jfwdjz1gu16780otmnpk1ssi76m0tmtrq5195yg7t03fhglu0isi1ah16opu4v0c5ewwt',
  '1u6ct4d1jibszg124ipym09sw25g0mahtbz0mdnqpm0ez03a51012x8d0pvezjl00yc46m0uv20f719p4n6k16b42px0tww7u7',
  '1pfrk3z1o9x2ih1ooynfw0iuoqm51jtxq7t0kuzhhh0ow15xm0n30q1v1yet46p16yomxq0u739wm0vw0g7912g3fob0ctwzje',
  '18gtzwd0p92bhx1dvljbd1b5d8fl1swjmue0mz0jvj0dcrei91c2ermq04zgyvf1lbq7qr1fey7t216mvmpj0gpsl2t00xyfyd',
  '0mybdyk1ahw45a16eqol510hg91b1166jlo0l3uvud1av7nwb00gmyl80vmur5y04nxwnq1loi64o14i21kq18g0fon0w2hdif',
  '0r6gdm90yc3dcz0bwipkw16n3gbu057em6r1qnlt5f13314cf07hlb6m0ezuxvw0vqmy7j0g461fq1y56rhm1295vfc17tjiay',
  '12edn9i0yhfd5j053p2q00mxos5i00nhrfv1fray5d132c90t1hxwrst1bactap1fh9q911eofexe1l2roup1hne8bw0vr9g16',
  '17i6yts09wmmdc1oj9k9d19z00r2115asmc0qshnyo036xzxn0u94osr0ak5l0e1qkhpnv0gn5o9t1skgzwd1ae1oox0zz1417',
  '0izni5z0xqru0f1j0skxe0bn0ceo0eq3x7w0i51nic18bg4ts1twiou60zcfdyw0v53bp1028sv4l0y1ay1e0vynwo61tmyvgi',
  '11ivrsf1h1fpsr04i506y1e6l1ig1dpr74a06t9rae1gdonjr0krokxk03lieid0khrmug1t096201klkio51jpfbr20y3k45f',
  '0rj7b760exjetx16gywj412exnyw0fvtr1w1sbi9wt0o06ihf1kdij621dfb9op0cfktg709ycwmo0o0x3540i263bo1f8yjm0',
  '0g2rrc304t9nli0ha98tr01s50cn0xc464z1ccuey819o9zhf0d4g4520qdd69p1or5d3y17kg54k0nvg1o41wepm2j1oubm8d',
  '0a4w2nt01ee6rv00m98r10itksw6165fusb0suxk0i1i3hdhl057464c01ui8u21rhm5w915x85xj1orcyhc1bs9jv21mh40fh',
  '0coh58j19noon5106ol471uo1pcs1yguf1y05u588f0h2r2eh0njz4gd1pd2a2t0wi7cgj03uc2ff1dm9tgx0wjnncb16yvncd',
  '10mnvyn1t6jdo11aurspy10oh2mq0mq6pr906xle5h08urnsb19c0j2v1eru1q31o94nsk0tgxepu06rqnos0uoalt51iy3zqk',
  '0fd16hn1siqbqe15j7oks1g7cedy1ga8vir0rk6uwo12hl4qd17yc5ss1vfoyvx0mg24q91oyqlic1bx6tpb1vwzio40j2awex',
  '19w29k30njy33l1h30lfc10au6oo1hzreap1qo3ihs1adqnt90nhlys91nram611r0ctyv1hr5sh903toubd10t4sxi0xjgjb6',
  '0mhfyfh0k6eem008dabzb0thr4r20iw7mgv140iixq1q0eym100o210x1hre9yp1vo9joi0nvq7k81k2tnn103ysi7l1snh52t',
  '1ven3vk1mjexeq13k5w1r1sy3nyf13x5wb20x6ns8q0uuqf8q1k8k04b0zp7qsv0v87g4v16rhebf1yojrvo120e8l01mv7fqc',
  '1ntj2xh1w9by1p104ylwu1xosesv1opy6yn13ewd0f16eznle07ecct20e8s6za06dl6xb1pznf6k09v6frz025v6ph1vby7dj',
  '0b78zd21baqlhr049yzde1u8gt9u1bn9qbe0a8wv0w1rgrvn91y9aqdu1ossp3s0d2q1ap0obdg01015cz2l0kw72cp009acyw',
  '0r24cwi1swuqe40al3rce1x1w5sk1qizn2416mnnp517s2bvc1o314471wc6rs31of3gmi0nje6lr11os4if1f352ui0j5ra11',
  '1q2elnx0k187vm1wweb6q0b6vbbk0f1jlw807jd1940zugjps1slkm0l1qppe4c0y0b9rf0qit0111tbpwq90iyzaje1bnl2qt',
  '0rxk6jl16bgs5k0wvgm410a1oeus13t72gz0k3sotn182cfr30mc73bt13uz1n60vifxic1d8v72z1bhpq4l07mcplk1rjm9gp',
  '0pasine0z0g6wn1brp8bk1nppd4i0puivt70ve57w91upo28v00iwqnq10scf630l51hys03v58ua179r1zx1oacloc1uc8705',
  '1csdl4v1xtlwp713zgo1g06tpi4q0q992uq16a38r20h4b0t90ukwzv304u92o11rhpwcf1n1dhpr04gsjhr174sbae153bg44',
  '0tcr4fe13o3fuh058acx01dwema71vlh5e100anz1k15qprds0xixrdk0ejoyns151pcbt1yr7bgh0bsfm9x16pcfgd1qwc9ef',
  '1rlvadg1897n2t198kblt1d2mmp60m0lmd409is9gf074haw61l6calb151qlm10up7s521gzrexf0zwty6t1mwe04p0xsw6fz',
  '1je2mer1qxezp91c6jkfy0oaegvi1to03ze09bnfw21jf5cbx04a1cri065lr0n0i97pn41bmt3my1kvqm191f8tp4l0w9a4bq',
  '1302x6u1vtijxr0um8qpx0imayvy0t863s50j1khms135gyc40231y531r5b316039q8jr0pu15s00v8fpet0b0jmkr16eo0fa',
  '1tw0t361ivgt2t0cdkj180jejon60z9hpgp11tgloc0pvtg610kpmicz095aku50w2gjbn1gg5b270kya58q1fj9wjt1o3huor',
  '0a2cqve0kbbwhb0nxh58l12ve7720d0d9yg08dviah0uj6mba0sfak680sodtxx04pm0x00nn7mc20vhwaom1k4arzg1dj95k2',
  '0zltq680ykg5gp0zn7p6m0b0cpw50bhynds1xgaq1q0cyhi0e1c043oz1l2vvhd0bomosq0y62r6j1i5bjkv1mle0n40a28r73',
  '0ocezn61alard90tio7kc1qh5ftf0ra7cax06n5s87130x6ve0w1fy6509xr77d19blmte1d1uk730vneysv0luc46900blnmg',
  '0ibcyc60yjt0qh1lkp5e1083sr6j1spmj2r065fmkc0jrtfxc1uzyo281w4htrz1j021pc027794v1kjwkz2034vek0031wno2',
  '08zbnop1hu649r06g50ti1xd2o3s113fxyq12dh5m01vdfz8k0sgn21z1bcpds70c1lae50uurl2q1gukwdp1bq5hst1y1h8ki',
  '08v7ppo0ichnhg012tw6b1syleby0fgkiiw11q8k7i16m371p0oc738k1egvl7j1s2x67y0bu50cx1vuazyp06kazll14n8roi',
  '1ssyac8081svee1f0xgan0xun3bw07noiws15yist50yea14f0du77an1als4z40hxcn3f03tfga109uywrz14ochs00mnfmrb',
  '1tpxh250dgwg380y7iec3155wa2p13j4yzg1pdbzye0lmntmt0odf5kp1dybbfr0apbep31vxwdfk1xrgoi21hn152t1dlhvvw',
  '0mmc7v20296wx208fc2v31m8xzcy11endtz1hd40x91n5gvbc1lhcgtb1f39iox0xrhgpi1a0jk4f1yybvda12rl1600dfgihq',
  '1fpj18b07l4dtx1ob55ss16fxpbb1bfwd520tn3np21bh2j3c1loqdh30srs22z1cw4uvq0q7mpc6045s75m1c4qisk136oxu7',
  '16p7vrs1lstuly10ko0om0wbieyo1czq3ca1v6i80w1grhe5v01gf9ub0rr074600e91jj0r46of206lxvk20021xil1geenak',
  '1lts1qq11ut34l1gux3151bt1z940935856029esq6099tbfi1n6uif30g6was00pkcnuz07keifw1l7apgg0oxfwp20s8fa3m',
  '0tdhycy08hfrmj0wagzpd06i5v1n1ozorin0nd4o0z10lyr830mj5kxn1ogf36v0ncqfg20hjhh4p09wjssi1m42r7l09ouur9',
  '14y0vlq0o48jx8147xqxf09xust20z2j8l211tj7rb0uf9e5600j6pcs10ubvwt0k723oz17o2upq05e2dy31k6rr92000pe0y',
  '13x58if140e9qq01dn0pt0qpumhi1o8gkyr1ibg5bx06zsu921lx5j270nx5wxf05di4431704v4114zttww04dekta11dlmej',
  '0lv5dg61k801yz0nvuoj51yvubjd104bxp30748hzf0a75dlz10nc0aw151flwr03e9x7d0hshh9a0ewhl6x020ac0p1opit22',
  '15jvjpg10t3ifz0knr20409zzggl1qd2hp910f9pv714kiv9w1ygszyc0ww6e5e1341jc00vyhz551egc5cu0o5rqjj1xjk2bk',
  '0o2hnxa17hj6rl01el8t015r57bx154trcl0x4g6hz103wcm10kungel1kbco0i19mgku81vob8nm1dj63ul1gstzme0lqeyig',
  '07x16se121peoh02b5jcm11epx7y1iflm5r1sox7nb0b5yfiz1ign8it0s5q34g1xowccy0cn0xsw0w9xeox1chka4m0m75848',
  '0h0kflo1e3usmj0a8g4ay1wkltjc19z0ron0uci7lk00dfd0a17p93nt1ens7gs0ei5vkp19rnbjw0qzbf781xk7mmr0da1k0k',
  '0jdqoa60hyem7308d9btr04i6yhf1eldp8w0yidj4r00cbtjx19ibjdl1hqgxzs1fbduus0000vvs1h9bkuq0oeqc3m0k52oqm',
  '04y8n8918ey4y90b448670fx9ciy0lomb6h0omzlab1so7mpp143oqhy1kfdc660311ey41vi0tue0wz7o1i0j2vrqt1hskyi8',
  '0g13gi613ug1ce0g3besl05xx73e0h2bdgn1yug7fk1qdh9kc0fuppyj0h049361uotdbj1b9z9tc1m0n1ok0dd5lp808i3c3a',
  '16luzje0gxe1f40o9yukp013gtbj0d4yl4w1fze1ot1r427wt1jlwqav0o209gl15t2lml129r5c31p068o50wcgahn0ket652',
  '0djk3yd0218l930z7s4g51drdc6w03ld81l1ajwrme009ld8f07zd2ux0ukx9pz1s0v69i1ylket60ylyen81onxq7z1jrkewp',
  '0b68t0c0onovc70wfkzvo0nb5e1b00wa6ud1d66v7t0ylp00h1dnm1ar1h13u690hcz8l41jyq2zw11y3kat1t8i9v91la1he5',
  '0wr5xn40nencx21ag7ttf0nyvscr1qssfl90m0hg8h0lg730t139xsk31t8yyhr17zm3ik02wxv7g0uwlx9i1yjwmk11lwka91',
  '1myuot31xzomj2003gtu61egdrb101jbbm90xbjx971p8y8pm0dzjft305e1fe40bx3oyp0pdcq8d0q746gm1prahqn0g9sugk',
  '1t6ev0t00ep6gz18e5y360sfrjp1168uxr817h57jr15ls3a61oelldf0edoxgw03jgm4m1cxwa0c066dk4607vkxov1bsttqv',
  '1qso8q81ono7781tzss8m1pgutsl1m5rbhs1kqxg9j0em1qf50ec4b2q0o9jl840p82ryi1qs75hf15worp50wvr5js0s8kzcq',
  '0s7cufy195xb7801k2ilk1vu25jw1l8egi81dad24c08r8z9d1f8xlfs0xf0o7d1ta0slx0ob2xup0ok8hk11fn95v31ni3nd6',
  '1j2ypd60oqhw9y0aomk1c1om4upv0fmpzo7121egvz01f5rrr07r3x4l0unl9ks1h6q7pm0mkfzl71g06cnz1d5btdl15ieo81',
  '02ian821p4up2h03gt9831ap7b451xldtf20kojrk61f4jb7v0mq5ub41vuchb3069j02204u6vp016q2z8018hy4vl0b1cjmw',
  '1cpraer0j4icpg06nppy20r5yad80u5z4gu1bpfnwz1us0vd70i8xre71kj8zbg0wzumdx0xo19591r5ltht1uzpkgt1hgsk18',
  '0bluqh81i56aw3030wpzt1w7s5j40o91ef90sytb900ifg1si1fcixsi0g1od920hl6stk1e32h05053nq6c0hld60a115wlju',
  '1ohhais1ksbjqt1tsp5160slg98h16z3z9r1r1cbhv00a8du50409qz5198ta8l15qw8451afd2ud1wnlv7k05zbk8f0finw9q',
  '06wsit80a809e414d2va80tknz721l4zi9i1tf9is604ohgsh0ekf8t21nawr2j0tah66p1h4msch0xj94ya0yhduus14x7n9o',
  '0dfenqj00rk3m01y2zrj80abwewo1rmw67d18qllrr0p07wos1otbvym091geoc15c0hpb0pgs2o906qkj8l0c0lwwa1es3qz8',
  '0mz75xy1qsuqdy1o72awi0hkbhme1fmwfzg0dhnb2m1brmtj915t6sap000q5uq0hb0nvu0u6k5sl0f1o5zs0iniavl19qcter',
  '10nop770o6i5wi1y2d2i20u9cwpf09td8pn012673n1h6a1tb0mxqg3115h3d5k1477lbl0n0jt4205nc8u10oq0jf10dts1zs',
  '1hg0s960hh71do0niijx71ow0r1b0t2c39r19bupue1bhu2v619c98dc1u1vk021xyqlcu0a8w5921klshgv11swc4l1045l6q',
  '0a8upm50asnsk41celxrs15is6n81bi2smq1oal2m60wmy1iq14zgyrg169yi1k1p6imkj0h3qi9t1otnl340y7xan50grlp61',
  '0cz1spx1g7gwx90e5zfcj0big18o01k537k03cnpyr0mhnnmk0y3s86313z3tvs1sozu2e19vdtxn1sux3xe1atxhhk0g2jadc',
  '04uyfw01ebo3qg0brpp1v11jnyhr0vkxlgg0pi9o9f0226bor0zar5qi0708bm10ak1rxh0lfwf1g1wjggy505j7xnw0ak6hoy',
  '01deztw18y8fed0vosd4y0snibmi0zkfaow0ldhuas1j3jokc0z3y7o11rc90qu1a5pwbs1skxsw31nfflb21ott5yz1qmknnm',
  '1f2zy660e36cqa0mj0lah0mvt3fm0zcyhhm0rd96ug030zott0mf44m819fof0x1308t8a1rx8tm80eglgnp0pdm6cy014g9y3',
  '1jti00c03yte651d8suyw0yhn3ls1l8lk8g0tsye0g0zx7cmy0k51z4d1cb965m0ed02tl09qscd60igvl8n0n8jw451hylizi',
  '1niohye1ogjf9x17d7jva1qeye9f1x2xa9g0b48hg90a8jjq508cnub903db8xb0mzh34h0f5f07a0jz4vl90l1y4ho0mt7c4o',
  '18ifgip0w6pcye0g0s3ep1h7ki4f0gv652j1gbxwj11dbn7341eoo4ts025hcuc0aa8vwc0n2i82k1fnjmxx07zh6xj01sque7',
  '0a2a8nl1safcs00l3ga7j1s329gt1k9wq17114781u0bdh8771bx7ja90z34le31in3uy30tba0690oh0kx20jcnuhk05kdwxg',
  '0oo09530vxnfx31wpz0z302u43sr1yprr6f045upfw0izf3y2199a2u50na2x1509qs1fy02cqj2219macaq0dcv2o50m6n8ez',
  '1di5jhz0djf41s12mcwfk0zvfkeo11wtkko0dgwvxz0518yb6020xsi50jd3eih18ytfhn1viiapm0vmdcrt0ojfbg10804ux0',
  '0jfrwtj1nasmy41itz91m004v2ym03y8xc20srry1u13w8gj012xpo6c1fnwymx1yb0ypx0hilwhe0ketmve1qvymrd0nvehr7',
  '0zqacqy1a9pf7u1ygfldb1jw0rpz1nvxl5u0xiz6sx0u1ynmp1mr8tnh0f5lxon036tuv511agk1f07w5x2a1eqr3k81uo3zzx',
  '1ozzxfx02oqk6r1mecdp01yg7dhe028fg8h170o8ww15w3lb71insg4c0cir3ue0i5869414uapbi1tsrfan1wm6mef10p2qse',
  '0q8uvjj08hz4o217baa3x15hpvia0rb4st00q6rjcp1gxmngw0593pio06qrmd61bzy6jv1y3oawx1wprlsg1ebdk431kgn7hb',
  '029azp20n5yi3010zhcgt14hbl4i1tozie81702pvr0ixz6d515nvz1l1kd8keq0b3cre20ro2pr70pw4ng21exl9de17uy5to',
  '15k16x41ymq59m1lc1gux0dijrok0u0fonp1lg4jt51mai38i05rf3wk069amz61ksjyii0ybd6y51csuk430qezjct16u1lch',
  '09yflok089bgr60hfp5380ce2vbg1xdig6x1qqjds20qz9aqn06lp1u600oquyf0qwhpnw1qu0qt60zovm24178hun00mgd9u7',
  '1vs3pdd059p9ze0jsgniu0jenf8l1l1gok51lpuudx1c68sui1g78kz20354iw40bolaca16o534h1sa8f1u02m87hc03uxrsm',
  '09nqnko0txea980mv23751wvxod81ti44g80ezdsil1x4c07105da1oi1mqh2u50xaejxe1u0psb90fbuop71h4lcx806laftn',
  '0pig5j01qbg7ag1infjd117ky7ji0wxp0pf0agma6t057o9el11lffxc1drgfhy1l1s8iw0y4z6wb0kq4ajn0nfz7gc1sv8ese',
  '15arbrn1dffkp1080rn431v5zfnc0cyr2t31v2zk4k05s76c70bj8td11vgaotb1drd9z304jm1ig0ardoux17yki1t0gudpmp',
  '0c5nhlz17jglsv0uvt8z50zjv59911g3ywu0dkbp3u0a8nks20hxje2b193wy980ybrc3h0q1cj630zfmy5y1pt4gqr1bm72p5',
  '026kzor0zbui620va7q790ilv88h0sui5su0zo4gau011pt5g1r7vyph16ndb4u0gnlmd209o0kmz08dedq417lds4e1bp21na',
  '0uj1m1z10c3xem12c9wmp1gc4hzm09zoj9900qwlri1yk3nwc1mc9h1i1nqipkh1abo0wk1x1bzx71p6858901zty2s15m1ios',
  '06fyfo01saz3f309p4y3r1pfwomr0r4iyby14zp5iu0cjrvgu0ielm3y1kqb9gk1u6md331ajghfa1ohyvmt1dnnnr100425p4',
  '19hphrb1wjo5lv1sxinot06o9hmz0zgijib074i6es0qjzuen01ldgv706ru9fg0t7rgn30fyvgdu1frf1i316snrbm1bq7meh',
  '18xlf4z0gqdm6j1y6m1e81wumagx0pq4vjy09cmspa0pyn2es04duxg20inxxzh01s7xy100z944b1qjz1qe1iek9tx13aglmz',
  '1xbfb8t0v8o1vg10v25xa12h6s5a165hs500g3qb0i0zuo0hn13hrgu519ojy5u0tauayd1hqe8rj0cldbpm0o2o0ul0651v34',
  '03cfvta1f0vdci0ktfep6174vx2x0yotrob16rd4381d4s76l12c3rfs0uwafns16y67ui11cesb71v4wlto0teesc51qyjyi3',
  '0wqbmyf1gb2j2n0yc9e5y083yf3s0gkirt8177lvmf1uqcuqo181ec1b0e0rz7207dbb3c0jb8o0m1ia17az1vhqupd19mwtay',
  '0m3imou0odm0xl0fe71aq15deccv0byk3a80l75txl086pw7k13vycdm1yh37yx1ft1b4m07ya1t40kmo6hv1t7cq4p0gackii',
  '1gsbh4v1klm6sp0clbh0d0w4y6ge1li9anx1ts2sjq1r020sy01d6vc914hkoy61pte0xr1j9hasr05qynw31a4wyt81rkp4cz',
  '0z7n0k00rxhegq1mldxo30q6ok0z0707lum1490nrx1o1qmnt1ci908z0rzw0cz1qewu210k2tyu60u5xa9j0wz97371uxenlx',
  '0u06yrg0nlg6ln154nb8e0yhysdv0szvi7o0jy2xsd0y8f32i08g6yml0deaiwo1mc4idz0kh1euf1yrr5n91azuom810c1h5x',
  '1jkwete02uivxl1m9lew60wf2x180erplpp16i5obq1hqhjk8105kloj0obc0oe041w3bm1ite1tj1v36a4v1uhq9yb0xv7ewo',
  '00avd3z18y84b805cv15j0jwf8qs10qk42l0vspvcb1w3k4gu1qydxmg1mkv2a61n1kp100tcnv621xuchsd11pzdnc16eof98',
  '0y3h8mr0kg0g0x0x3xruv0rdc8vb07av4sq09emui715veo6e0ddlp660j4a4r10ip6qv70ajwbab1tfq17k1sfh32h0puhonz',
  '1s1up531rmvv6o0gqr98x0yi57py13p1jah0qp626u1t1x8dr0h9vwc804vy0v200k82be0u5wi0r1907ryc1bslq9y17w7i65',
  '11qod7g174d5g0183r8sh1sbwhi41ubzulm06t0kuy0gu9bpc0uw9x8415ip52w0xmu7lh0qxx70208wywrd1nvtjjo1tchv06',
  '0y3spgw0j6dvgy18krrer0n9v0nv0erdnxd1jlykr41hwx3a61kf9a181epf0rq06qmvqz1gbstyo1ifop0z0fv5n0l12wbl3x',
  '0jjactn1i7iehs1c9iwes11zabef0r0m5180l6bufa18tkq6q0bkqumu0hcdvks12ma3q91jk39my1wbqyhd1fffz490b28u90',
  '15qasgf1dpmlyf1pb4ec11d8c0e609lbvra1qljts60b8alzq1tj1d6u0scpl7u1f6emof12zfiz70nzfexa18x2mlu1b7c2c6',
  '0lnozc61cg6vif0oqpbu018cch6z1hrd9vi0b40z9t0utflvq05cyxgn0094bwo0fyttvr1x7ddo617gspw91yqrw9o16jts7p',
  '1peqtvv1jw8qjn1yy2qq21q7vzra03mi0lr0ravfvp1hm52x5128qgva1k9t5ed1s9ebbw05779lk068cgps0i9vgvt106x3yt',
  '1a6bi7c1safl011qy76po1tr5hnm0tv0arl0ld91jm1xivuu21ffrqqm062t0qa1wn07621l66dtq1dlzqib1uruck30hw1rgn',
  '1697m1n1xlp1iw0t6lbav1s1e7dt06bzqcj1y7fj2v0a2gh6o1y67zdn18lc1ns1d3241z0g13h7005ygc3w1yepdpt1y5srdz',
  '04kaetu03uhsew0e2gxca0x6v20a0vy0q691n3voug138wa9p0wfmnva0stwykp17qdttu0lhby2o1lvk7ob19yvroa00wljn4',
  '0zqncht0xhnmij19j79ej1s7rxvr0mjv9tj0qazbs81c98tz80vyimxl0y8d9ih0iqr0h9180injc0zjnddk03lv3vx1a7uxri',
  '13xi6ml00vdueh1vn305c0jcinnz1w9svbb0asdcwv13s0vnq08jxlwh1mh4bfg1imeb8d1wgz1k70pd7koy10wfgt01pp5k5x',
  '03rim4m0fyss2u0iqq2lf1xnj5v21p0vjtw08dkqfz0wn1inp0vpgmu91bjqyx80s5l3dt1v8k45y1ome6c91kz7i4k1jp2fk1',
  '09poczx0dcnvdt1b5bpsl1o9klth08t7zbd16qakzu024nuew1qczmhz113uj4117ju48d0dnog5017d4a890nkhva31q57h5z',
  '0bl6arf0fjwz6v1hi5wui10pu7fc1lews9a1js71990omb5090c6bee50ndvx4a018rx5r0qiuqob01u6giw0gcgoho1ocveuz',
  '12gg7rj1bzxs0s012gkdi01w1f6514cvhjn03jhxpy01tqhn405iil3v0nep7re1swty5n1rt4owr1t4qlcu06t8a5o1g1no7f',
  '1kad8vb1jll2ok1mkj4yr0q248aw1391tmc1stsqeg14fv6q90rc27dh09xb7kk0sss38x196m7mr16p4bpi10yy75k1pdph7t',
  '0g9urbp1kb1i2604ityyf1a1iqxx0r7zfsg0ifuwpg0hdzzym08td69j1bpmsa211s2bgi1c8chc50ihxpwz01ajx1l08exaq6',
  '0vvskyp1cgdoqw0xvzgua09248j21s80ai30bj5o1b10z8pb211wacfv10lh0i5146aj9v10dwb381ch3cs51u3rphs01kwwb4',
  '1ysuz7s15rijl51rlx4j91i70pbs152gnso1dsqazv0qu2oxu0fsnvdd0g0e0jc0fgr41k0d5qcs60scma2f034x4el1ywzv6f',
  '1kv8gct1ihlqxx0evqbld11hawz40wq1hfu1x2c6cq0vw5mim0sousgr0qlht8t071zb8z16g0edt0kjx0f20rs5tpk0dsyx9r',
  '1x9oju70cozkfa05mzaq00d12bh8087adab0rhd19j1v28r5m0s7v4x910iyidu04dly3q1s8zi5u13goab00d6qfwp0hx8xyr',
  '0w16kcf00u9pdq0q3n7j91r69pxr07z6z5n1h99zhp03lrj5k1vsku7v01c6q6p00uiidz1yu1eel06nxa4a0wastqf15wukzu',
  '1geuo821aobhqv12trcx11xzenwy1px9myx0r0h6w30qlrrc70fnnqv8161kg6h1hih5hn0chtsjz0ls05kd0hv5tno1sf2xsr',
  '0af00ir14778gu0xb612t0x4hpme1i7963j1bxh9td078xm7m0ep3zzk1ybieot1mge0181lsoe8q1vw3h6s0lcytvw1sc4j15',
  '1r4vs330fczbls0ufc8yq14efszi1pglqs70lspobr0mathwz1mqk8dc06tkmqs171gar909pbito1fzzq5a1ryk6me07kvlrj',
  '0o79j3t163neai1uajkzm1jtwhbw11fnsyx1itnaoc04ow4ex0aqao140x1oz690emp0vh0v0rzu60vw3bz61cbaaqs12dh3rq',
  '1c111jz1g5nw6b0dabc8708c3hfk12q9vzy0alzxpf125fr9n0ibpc2z1owmvyg1ia2d2g0byjd271wfdi0q0dn22yz1l7unat',
  '1jxeamz0e12hx4004eidd0f839qz1mmq30j1sibswn08qr4xw1ttaiqm0fw9igx0alg51y035wjq703gjd9v05aia940o8w1s6',
  '0yjay1z02x610h0ze0q311g4vtob03m2cnc0bqd86u1dl778e16oi66g0pdjsht0yb9eqq17v57sw0eu59cx0bcmw521yje53a',
  '0rafr471sflx5b14mas2g0cwdxpr0hm17ua10zcy8610bib6o10mo8ga1wkl0q20zgl2ix0cuqjnr18zojb60jd5f8x0pxexfh',
  '0oedbj4065e8mg133ryj01xvqwel1gpqwf90owpfs002cavj61avh6lw14edziu0ghokeg0r5di2v1etpvfr0ve6gmu1hvjdwi',
  '0mulhrs01rcyfm05elmcg0fgdpm71s0wu3y1obmbht1wvq12v0rk6bvw1phqbxu06b5gzl02n9alc1d9vfij1do52yb1ofy7zi',
  '0at795y1kgdq0j1hcgfos17tvue91ckgr4j0szg1oe0wk58c40bv1ijr0mfis7z09ng9tv04ft49q03cthq3065aide13guu1j',
  '0ka2go50qpyf680im3dpa1181s1u0s05fp404rd6ml0eiuent0ahivu31oyyefg00i55og010njzo0fwfmc20wg7lzq16v9nbf',
  '117m00p1tz1hd90j1qo1w00wqaee10c2hfk0v2jy0d1eg5mt71b7hvy10tuqu341tyeam11anbt1c0055m0j1csbwb705rlsef',
  '0mav1io1kj4vxq1mm2gp314j1qat069ulec0qonjnk0f20lr00r5ug6t0mjvn3k19v2eru1ttc7e60tz13or121yrfe0qxyaby',
  '1tx0yjt0lhrc930odv8ym0wlbajr0v42q36151575j0q86zme1ev47sc0aujx5316bdeae0ad1jf603ycqsa0w75nik165ldrt',
  '1eeoapg08755u90codh2w14f1vvn0s474cj127p8k71lfpagl0s5jyga17i4ncz0t03yjp03g1e2d00zaxtn0eq7t8o0ru4ywm',
  '0ht3af91yjhe0d0xxm0480s7rtoi0opjo690rximti0st9h5k1apfnhr0lygh6q0ih1mrp1as17781mc4p5r0bxd4ih1tf1ehv',
  '1y4cecz0m8vf0y0wt4izd1xt1jy40gevs7s16eivlc1g2uiz4042ttwz07aomvh0zarikh1jhyo6s008nf0f05i3v2u0dmin4c',
  '191snxg1yqllkx0pkoswd0ub0jih08vv4211q8blc608lwftp0lew1db1sf79ru0ldu9m90lcqslq011safy0gv1woz1ux5uga',
  '0llhyp20mutj1h00lmth110uzaur0qcufcm102xwbe08mad531yiy2eo1m5l8uj1wyth2k0y8bf1y1ur2pq40ub2ja41p1xnqp',
  '0abtn8g1x0cuv21cm4kav15a9c3a10np9sz1s1o5ea1uv64qz0ggso6519ak1fo1cr9tfa0y3x4gv194kiuw0bnslgb0ih9d36',
  '1p8n82t0s09l870ohb0sn0sd102n1r2e1ko08mom2k17e0gp21bhfnak0s21hm80seic3x00oq86i0w1bjsf1jv4zes1f6bn0s',
  '1jdruap1pzwdkv0kp3pr90zg1ya81whw64k1qxp5yz1ti1zqc0hafjtl06kho5i0fopdxa1iiu1rh1kur4uy0eb1vyk1pqwadv',
  '1vz5eh51qotav50f16yfv1u7ta9l1nuhdw21ieuyda011add918vxcnw1jhk3490jf96870lpbwrp1ubjl6u1cff29v01qb50r',
  '1wz6uo413j9ccp0t3hqit132fzj71snsddl0h91q4g12znypv01so8tj1i21hhs0tcpmdq0uuo11a1qj3sg21mgay1v0cg8at7',
  '1mjxxln0svn5vv1ncdp4v18cvoyc1txgzjv1njmxna1w0pah7088fn510yi3b6400dnc0e18ikwx31g6qkcr1fu17w51olzz7j',
  '1lr2vds0gdsnae0vsvlt4085fejr10tdn7v0mqc02b0u6rpqg13q2yfb12zt4vv1f1qwmg1md03sm1dn9v010hw41pc1j5h3aj',
  '0c2436w1g4zvtu1pzgo5v0rlpvy00cbubgp0ujibeg03ckiaz0ljjdis0a1vov10dvkcuj1gs6mt502aog381p5ldez1otecvn',
  '163e0461n9z1tq05gq6zv0co00zc1oszrl81qqgylx1yk405518sby9t1a77chu1ps8rkx0fyf4dz1n7xa731hf3xl20oq6lxn',
  '141qgba0p0x14p1ryrwwq08i3f081ho8xri0grxjjg1635iy7121m6xq1xnm99t0oi0ffq1oghud21jehbnc1ddglqs0utfb3i',
  '0uqz0n31qpmh3t0bn9kv806l8fto1622aev0aupzkl0h1vxso03ur3lg0kw1xh80kfhj3905it6f01w6z8gf08shz9t0at95e8',
  '01nfk3p1oja62g1kmvoy91r4pvmg1i07f3c0lea5wn1czhful0yg86va0muq7o41ptsas712zjv0r1pinec71hjvpmf0867l7a',
  '1sd15y11havy3s08x1ojs1fyoqc607zemq20cqi0ml1dbw9530lfmllx0vtcw460svwkfq1t6lsb30jtmua71gtvzt00g7vpfj',
  '0x06cak0ufm3de005z0pa0rbcao516d4242011n58n13ertty08pyo8v0sqfvtj1sbj28u0auus051db6p5014at9na1fdltse',
  '18tca0n1nruxmv1ksqran0uejev80xbn3ba1fge7gg02vf99b1ksgdhv0bagjkv1w0f9f619flyhw183lj0f03ntxve1y8ru6k',
  '0orkvhf00kbmx80kxy06o1r10jvb0j3cj2s0iqiwv00c6ej54012w5r2',
].join('');

describe('media group against QEMU golden vectors', () => {
  const cases = buildCases();
  it('generates the same case list the QEMU run used', () => {
    expect(cases.length * 7).toBe(GOLDEN.length);
  });
  for (const set of ['A32', 'T32', 'T16']) {
    it(`${set}: every case gives QEMU's r0-r3 and APSR`, () => {
      const bad: string[] = [];
      const m = machine(); // one machine; each case replaces the code word
      cases.forEach((cs, idx) => {
        if (cs.set !== set) return;
        m.engine.invalidateAll();
        if (cs.set === 'A32') loadA32(m, [cs.word]); else loadThumb(m, [cs.word]);
        const c = m.cpu;
        for (let r = 0; r < 4; r++) c.r[r] = cs.regs[r]!;
        c.n = cs.apsr >>> 31; c.z = (cs.apsr >>> 30) & 1; c.c = (cs.apsr >>> 29) & 1; c.v = (cs.apsr >>> 28) & 1;
        c.q = (cs.apsr >>> 27) & 1; c.ge = (cs.apsr >>> 16) & 15;
        m.engine.step();
        const got = [c.r[0]! >>> 0, c.r[1]! >>> 0, c.r[2]! >>> 0, c.r[3]! >>> 0, (c.cpsr & 0xf80f0000) >>> 0];
        if (fnv(got) !== GOLDEN.slice(idx * 7, idx * 7 + 7)) {
          bad.push(`${cs.name} ${JSON.stringify(cs.fields)} in=${cs.regs.map(v => v.toString(16))} apsr=${cs.apsr.toString(16)} got=${got.map(v => v.toString(16))}`);
        }
      });
      expect(bad.slice(0, 10)).toEqual([]);
    });
  }
});

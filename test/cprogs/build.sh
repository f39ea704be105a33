#!/bin/sh
# Builds the C programs of test/cprogs into test/cprogs/images/NAME.{arm,thumb}.elf, the way
# armada's users build bare-metal test programs: arm-none-eabi-gcc -O2 -march=armv7-a
# -mfloat-abi=soft (hf_*.c: -mfloat-abi=hard with fpu_start.S, once as -mfpu=vfpv3 into NAME.ISA.elf
# and once as -mfpu=vfpv3-d16 into NAME-d16.ISA.elf), newlib with semihosting
# (rdimon), text at 0x60010000 (vexpress-a9 RAM).
# The images are stripped and contain no paths or dates, so the build is reproducible.
#
# Each image prints with printf and ends with an exit status; compare with QEMU:
#   qemu-system-arm -M vexpress-a9 -m 1024 -nographic -semihosting -kernel IMAGE
#   node dist/cli/armada.js run IMAGE -m 1024 --semihosting
# (stdout and exit status must be identical; see compare.sh). When qemu-system-arm is installed,
# QEMU's stdout and exit status for each image are written to expected/NAME.{stdout,status}.
set -eu
cd "$(dirname "$0")"
CC=${CC:-arm-none-eabi-gcc}
STRIP=${STRIP:-arm-none-eabi-strip}
mkdir -p images
for src in *.c; do
  name=${src%.c}
  for isa in arm thumb; do
    out=images/$name.$isa.elf
    case $name in
      hf_*) # hard-float: VFPv3 (32 D registers) and VFPv3-D16, with the FPU-enabling entry shim
        for fpu in vfpv3 vfpv3-d16; do
          o=$out; [ $fpu = vfpv3-d16 ] && o=images/$name-d16.$isa.elf
          $CC -O2 -march=armv7-a -mfloat-abi=hard -mfpu=$fpu -m$isa --specs=rdimon.specs \
              -Wl,-Ttext-segment=0x60010000 -Wl,-e,_fpu_start -ffile-prefix-map="$PWD"=. \
              -o "$o" fpu_start.S "$src" -lm
          [ $fpu = vfpv3-d16 ] && $STRIP "$o"
        done ;;
      *)
        $CC -O2 -march=armv7-a -mfloat-abi=soft -m$isa --specs=rdimon.specs \
            -Wl,-Ttext-segment=0x60010000 -ffile-prefix-map="$PWD"=. -o "$out" "$src" ;;
    esac
    $STRIP "$out"
  done
done
if command -v qemu-system-arm >/dev/null 2>&1; then
  mkdir -p expected
  for img in images/*.elf; do
    name=$(basename "$img" .elf)
    QEMU_AUDIO_DRV=none timeout 60 qemu-system-arm -M vexpress-a9 -m 1024 -nographic -semihosting \
      -kernel "$img" </dev/null >"expected/$name.stdout" 2>/dev/null && st=0 || st=$?
    echo "$st" >"expected/$name.status"
  done
fi
echo "built $(ls images/*.elf | wc -l) images in $(pwd)/images"

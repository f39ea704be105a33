#!/bin/sh
# Runs every image of test/cprogs/images on armada (dist/cli/armada.js, built with `npx tsc -p .`;
# ARMADA=path overrides) and on QEMU, the way users compare them:
#   qemu-system-arm -M vexpress-a9 -m 1024 -nographic -semihosting -kernel IMAGE
#   armada run IMAGE -m 1024 --semihosting
# and compares stdout and exit status. With GOLDEN=1 it compares with expected/NAME.stdout and
# expected/NAME.status (QEMU 7.2's output, written by build.sh) instead of running QEMU.
# Prints MATCH/DIFF per image; exits 1 if any differs. Usage: test/cprogs/compare.sh [IMAGE...]
cd "$(dirname "$0")"
ARMADA=${ARMADA:-../../dist/cli/armada.js}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
[ $# -eq 0 ] && set -- images/*.elf
for img in "$@"; do
  name=$(basename "$img" .elf)
  if [ "${GOLDEN:-0}" = 1 ]; then
    cp "expected/$name.stdout" "$tmp/q"; q=$(cat "expected/$name.status")
  else
    QEMU_AUDIO_DRV=none timeout 60 qemu-system-arm -M vexpress-a9 -m 1024 -nographic -semihosting \
      -kernel "$img" </dev/null >"$tmp/q" 2>/dev/null; q=$?
  fi
  timeout 90 node "$ARMADA" run "$img" -m 1024 --semihosting --timeout 60 \
    </dev/null >"$tmp/a" 2>"$tmp/e"; a=$?
  if [ "$q" = "$a" ] && cmp -s "$tmp/q" "$tmp/a"; then echo "MATCH $img (exit $q)"
  else echo "DIFF  $img: exit qemu=$q armada=$a"; diff "$tmp/q" "$tmp/a" | head -5; head -3 "$tmp/e"; fail=1; fi
done
exit $fail

# The `check-clean` target shared by the firmware Makefiles: rebuild every image into a temporary
# directory and compare with the committed ones, so that committed images are exactly what their
# sources build. The including Makefile sets OUT (the committed images' directory), IMAGES (their
# paths under OUT), an `all` target that honours OUT=..., and optionally CHECK_CLEAN_WHAT (a name
# for the summary line).
CHECK_CLEAN_WHAT ?= firmware images

check-clean:
	@tmp=$$(mktemp -d); \
	$(MAKE) --no-print-directory -B OUT=$$tmp all >/dev/null || { rm -rf $$tmp; exit 1; }; \
	status=0; \
	for f in $(notdir $(IMAGES)); do \
	  if [ ! -f $(OUT)/$$f ]; then echo "missing committed image $(OUT)/$$f"; status=1; \
	  elif ! cmp -s $$tmp/$$f $(OUT)/$$f; then echo "differs: $(OUT)/$$f"; status=1; fi; \
	done; \
	for f in $(OUT)/*.elf; do \
	  [ -f "$$tmp/$$(basename $$f)" ] || { echo "stale image (no source): $$f"; status=1; }; \
	done; \
	rm -rf $$tmp; \
	if [ $$status = 0 ]; then echo "$(CHECK_CLEAN_WHAT) reproducible ($(words $(IMAGES)) images)"; fi; \
	exit $$status

.PHONY: check-clean

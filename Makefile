# rapport: the two commands of the quick start, and the rest.
#   make run    install what is missing, build, create rapport.db with demo
#               data if there is none, serve http://127.0.0.1:8080
#   make test   install, build with ASan and UBSan, run every test; fuzz
#               the coach for 60 s (FUZZ_CI_SECONDS) and replay every seed
#   make bench  build optimised and measure against the targets
#   make fuzz   run the libFuzzer targets for a bounded time
BUILD ?= build
TEST_BUILD ?= build-test
BENCH_BUILD ?= build-bench
FUZZ_BUILD ?= build-fuzz
DB ?= rapport.db
LISTEN ?= 127.0.0.1:8080
FUZZ_SECONDS ?= 60
FUZZ_CI_SECONDS ?= 60

.PHONY: all deps build run test bench fuzz clean coach-model

all: build

deps:
	@scripts/install-deps.sh build

build: deps
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD) -Dtests=false >/dev/null
	ninja -C $(BUILD)

run: build
	@[ -f "$(DB)" ] || ./$(BUILD)/rapport init --demo --db "$(DB)"
	./$(BUILD)/rapport serve --db "$(DB)" --listen "$(LISTEN)"

# make test also builds what make run builds (optimised, no sanitizers), so
# that a warning only the optimiser sees cannot break the quick start.
test:
	@scripts/install-deps.sh test
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD) -Dtests=false >/dev/null
	ninja -C $(BUILD)
	@[ -f $(TEST_BUILD)/build.ninja ] || meson setup $(TEST_BUILD) \
		-Db_sanitize=address,undefined -Db_lundef=false \
		-Dbuildtype=debug >/dev/null
	ninja -C $(TEST_BUILD)
	@scripts/check-banned.sh
	@scripts/fuzz-ci.sh $(FUZZ_BUILD) $(FUZZ_CI_SECONDS) \
		$(TEST_BUILD)/fuzz-ci.txt || true
	@tests/run $(TEST_BUILD)

bench:
	@scripts/install-deps.sh bench
	@[ -f $(BENCH_BUILD)/build.ninja ] || CC=clang meson setup $(BENCH_BUILD) \
		-Dbuildtype=release -Dtests=false -Dbench=true >/dev/null
	ninja -C $(BENCH_BUILD)
	@bench/run $(BENCH_BUILD)

fuzz:
	@scripts/install-deps.sh test
	@[ -f $(FUZZ_BUILD)/build.ninja ] || CC=clang meson setup $(FUZZ_BUILD) \
		-Dfuzz=true -Dtests=false -Db_sanitize=address,undefined \
		-Db_lundef=false -Dbuildtype=debugoptimized >/dev/null
	ninja -C $(FUZZ_BUILD)
	@fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS)

# The coach's statistical model, trained again from data/coach/ (fixed
# folds and steps: the same data and rules give the same bytes); commit the
# result. See docs/coach.md.
coach-model: build
	./$(BUILD)/tools/coach_train --out src/core/coach/coach_model_data.c \
		data/coach/dev.jsonl data/coach/authored-dev.jsonl \
		data/coach/authored-dev2.jsonl \
		data/coach/darkpatterns-dev.jsonl

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(BENCH_BUILD) $(FUZZ_BUILD)

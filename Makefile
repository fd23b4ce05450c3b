# Episcope: `make run` opens the explorer, `make test` runs every test.
# Both first install what is missing (Debian/Ubuntu packages) through scripts/ensure-deps.sh.

SWIFT ?= swift
# The binary users run and benchmark: release, without -enable-testing, which exports every
# internal declaration so the optimiser can no longer assume it sees all their uses.
BUILD_FLAGS = -c release --explicit-target-dependency-import-check error
BIN = .build/release/episcope
# The tests build their own copy of the package in a scratch folder of their own, release with
# -enable-testing so that @testable imports work and the numeric tests run at release speed.
# The end-to-end tests drive the user binary above, named by EPISCOPE_BINARY.
TEST_FLAGS = -c release -Xswiftc -enable-testing --scratch-path .build-test --explicit-target-dependency-import-check error
TEST_ENV = EPISCOPE_BINARY=$(CURDIR)/$(BIN)

.PHONY: help deps build test-data run test e2e interop-test bench pretrain fuzz fmt lint clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

deps: ## install the Debian packages the build needs (or print the apt-get line)
	@bash scripts/ensure-deps.sh

build: deps ## build the release binary, checking that no target imports what it must not
	$(SWIFT) build $(BUILD_FLAGS) --product episcope

test-data: build ## prepare Omniglot with `episcope data` (or use EPISCOPE_DATA); one line and a failure when none can be had
	@bash scripts/test-data.sh $(BIN)

run: build ## open the explorer
	@$(BIN) $(ARGS)

test: lint test-data ## check formatting, then run unit, snapshot, CLI and end-to-end tests
	$(TEST_ENV) $(SWIFT) test $(TEST_FLAGS)

e2e: test-data ## only the end-to-end tests (the real binary under tmux)
	$(TEST_ENV) $(SWIFT) test $(TEST_FLAGS) --filter EndToEndTests

interop-test: test-data ## PyTorch companion: venv, short CPU trainings that episcope evaluates, shipped models checked in PyTorch
	@bash scripts/interop-test.sh $(BIN)

bench: build ## print the benchmark figures as JSON lines
	@$(BIN) bench --json

pretrain: build ## train the shipped models from scratch into assets/models (hours)
	@bash scripts/pretrain.sh

fuzz: deps ## fuzz every file reader with libFuzzer (FUZZ_SECONDS=60 each); keeps crashes as regression tests
	@bash scripts/fuzz.sh

fmt: ## format the sources (the rules are in .swift-format)
	$(SWIFT) format --in-place --recursive Sources Tests

lint: ## fail on any formatting or style violation of .swift-format
	$(SWIFT) format lint --strict --recursive Sources Tests

clean:
	rm -rf .build .build-test

# Episcope: `make run` opens the explorer, `make test` runs every test.
# Both first install what is missing (Debian/Ubuntu packages) through scripts/ensure-deps.sh.

SWIFT ?= swift
CONFIG ?= release
# -enable-testing lets the test targets use @testable import against a release build,
# so numeric tests run at release speed.
SWIFT_FLAGS = -c $(CONFIG) -Xswiftc -enable-testing
BIN = .build/$(CONFIG)/episcope

.PHONY: help deps build run test e2e bench pretrain fmt lint clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

deps: ## install the Debian packages the build needs (or print the apt-get line)
	@bash scripts/ensure-deps.sh

build: deps ## build the release binary, checking that no target imports what it must not
	$(SWIFT) build $(SWIFT_FLAGS) --explicit-target-dependency-import-check error

run: build ## open the explorer
	@$(BIN) $(ARGS)

test: build ## run unit, snapshot, CLI and end-to-end tests
	$(SWIFT) test $(SWIFT_FLAGS) --explicit-target-dependency-import-check error

e2e: build ## only the end-to-end tests (the real binary under tmux)
	$(SWIFT) test $(SWIFT_FLAGS) --filter EndToEndTests

bench: build ## print the benchmark figures as JSON lines
	@$(BIN) bench --json

pretrain: build ## train the shipped models from scratch into assets/models (hours)
	@bash scripts/pretrain.sh

fuzz: deps ## fuzz every file reader with libFuzzer (FUZZ_SECONDS=60 each); keeps crashes as regression tests
	@bash scripts/fuzz.sh

fmt: ## format the sources
	$(SWIFT) format --in-place --recursive Sources Tests

lint: ## check formatting
	$(SWIFT) format lint --recursive Sources Tests

clean:
	rm -rf .build

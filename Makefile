# What users type. `make test` and `make demo` install what is missing first,
# so on a fresh Debian 12 machine each is one command.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
PORT ?= 8080

.PHONY: all setup configure build test bench demo clean

all: build

setup:
	@./scripts/setup.sh

$(BUILD)/build.ninja:
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

configure: $(BUILD)/build.ninja

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

test: setup
	@$(MAKE) --no-print-directory build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: setup
	@$(MAKE) --no-print-directory build
	@./scripts/bench.sh $(BUILD)

# The tour on the command line, then the dashboard over the same fresh
# database (build/demo.db, ingested from examples/) until Ctrl-C.
demo: setup
	@$(MAKE) --no-print-directory build
	@./scripts/demo.sh $(BUILD)
	@echo "== marsad serve: open the URL below in a browser (Ctrl-C stops)" >&2
	@$(BUILD)/marsad --db $(BUILD)/demo.db serve --host 127.0.0.1 --port $(PORT)

clean:
	rm -rf $(BUILD)

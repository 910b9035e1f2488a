# opsdeck — build, test, demo and the VM lab.
GO      ?= go
BIN     ?= bin/opsdeck
LAB     := testdata/lab/lab.sh

.PHONY: all build demo deps test race vet fmt bench fuzz lab lab-stop lab-ssh lab-reset e2e clean

all: build

build:
	$(GO) build -o $(BIN) .

# The built-in demo server: a simulated ZFS host behind a real in-process SSH server.
demo: build
	./$(BIN) demo

# What the tests need from apt (sshd, ssh, tmux, iperf3); installs only what is
# missing, so it needs root only the first time.
deps:
	bash .ci/deps

# The test suite the README gives and CI runs: real sshd/ssh/tmux on 127.0.0.1,
# but no VM and no ZFS.
test: deps vet
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) test -race -count=1 ./...

vet:
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

# Benchmarks are figures, not pass/fail; see README "Performance".
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Lab: a throwaway Debian VM running real OpenZFS under qemu (needs root).
lab:
	bash $(LAB) up
lab-stop:
	bash $(LAB) stop
lab-ssh:
	bash $(LAB) ssh
lab-reset:
	bash $(LAB) reset

# End-to-end suite: the real opsdeck binary against the lab over SSH.
e2e: build
	bash testdata/lab/e2e.sh

clean:
	rm -rf bin

# OwnPlan. The two commands a newcomer needs are .ci/start and .ci/run
# (they need nothing but bash); these targets are shorthands for them:
#   make run    install what is missing, then start the app
#   make test   install what is missing, then run every check CI runs

SHELL := /bin/bash
# The go command, installed if missing (see .ci/deps).
GO = $(shell ./.ci/deps)
LDFLAGS := -s -w

.PHONY: run test bench build package clean

## run: start OwnPlan on your data (the example person if you have none yet)
run:
	@./.ci/start

## test: formatting, vet, staticcheck and every test with the race detector
test:
	@./.ci/run

## bench: the performance targets named in the issues
bench:
	@gobin="$(GO)"; "$$gobin" test -run '^$$' -bench . -benchmem ./...

## build: the desktop app, the CLI and the relay into bin/
build:
	@gobin="$(GO)"; set -e; mkdir -p bin; \
	 "$$gobin" build -ldflags '$(LDFLAGS)' -o bin/ownplan ./cmd/ownplan; \
	 CGO_ENABLED=0 "$$gobin" build -ldflags '$(LDFLAGS)' -o bin/ownplanctl ./cmd/ownplanctl; \
	 CGO_ENABLED=0 "$$gobin" build -ldflags '$(LDFLAGS)' -o bin/ownplan-relay ./cmd/ownplan-relay

## package: an installable desktop package with fyne package
package:
	@gobin="$(GO)"; "$$gobin" run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux --source-dir ./cmd/ownplan --icon ../../assets/icon.png --name OwnPlan --app-id org.ownplan.desktop

clean:
	rm -rf bin dist

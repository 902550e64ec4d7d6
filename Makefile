# OwnPlan. The two commands a newcomer needs:
#   make run    install what is missing, then start the app
#   make test   install what is missing, then run every check CI runs

SHELL := /bin/bash
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# The go command, installed if missing (see .ci/deps).
GO = $(shell ./.ci/deps)
LDFLAGS := -s -w

.PHONY: run test check fmt vet lint unit bench build cli relay package clean

## run: start OwnPlan on your data (the example person if you have none yet)
run:
	@gobin="$(GO)"; LANG=$${LANG:-en_GB.UTF-8}; \
	 if [ "$${LANG%%.*}" = C ] || [ "$$LANG" = POSIX ]; then LANG=en_GB.UTF-8; fi; \
	 LANG=$$LANG "$$gobin" run ./cmd/ownplan --demo

## test: formatting, vet, staticcheck and every test with the race detector
test:
	@gobin="$(GO)"; set -e; \
	 echo "== gofmt"; out="$$("$$("$$gobin" env GOROOT)/bin/gofmt" -l $$(find . -name '*.go' -not -path './.git/*'))"; \
	 if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi; \
	 echo "== go vet"; "$$gobin" vet ./...; \
	 echo "== staticcheck"; "$$gobin" run $(STATICCHECK) ./...; \
	 echo "== go test -race"; "$$gobin" test -race -count=1 -timeout 40m ./...

## bench: the performance targets named in the issues
bench:
	@gobin="$(GO)"; "$$gobin" test -run '^$$' -bench . -benchmem ./...

## build: the desktop app, the CLI and the relay into bin/
build:
	@gobin="$(GO)"; set -e; mkdir -p bin; \
	 "$$gobin" build -ldflags '$(LDFLAGS)' -o bin/ownplan ./cmd/ownplan; \
	 CGO_ENABLED=0 "$$gobin" build -ldflags '$(LDFLAGS)' -o bin/ownplanctl ./cmd/ownplanctl

## package: an installable desktop package with fyne package
package:
	@gobin="$(GO)"; "$$gobin" run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux --source-dir ./cmd/ownplan --icon ../../assets/icon.png --name OwnPlan --app-id org.ownplan.desktop

clean:
	rm -rf bin dist

#!/usr/bin/env bash
# Archivist build script.
#   ./build.sh [options]       build the site from seeds/ into site-output/ (options as for `build`,
#                              e.g. ./build.sh --base-path /repo/ --site-url https://user.github.io/repo/)
#   ./build.sh test            run every test (unit, golden, browser, accessibility, validity)
#   ./build.sh <command> ...   run the archivist tool, e.g. ./build.sh serve, ./build.sh search "napo agm"
#   ./build.sh --help          this, the build's options and the other commands
# The tool is compiled on first use and again only when its sources, project files or the .NET SDK change.
set -euo pipefail
caller="$PWD" typed="$0"
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bin="src/Archivist/bin"
stamp="$bin/tool.stamp"     # line 1: what the tool was compiled from; line 2: the tool. Written only after success.

say() { printf '%s\n' "$*" >&2; }

# The machine's .NET runtime id, for a ReadyToRun (precompiled) tool; empty where unknown.
runtime_id() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=osx ;; *) return 0 ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) return 0 ;; esac
  echo "$os-$arch"
}

# What the tool is compiled from, cheaply: the SDKs installed beside the dotnet on PATH (asking
# `dotnet --version` alone costs 0.1-0.2 s), global.json and the list of source and project files.
# Edits are caught by their times (newer than the stamp, below); this catches added, deleted and renamed files.
sources() {
  find build.sh src/Directory.Build.props src/Directory.Packages.props src/Archivist \
    \( -name bin -o -name obj \) -prune -o -type f "$@" -print
}
fingerprint() {
  local dotnet; dotnet="$(command -v dotnet)" || { say "error: the .NET 10 SDK (dotnet) is not on PATH; install it first."; exit 2; }
  dotnet="$(readlink -f "$dotnet" 2>/dev/null || echo "$dotnet")"
  { echo "$dotnet"; ls "$(dirname "$dotnet")/sdk" 2>/dev/null; cat global.json 2>/dev/null; sources; } | cksum
}

# The tool, if the stamp says it was compiled from exactly what is here now; else nothing.
current_tool() {
  [ -f "$stamp" ] || return 0
  local recorded tool
  { read -r recorded; read -r tool; } <"$stamp" || return 0
  [ "$recorded" = "$1" ] && [ -f "$tool" ] || return 0
  [ -z "$(sources -newer "$stamp")" ] || return 0
  echo "$tool"
}

# Runs a dotnet command quietly into a log, printing the log (its errors first) if it fails.
quietly() {
  local log="$bin/last-compile.log"
  if "$@" >"$log" 2>&1; then return 0; fi
  say "error: '$*' failed:"
  grep -E ': (error|warning) ' "$log" | sort -u >&2 || cat "$log" >&2
  say "(full output: $log)"
  return 1
}

# Precompiled (ReadyToRun) the tool starts and renders without waiting for the JIT: a rebuild after one new
# seed takes half the time. If that cannot be done here, a plain build works the same, only slower.
# The new tool is published beside the old one and moved in at the end, so a run of the old tool that is
# still going is not disturbed and a failed compile leaves no stamp claiming success.
compile_tool() {
  local print="$1" rid new tool
  mkdir -p "$bin"
  rid="$(runtime_id)"
  if [ -f "$stamp" ] || [ -d "$bin/ready" ]; then say "Recompiling Archivist (its sources or the .NET SDK changed)…"
  else say "Compiling Archivist (first run only; about a minute)…"; fi
  rm -rf "$stamp" "$bin"/ready.new.* "$bin"/ready.old.*   # (what a killed compile may have left)
  touch "$stamp.new"   # its time is the compile's start: a file edited during the compile is seen as newer next time
  say "  Restoring packages…"
  if [ -n "$rid" ] && dotnet restore src/Archivist/Archivist.csproj -r "$rid" -p:PublishReadyToRun=true >/dev/null 2>&1; then
    new="$bin/ready.new.$$"
    say "  Compiling (ReadyToRun for $rid)…"
    if quietly dotnet publish src/Archivist/Archivist.csproj -c Release -r "$rid" --self-contained false --no-restore \
         -p:PublishReadyToRun=true -o "$new" --nologo; then
      rm -rf "$bin/ready.old.$$"
      [ ! -d "$bin/ready" ] || mv "$bin/ready" "$bin/ready.old.$$"
      mv "$new" "$bin/ready"
      rm -rf "$bin/ready.old.$$"
      tool="$bin/ready/archivist.dll"
    else
      rm -rf "$new" "$stamp.new"
      exit 2
    fi
  fi
  if [ -z "${tool:-}" ]; then
    say "  Compiling (ReadyToRun is not possible here: a plain build, which starts slower)…"
    quietly dotnet build src/Archivist/Archivist.csproj -c Release --nologo || { rm -f "$stamp.new"; exit 2; }
    tool="$bin/Release/net10.0/archivist.dll"
  fi
  printf '%s\n%s\n' "$print" "$tool" >"$stamp.new"
  mv "$stamp.new" "$stamp"
  say "  Done in ${SECONDS} s."
}

# One compile at a time: a second run waits for the first, then finds the tool compiled.
with_lock() {
  local lock="$bin/.compile-lock" pid waiting=""
  mkdir -p "$bin"
  until mkdir "$lock" 2>/dev/null; do
    pid="$(cat "$lock/pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then rm -rf "$lock"; continue; fi   # left by a killed run
    [ -n "$waiting" ] || { say "Waiting for another run that is compiling Archivist…"; waiting=1; }
    sleep 0.3
  done
  echo $$ >"$lock/pid"
  trap 'rm -rf "$lock"' EXIT
  "$@"
  rm -rf "$lock"
  trap - EXIT
}

tool_path() {
  local print tool
  print="$(fingerprint)"
  tool="$(current_tool "$print")"
  if [ -z "$tool" ]; then
    with_lock compile_if_needed
    tool="$(current_tool "$(fingerprint)")"
  fi
  echo "$tool"
}
compile_if_needed() {
  local print; print="$(fingerprint)"
  [ -n "$(current_tool "$print")" ] || compile_tool "$print"
}

# The tool names files relative to where the user is, and in its usage lines the command the user typed.
run_tool() {
  local tool; tool="$(tool_path)"
  ARCHIVIST_CALLER_DIR="$caller" ARCHIVIST_COMMAND_NAME="$typed" exec dotnet "$tool" "$@"
}

case "${1:-}" in
  -h|--help|help)
    sed -n '2,8p' build.sh | sed 's/^# \{0,1\}//'
    echo
    run_tool build --help
    ;;
  ""|-*)
    run_tool build "$@"
    ;;
  test)
    shift
    exec dotnet test tests/Archivist.Tests/Archivist.Tests.csproj -c Release --nologo "$@"
    ;;
  *)
    run_tool "$@"
    ;;
esac

#!/usr/bin/env bash
# Archivist build script.
#   ./build.sh [options]       build the site from seeds/ into site-output/ (options as for `build`,
#                              e.g. ./build.sh --base-path /repo/ --site-url https://user.github.io/repo/)
#   ./build.sh test            run every test (unit, golden, browser, accessibility, validity)
#   ./build.sh <command> ...   run the archivist tool, e.g. ./build.sh serve, ./build.sh search "napo agm"
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

tool="src/Archivist/bin/Release/net10.0/archivist.dll"

# The machine's .NET runtime id, for a ReadyToRun (precompiled) tool; empty where unknown.
runtime_id() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=osx ;; *) return 0 ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) return 0 ;; esac
  echo "$os-$arch"
}

# Precompiled (ReadyToRun) the tool starts and renders without waiting for the JIT: a rebuild after one new
# seed takes half the time. If that cannot be done here, a plain build works the same, only slower.
build_tool() {
  local rid; rid="$(runtime_id)"
  if [ -n "$rid" ] && dotnet publish src/Archivist/Archivist.csproj -c Release -r "$rid" --self-contained false \
       -p:PublishReadyToRun=true -o src/Archivist/bin/ready --nologo -v quiet -clp:ErrorsOnly >&2 2>/dev/null; then
    tool="src/Archivist/bin/ready/archivist.dll"
  else
    dotnet build src/Archivist/Archivist.csproj -c Release --nologo -v quiet -clp:ErrorsOnly >&2
  fi
}

case "${1:-}" in
  -h|--help|help)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    build_tool
    exec dotnet "$tool" --help
    ;;
  ""|-*)
    build_tool
    exec dotnet "$tool" build --seeds seeds --out site-output "$@"
    ;;
  test)
    shift
    exec dotnet test tests/Archivist.Tests/Archivist.Tests.csproj -c Release --nologo "$@"
    ;;
  *)
    build_tool
    exec dotnet "$tool" "$@"
    ;;
esac

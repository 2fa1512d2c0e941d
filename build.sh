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

build_tool() {
  dotnet build src/Archivist/Archivist.csproj -c Release --nologo -v quiet -clp:ErrorsOnly >&2
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

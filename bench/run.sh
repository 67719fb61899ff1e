#!/usr/bin/env bash
# Runs the benchmarks against a Release build of the app on a loopback port and writes bench/results.md.
#   ./bench/run.sh                          all scenarios
#   ./bench/run.sh --participants 25,100    only these co-editing sizes
#   ./bench/run.sh --pages 100 --seconds 10
#   ./bench/run.sh --participants "" --pages "" --empty-pages "" --layout-pages "" --live-tabs 100   live updates only
#   ./bench/run.sh --participants "" --pages "" --empty-pages "" --layout-pages "" --live-tabs "" --voters 200   votes only (default 200 voters)
#   ./bench/run.sh --participants "" --pages "" --empty-pages "" --layout-pages "" --live-tabs "" --voters "" --follow-tabs 100   following the chair only
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null 2>&1 || { echo "bench: chromium is needed (apt-get install chromium)"; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Workspace.Web -c Release -v quiet -nologo
dotnet build bench/Workspace.Bench -c Release -v quiet -nologo
dotnet bench/Workspace.Bench/bin/Release/net10.0/Workspace.Bench.dll "$@"

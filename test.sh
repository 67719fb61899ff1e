#!/usr/bin/env bash
# Runs every test of Rådsrum. Installs what the tests need when it is missing (Debian's Chromium for the
# end-to-end tests, redis-server for the two-node tests, which start their own on a loopback port),
# builds the solution once and runs all suites in one `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} (Debian packages)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
configuration="${CONFIGURATION:-Release}"

dotnet build Workspace.sln -c "$configuration"
dotnet test Workspace.sln -c "$configuration" --no-build "$@"

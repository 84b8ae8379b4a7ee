#!/usr/bin/env bash
# Regenerates Wolverine's code for every HTTP endpoint and message handler into src/Api/Internal/Generated, which the
# API loads at start instead of generating and compiling it (README "Code generation"). Run it after changing an
# endpoint, a handler or a policy that shapes them, and commit the folder: GeneratedHandlerCodeTests fails until then.
set -euo pipefail
cd "$(dirname "$0")/.."
# The old files go first: after a handler's signature changed they may no longer compile, and the API must build
# before it can write new ones.
rm -rf src/Api/Internal/Generated
dotnet build src/Api -nologo -v q
# `codegen write` builds the host without starting it: the connection string is never opened, no database is needed.
ConnectionStrings__Postgres="Host=127.0.0.1;Port=1;Database=codegen" \
  dotnet run --no-build --project src/Api -- codegen write > /dev/null
echo "wrote $(find src/Api/Internal/Generated -name '*.cs' | wc -l) files to src/Api/Internal/Generated"

#!/usr/bin/env bash
# Regenerates the typed client (src/Client) from the accepted OpenAPI snapshot, with the Kiota pinned in
# .config/dotnet-tools.json. Writes docs/openapi.json (the snapshot as plain JSON) and src/Client/generated-from.txt
# (hashes of that document and of the generated code, which ClientFreshnessTests compares without needing Kiota).
set -euo pipefail
cd "$(dirname "$0")/.."
export KIOTA_OFFLINE_ENABLED=true  # no update check against GitHub
snapshot=tests/IntegrationTests/Contracts/__snapshots__/OpenApiContractTests.The_OpenAPI_document_does_not_change_unnoticed.snap
sed '1s/^\xEF\xBB\xBF//' "$snapshot" | tr -d '\r' > docs/openapi.json
dotnet tool restore >/dev/null
rm -rf src/Client/Generated
dotnet kiota generate --language CSharp --openapi docs/openapi.json --output src/Client/Generated \
  --class-name MyGovernmentApiClient --namespace-name MyGovernment.Client --exclude-backward-compatible \
  --clean-output --log-level Error
# The lock file holds the generating machine's absolute paths, the log its warnings: neither is part of the client.
rm -f src/Client/Generated/kiota-lock.json src/Client/Generated/.kiota.log
hash() { tr -d '\r' | sha256sum | cut -c1-64; }
code=$(cd src/Client/Generated && find . -type f | LC_ALL=C sort | while read -r f; do
  printf '%s %s\n' "$(hash < "$f")" "${f#./}"; done | hash)
printf '# Written by scripts/generate-client.sh, checked by ClientFreshnessTests: do not edit.\ndocument %s\ncode %s\n' \
  "$(hash < docs/openapi.json)" "$code" > src/Client/generated-from.txt

#!/usr/bin/env bash
# Adds a migration for both databases: scripts/add-migration.sh AddDeals
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/PartnerHub.App --startup-project src/PartnerHub.App \
    --context "${provider}PartnerHubDb" --output-dir "Persistence/Migrations/$provider"
done

#!/usr/bin/env bash
# The JSON Schemas in schemas/ against the files they describe, with check-jsonschema: every rule file
# of Rules/, the documented rules-path example, the samples' and every corpus school's .postlint.yml, and
# what `postlint init` writes. (SchemaTests holds the schemas' keys to the loaders'.) Skips (exit 0, with
# a notice) when check-jsonschema is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/postlint-schemas.XXXXXX")
trap 'rm -rf "$work"' EXIT

if ! command -v check-jsonschema >/dev/null 2>&1; then
  echo "schemas: SKIPPED (check-jsonschema is not installed)"
  exit 0
fi
cd "$root"
check-jsonschema --check-metaschema schemas/postlint-config.schema.json schemas/postlint-rule.schema.json
check-jsonschema --schemafile schemas/postlint-rule.schema.json Rules/*.yml docs/examples/postlint-rules/*.yml
check-jsonschema --schemafile schemas/postlint-config.schema.json Samples/.postlint.yml Tests/Corpus/*/.postlint.yml \
  Tests/HoldoutCorpus/*/.postlint.yml

# POSTLINT names a binary already built (a debug build, say); else the release build, as the others use.
if [ -z "${POSTLINT:-}" ]; then
  swift build -c release --product postlint >/dev/null
  POSTLINT="$(swift build -c release --show-bin-path)/postlint"
fi
POSTLINT="$(cd "$(dirname "$POSTLINT")" && pwd)/$(basename "$POSTLINT")"
(cd "$work" && "$POSTLINT" init >/dev/null)
check-jsonschema --schemafile schemas/postlint-config.schema.json "$work/.postlint.yml"
# A configuration that uses every kind of value, rules-path and a custom rule's level included.
cat > "$work/full.yml" <<'YAML'
rules-path: [docs/examples/postlint-rules]
rules: { school-jargon: error, pupil-name: error }
policy: { school-jargon: { section: "8", heading: Content of Webspace, text: Posts are for parents. } }
YAML
check-jsonschema --schemafile schemas/postlint-config.schema.json "$work/full.yml"
# And the schemas refuse what the loader refuses: an unknown key and an unknown level.
printf 'rooster: [pupils.csv]\n' > "$work/typo.yml"
printf 'rules: { pupil-name: warn }\n' > "$work/level.yml"
for bad in typo level; do
  if check-jsonschema --schemafile schemas/postlint-config.schema.json "$work/$bad.yml" >/dev/null 2>&1; then
    echo "schemas: FAILED ($bad.yml was accepted)"
    exit 1
  fi
done
echo "schemas: passed"

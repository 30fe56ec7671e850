#!/usr/bin/env bash
# Builds the release archive of postlint for Linux x86_64: one executable with the Swift runtime and
# Foundation linked in (--static-swift-stdlib), so it runs on a machine without Swift. Its only
# runtime dependencies are glibc and libxml2 (libxml2.so.2: `apt-get install libxml2`, present on
# most Linux systems); the rule pack and the staff page are compiled in.
#
#   scripts/release.sh [OUTPUT_FOLDER]     # default: dist/
#
# Writes OUTPUT_FOLDER/postlint-VERSION-linux-x86_64.tar.gz (a folder of that name holding
# `postlint` and README.txt) and its checksum file, `….tar.gz.sha256` (`sha256sum -c` format), and
# prints the archive's path last. The build uses its own scratch folder (.build-release, or
# $POSTLINT_RELEASE_SCRATCH) so it does not disturb the debug build. Tests/Integration/release.sh
# runs the result with the toolchain out of the loader's reach.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)
scratch=${POSTLINT_RELEASE_SCRATCH:-$root/.build-release}

if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
  echo "release: this script builds the Linux x86_64 archive; this machine is $(uname -s) $(uname -m)" >&2
  exit 2
fi

cd "$root"
build=(swift build -c release --static-swift-stdlib --product postlint --scratch-path "$scratch")
"${build[@]}" >&2
binary="$("${build[@]}" --show-bin-path)/postlint"
version=$("$binary" --version)
name="postlint-$version-linux-x86_64"

stage=$(mktemp -d "${TMPDIR:-/tmp}/postlint-release.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
# Debug information is most of the file's size and no use to a user; symbols stay for backtraces.
strip --strip-debug -o "$stage/$name/postlint" "$binary"
chmod 755 "$stage/$name/postlint"

# Nothing may come from the Swift toolchain: every library must be a system one.
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
if ldd "$stage/$name/postlint" | grep -e "$toolchain" -e "not found" -e "libswift" -e "libFoundation" >&2; then
  echo "release: the binary still needs the libraries above; it would not run without the Swift toolchain" >&2
  exit 1
fi
needed=$(readelf -d "$stage/$name/postlint" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | grep -v ld-linux | tr '\n' ' ')
glibc=$(objdump -T "$stage/$name/postlint" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)

cat > "$stage/$name/README.txt" <<TEXT
PostLint $version for Linux x86_64: checks school posts against the school's social media policy.

Install: put \`postlint\` on your PATH (e.g. /usr/local/bin) and run \`postlint --help\`.
It needs glibc $glibc or later and libxml2
(libxml2.so.2; Debian and Ubuntu: apt-get install libxml2); nothing else. The Swift runtime,
the rule pack and the staff page are inside the file.
Libraries it links: $needed

Documentation: $(sed -n 's/.*repositoryURL = "\(.*\)"/\1/p' Sources/PostLint/Checks/PostLintInfo.swift)
TEXT

# The same input gives the same archive: fixed owner, order and times, no gzip timestamp.
stamp=$(git log -1 --format=%ct 2> /dev/null || date +%s)
tar --owner=0 --group=0 --numeric-owner --sort=name --mtime="@$stamp" -C "$stage" -cf - "$name" | gzip -n -9 > "$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "release: $(du -h "$out/$name.tar.gz" | cut -f1) archive, $(du -h "$stage/$name/postlint" | cut -f1) executable; needs glibc $glibc and $needed" >&2
echo "$out/$name.tar.gz"

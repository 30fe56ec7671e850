# PostLint in a container, for CI systems that run containers:
#
#   docker build -t postlint .
#   docker run --rm -v "$PWD:/work" postlint check .                       # text report
#   docker run --rm -v "$PWD:/work" postlint check . --format sarif -o postlint.sarif
#
# NOT BUILT HERE: the machine this file was written on has no Docker engine and cannot pull images,
# so it has never been built. Its steps are those of scripts/release.sh, which is built and tested
# (Tests/Integration/release.sh): a release build with the Swift runtime linked in, then a slim
# Debian with only libxml2 (PostLint's one runtime library) and git (for --changed-since).
#
# Build stage: the official Swift image, the version CI uses.
FROM swift:6.1-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libxml2-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --static-swift-stdlib --product postlint \
 && strip --strip-debug -o /postlint "$(swift build -c release --static-swift-stdlib --show-bin-path)/postlint"

# Runtime: no Swift, no compiler.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libxml2 git \
 && rm -rf /var/lib/apt/lists/* \
 && git config --system --add safe.directory '*'
COPY --from=build /postlint /usr/local/bin/postlint
# Mount the school's repository here; run with --user "$(id -u):$(id -g)" so reports belong to you.
WORKDIR /work
ENTRYPOINT ["postlint"]
CMD ["check", "."]

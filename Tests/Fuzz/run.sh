#!/usr/bin/env bash
# Builds the libFuzzer targets with ASan (one `swift build`: in fuzz mode the package holds only them and what
# they use) and runs the parser, query, HTML and JSON-LD targets for SECONDS (default 60) each, the configuration
# and web-address targets for a third of that, from the seed corpora.
# Usage: Tests/Fuzz/run.sh [SECONDS] [extra libFuzzer flags...]      e.g. FUZZ_CONFIG=release Tests/Fuzz/run.sh 3600 -jobs=2
# New inputs and any crash or timeout reproducer go to $FUZZ_WORK (a fresh temporary directory by default);
# replay one with `.build-fuzz/<arch>/<config>/FuzzParser FILE`.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}; shift || true
config=${FUZZ_CONFIG:-debug}
export LIVEBLOG_FUZZ=1 SWIFT_BACKTRACE=enable=no   # libFuzzer, not the Swift backtracer, reports crashes
export LSAN_OPTIONS=suppressions=$PWD/Tests/Fuzz/lsan.supp:print_suppressions=0
build=(swift build -c "$config" --sanitize=fuzzer --sanitize=address --scratch-path .build-fuzz)
"${build[@]}" >/dev/null
bin=$("${build[@]}" --show-bin-path)
work=${FUZZ_WORK:-$(mktemp -d)}
mkdir -p "$work/parser" "$work/query" "$work/html" "$work/jsonld" "$work/config" "$work/address"
# -timeout catches a blow-up (a hang or an exponential case) on one input; -max_len keeps inputs small enough
# for many runs a second while still holding long lines.
common=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -dict=Tests/Fuzz/liveblog.dict
        -print_final_stats=1 -artifact_prefix="$work/")
"$bin/FuzzParser" "${common[@]}" "$@" "$work/parser" Tests/Fuzz/seeds/parser Tests/LiveBlogCoreTests/Fixtures/corpus
"$bin/FuzzQuery" "${common[@]}" "$@" "$work/query" Tests/Fuzz/seeds/query
"$bin/FuzzHTML" "${common[@]}" "$@" "$work/html" Tests/Fuzz/seeds/html
"$bin/FuzzJSONLD" "${common[@]}" "$@" "$work/jsonld" Tests/Fuzz/seeds/jsonld
# The configuration and address targets are small and fast: a third of the time each covers them.
small=$(( seconds / 3 > 0 ? seconds / 3 : 1 ))
"$bin/FuzzConfig" "${common[@]/-max_total_time=*/-max_total_time=$small}" -max_len=4096 "$@" "$work/config" \
  Tests/Fuzz/seeds/config
"$bin/FuzzWebAddress" "${common[@]/-max_total_time=*/-max_total_time=$small}" -max_len=16384 "$@" "$work/address" \
  Tests/Fuzz/seeds/address
echo "fuzz: all six targets ran without a failure (inputs kept in $work)"

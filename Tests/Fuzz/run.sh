#!/usr/bin/env bash
# Builds the libFuzzer targets and runs them.
#
#   Tests/Fuzz/run.sh [numbers|pages|all] [SECONDS]      (default: all, 300 seconds per target)
#
# Targets (Linux, the Swift toolchain's clang/libFuzzer, AddressSanitizer on):
#   numbers  FuzzNumberGrammar.swift: bytes as a paragraph, an amount and a table → facts
#   pages    FuzzPageFacts.swift:     bytes as an HTML page → article detection → facts
#
# The stage libraries are compiled from Sources/ with coverage instrumentation into
# .build/fuzz/, outside SwiftPM (SwiftPM would instrument the command-line tool's main too).
# Seeds come from Tests/Fuzz/seeds/<target>; new inputs and crashes land in .build/fuzz/<target>/.
# Each run is limited to 2 GB RSS and 10 s per input, so a hang or a memory blow-up is a
# finding, not a stuck machine. Reproduce a crash with: .build/fuzz/fuzz-<target> CRASH_FILE
set -euo pipefail
cd "$(dirname "$0")/../.."
which_target="${1:-all}"
seconds="${2:-300}"
out=.build/fuzz
mkdir -p "$out"
# One argument to swiftc: its -sanitize list is comma-separated.
# shellcheck disable=SC2054
flags=(-O -g -sanitize=fuzzer,address -parse-as-library -swift-version 6)
libxml_include=$(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I//; s/ *$//')

build_library() { # name, sources…
    local name=$1
    shift
    swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$out/$name.swiftmodule" \
        -emit-library -static -o "$out/lib$name.a" -I "$out" -Xcc -fmodule-map-file="$out/CLibXML2Shim.modulemap" \
        -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap -Xcc -I"$libxml_include" "$@"
}

# The C shim, with a module map like the one SwiftPM generates for it.
clang -O1 -g -fsanitize=fuzzer-no-link,address -I"$libxml_include" -ISources/CLibXML2Shim/include \
    -c Sources/CLibXML2Shim/CLibXML2Shim.c -o "$out/CLibXML2Shim.o"
cat > "$out/CLibXML2Shim.modulemap" <<MAP
module CLibXML2Shim {
    header "$PWD/Sources/CLibXML2Shim/include/CLibXML2Shim.h"
    export *
}
MAP
# SHA256Hex needs swift-crypto, which only SwiftPM builds; parsing and extraction never hash.
core=()
for file in Sources/ProvstatCore/*.swift; do [ "$file" = Sources/ProvstatCore/SHA256Hex.swift ] || core+=("$file"); done
build_library ProvstatCore "${core[@]}"
build_library ProvstatSupport Sources/ProvstatSupport/*.swift
build_library ProvstatExtract Sources/ProvstatExtract/*.swift
build_library ProvstatParse Sources/ProvstatParse/*.swift

link() { # target, source
    swiftc "${flags[@]}" -I "$out" -Xcc -fmodule-map-file="$out/CLibXML2Shim.modulemap" \
        -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap -Xcc -I"$libxml_include" "$2" \
        -L "$out" -lProvstatParse -lProvstatExtract -lProvstatSupport -lProvstatCore "$out/CLibXML2Shim.o" -lxml2 -o "$out/fuzz-$1"
}
link numbers Tests/Fuzz/FuzzNumberGrammar.swift
link pages Tests/Fuzz/FuzzPageFacts.swift

run() { # target
    mkdir -p "$out/$1/corpus" "$out/$1/crashes"
    echo "== fuzz-$1 for ${seconds}s"
    "$out/fuzz-$1" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
        -artifact_prefix="$out/$1/crashes/" -print_final_stats=1 "$out/$1/corpus" "Tests/Fuzz/seeds/$1"
}
case "$which_target" in
numbers | pages) run "$which_target" ;;
all) run numbers && run pages ;;
*) echo "usage: Tests/Fuzz/run.sh [numbers|pages|all] [SECONDS]" >&2 && exit 64 ;;
esac

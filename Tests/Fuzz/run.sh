#!/usr/bin/env bash
# Builds the libFuzzer targets and runs them.
#
#   Tests/Fuzz/run.sh [numbers|pages|definitions|snapshots|all] [SECONDS]   (default: all, 300 s each)
#
# Targets (Linux, the Swift toolchain's clang/libFuzzer, AddressSanitizer on):
#   numbers      FuzzNumberGrammar.swift: bytes as a paragraph, an amount and a table → facts
#   pages        FuzzPageFacts.swift:     bytes as an HTML page → article detection → facts
#   definitions  FuzzDefinitions.swift:   bytes as a pipeline definition (`pipelines check`)
#   snapshots    FuzzSnapshots.swift:     bytes as a snapshot file (`validate`)
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
# SHA256Hex needs swift-crypto, which only SwiftPM builds: a stub with its API stands in.
core=()
for file in Sources/ProvstatCore/*.swift; do [ "$file" = Sources/ProvstatCore/SHA256Hex.swift ] || core+=("$file"); done
build_library ProvstatCore "${core[@]}" Tests/Fuzz/Stubs/SHA256Hex.swift
build_library ProvstatSupport Sources/ProvstatSupport/*.swift
build_library ProvstatExtract Sources/ProvstatExtract/*.swift
build_library ProvstatParse Sources/ProvstatParse/*.swift

# The definition and snapshot readers: Yams (from SwiftPM's checkout; run `swift build` once
# first), the reconcile and snapshot stages, and the reading part of the pipeline target.
yams=.build/checkouts/Yams/Sources
for c in "$yams"/CYaml/src/*.c; do
    clang -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I"$yams/CYaml/include" \
        -c "$c" -o "$out/cyaml-$(basename "$c" .c).o"
done
ar rcs "$out/libCYaml.a" "$out"/cyaml-*.o
build_library Yams -D SWIFT_PACKAGE -Xcc -fmodule-map-file="$yams/CYaml/include/module.modulemap" \
    -Xcc -DYAML_DECLARE_STATIC \
    "$yams"/Yams/*.swift
build_library ProvstatReconcile Sources/ProvstatReconcile/*.swift
build_library ProvstatSnapshot Sources/ProvstatSnapshot/*.swift
pipeline=Sources/ProvstatPipeline
build_library ProvstatPipeline -Xcc -fmodule-map-file="$yams/CYaml/include/module.modulemap" \
    "$pipeline"/{DefinitionLoader,DefinitionReader,DefinitionError,YAMLValue,PipelineDefinition}.swift \
    "$pipeline"/{SourceDefinition,ListingRule,FetchSettings,SnapshotValidation,MonthReconciliation}.swift \
    "$pipeline"/PublishedHistory.swift

link() { # target, source
    swiftc "${flags[@]}" -I "$out" -Xcc -fmodule-map-file="$out/CLibXML2Shim.modulemap" \
        -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap -Xcc -I"$libxml_include" "$2" \
        -L "$out" -lProvstatParse -lProvstatExtract -lProvstatSupport -lProvstatCore "$out/CLibXML2Shim.o" -lxml2 -o "$out/fuzz-$1"
}
link numbers Tests/Fuzz/FuzzNumberGrammar.swift
link pages Tests/Fuzz/FuzzPageFacts.swift
link_readers() { # target, source
    swiftc "${flags[@]}" -I "$out" -Xcc -fmodule-map-file="$out/CLibXML2Shim.modulemap" \
        -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap -Xcc -I"$libxml_include" \
        -Xcc -fmodule-map-file="$yams/CYaml/include/module.modulemap" "$2" -L "$out" -lProvstatPipeline \
        -lProvstatSnapshot -lProvstatReconcile -lYams -lCYaml -lProvstatParse -lProvstatExtract -lProvstatCore \
        "$out/CLibXML2Shim.o" -lxml2 -o "$out/fuzz-$1"
}
link_readers definitions Tests/Fuzz/FuzzDefinitions.swift
link_readers snapshots Tests/Fuzz/FuzzSnapshots.swift

run() { # target
    mkdir -p "$out/$1/corpus" "$out/$1/crashes"
    echo "== fuzz-$1 for ${seconds}s"
    "$out/fuzz-$1" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
        -artifact_prefix="$out/$1/crashes/" -print_final_stats=1 "$out/$1/corpus" "Tests/Fuzz/seeds/$1"
}
case "$which_target" in
numbers | pages | definitions | snapshots) run "$which_target" ;;
all) run numbers && run pages && run definitions && run snapshots ;;
*) echo "usage: Tests/Fuzz/run.sh [numbers|pages|definitions|snapshots|all] [SECONDS]" >&2 && exit 64 ;;
esac

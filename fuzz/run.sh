#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each, one after the other, in one process each (the machine
# has two cores; others work on it too). Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz --locked`).
#
#   fuzz/run.sh SECONDS [TARGET...]      e.g. fuzz/run.sh 300, fuzz/run.sh 60 parse chart
#
# Targets: every one `cargo fuzz list` names (a new [[bin]] in fuzz/Cargo.toml is picked up).
# Corpus: the committed seeds in fuzz/corpus/<target>/ are read, never written; what the fuzzer
# finds goes to fuzz/target/corpus/<target>/ (git-ignored, kept between runs). A crash is saved
# under fuzz/artifacts/<target>/; reproduce with `cargo +nightly fuzz run TARGET ARTIFACT`.
# A libFuzzer dictionary fuzz/dicts/<target>.dict is used when there is one.
#
# Environment: FUZZ_SANITIZER (default `none`: the crate is safe Rust, and without ASan it runs
# several times faster; `address` for cargo-fuzz's default), FUZZ_ARGS (extra libFuzzer flags).
#
# Prints executions, executions per second, new corpus units and crashes per target; exits 1 if
# any target crashed (or failed to run), 2 on a usage or build error.
set -uo pipefail
cd "$(dirname "$0")"
fuzz_dir=$PWD

if [[ $# -lt 1 || ! $1 =~ ^[0-9]+$ ]]; then
    echo "usage: fuzz/run.sh SECONDS [TARGET...]" >&2
    exit 2
fi
seconds=$1
shift
sanitizer=${FUZZ_SANITIZER:-none}
toolchain=+nightly

if ! cargo $toolchain fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz is missing: cargo install cargo-fuzz --locked" >&2
    exit 2
fi
if [[ $# -gt 0 ]]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo $toolchain fuzz list)
fi
echo "building ${targets[*]} (sanitizer: $sanitizer)"
mkdir -p "$fuzz_dir/target"
for t in "${targets[@]}"; do
    if ! cargo $toolchain fuzz build --sanitizer "$sanitizer" "$t" >"$fuzz_dir/target/build.log" 2>&1; then
        grep -E "^error" -A12 "$fuzz_dir/target/build.log" | head -40 >&2
        echo "building $t failed (fuzz/target/build.log)" >&2
        exit 2
    fi
done

# The last value libFuzzer printed for a final statistic, or "?".
final_stat() { grep -o "stat::$1: *[0-9]*" "$2" | tail -1 | awk '{print $2}' | grep . || echo "?"; }

failed=0
summary=()
for t in "${targets[@]}"; do
    work=$fuzz_dir/target/corpus/$t
    seeds=$fuzz_dir/corpus/$t
    artifacts=$fuzz_dir/artifacts/$t
    log=$fuzz_dir/target/logs/$t.log
    mkdir -p "$work" "$seeds" "$artifacts" "$(dirname "$log")"
    dict=()
    [[ -f $fuzz_dir/dicts/$t.dict ]] && dict=("-dict=$fuzz_dir/dicts/$t.dict")
    before=$(find "$artifacts" -type f | wc -l)
    echo "== $t: ${seconds}s (log: fuzz/target/logs/$t.log)"
    # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
    cargo $toolchain fuzz run --sanitizer "$sanitizer" "$t" "$work" "$seeds" -- \
        -max_total_time="$seconds" -timeout=25 -print_final_stats=1 "${dict[@]}" ${FUZZ_ARGS:-} >"$log" 2>&1
    status=$?
    crashes=$(( $(find "$artifacts" -type f | wc -l) - before ))
    execs=$(final_stat number_of_executed_units "$log")
    rate=$(final_stat average_exec_per_sec "$log")
    units=$(final_stat new_units_added "$log")
    line=$(printf '%-10s %12s execs  %8s exec/s  %6s new units  %3s crashes' "$t" "$execs" "$rate" "$units" "$crashes")
    echo "$line"
    if [[ $status -ne 0 || $crashes -gt 0 ]]; then
        failed=1
        line="$line  FAILED (exit $status)"
        grep -E "panicked at|^Test unit written|SUMMARY|ERROR: libFuzzer" "$log" | head -5 | sed 's/^/    /'
        ls -t "$artifacts" | head -n "$(( crashes > 0 ? crashes : 0 ))" | sed "s|^|    artifact: fuzz/artifacts/$t/|"
    fi
    summary+=("$line")
done

echo
echo "== summary ($seconds s per target, sanitizer: $sanitizer)"
printf '%s\n' "${summary[@]}"
exit $failed

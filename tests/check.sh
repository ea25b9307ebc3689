#!/bin/bash
# make check: every test of mvee, with one summary line at the end.
#   1. unit tests (cmocka): the syscall table and the comparators
#   2. tests/run.sh: test programs and real programs, native vs mvee -n 2/-n 3,
#      divergence cases and error paths, with build/mvee
#   3. the same suite with the monitor built with AddressSanitizer and UBSan,
#      the attack tests (tests/attacks/run.sh) and a short run of the
#      syscall fuzzer (tests/fuzz/run.sh)
#   4. a 24-second soak run of lighttpd under mvee -n 2 with wrk load
#      (tests/soak/run.sh; make soak runs it for 5 minutes)
#   5. the man page against --help (tests/man.sh), and make install
#   6. formatting of src/ against .clang-format (when clang-format is there)
set -u
cd "$(dirname "$0")/.."
pass=0
fail=0
add() { pass=$((pass + $1)); fail=$((fail + $2)); }

# last "N passed, N failed" line of a log
counts() { grep -Eo '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1 | awk '{print $1, $3}'; }

echo "== unit tests"
for t in build/unit/test_*; do
	[ -x "$t" ] || continue
	log=$(mktemp)
	"$t" >"$log" 2>&1
	rc=$?
	ok=$(grep -Eo '\[  PASSED  \] [0-9]+' "$log" | awk '{print $NF}')
	bad=$(grep -Eo '\[  FAILED  \] [0-9]+' "$log" | awk '{print $NF}')
	ok=${ok:-0}
	bad=${bad:-0}
	[ "$rc" != 0 ] && [ "$bad" = 0 ] && bad=1
	echo "$(basename "$t"): $ok passed, $bad failed"
	[ "$bad" != 0 ] && sed 's/^/    /' "$log" | grep -E 'FAIL|ERROR|error' | head -20
	add "$ok" "$bad"
	rm -f "$log"
done

run_suite() {
	local name=$1
	shift
	local log
	log=$(mktemp)
	echo "== $name"
	"$@" 2>&1 | tee "$log"
	read -r p f < <(counts "$log")
	if [ -z "${p:-}" ]; then
		echo "$name: no summary line"
		add 0 1
	else
		add "$p" "$f"
	fi
	rm -f "$log"
}

run_suite "programs (build/mvee)" tests/run.sh
run_suite "programs (build/mvee-asan, ASan+UBSan monitor)" \
	env MVEE=build/mvee-asan ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 tests/run.sh

run_suite "attacks (tests/attacks: stack smash, leak, layouts, sanitizer split)" \
	tests/attacks/run.sh

run_suite "syscall fuzzer (tests/fuzz, short run; FUZZ_LONG=1 for the long one)" \
	tests/fuzz/run.sh

run_suite "soak (tests/soak: lighttpd under -n 2, 24 s of wrk load; make soak for 5 minutes)" \
	tests/soak/run.sh -t 24 -s 3 -w 6

run_suite "man page" tests/man.sh build/mvee

echo "== install"
dest=$(mktemp -d)
if make -s install PREFIX="$dest/usr" >/dev/null 2>&1 &&
	[ -x "$dest/usr/bin/mvee" ] &&
	[ -f "$dest/usr/share/man/man1/mvee.1" ] &&
	"$dest/usr/bin/mvee" -- true; then
	echo "install: ok (bin/mvee, share/man/man1/mvee.1)"
	add 1 0
else
	echo "install: make install PREFIX=... did not install mvee and mvee.1"
	add 0 1
fi
rm -rf "$dest"

echo "== format"
if command -v clang-format >/dev/null; then
	if clang-format --dry-run -Werror src/*.c src/*.h src/handlers/*.c >/dev/null 2>&1; then
		echo "format: ok"
		add 1 0
	else
		echo "format: src/ differs from .clang-format (run: make format)"
		add 0 1
	fi
fi

echo
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

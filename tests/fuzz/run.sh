#!/bin/bash
# run.sh - the syscall fuzzer (tests/fuzz/fuzz.c), natively and under mvee.
#
#   tests/fuzz/run.sh [-s "SEEDS"] [-c COUNT] [-n "VARIANTS"] [-d] [-k]
#
# For each seed, runs `fuzz SEED COUNT DIR` natively and under mvee -n 2
# and -n 3, each in a fresh scratch dir with a timeout, and compares each
# mvee run with the native one: exit status, stdout, stderr, and what is
# left in the scratch dir (names, types, sizes). Prints one line per case,
# "PASS fuzz/seed-S/nN" or "FAIL fuzz/seed-S/nN (why)" with the first
# differing lines, then "N passed, M failed"; the exit status is non-zero
# when anything failed. Failures keep their outputs under
# build/tests/logs/fuzz/seed-S/.
#
# The default is a short run for make check (6 seeds x 2000 calls);
# FUZZ_LONG=1 runs 50 seeds x 20000 calls.
#
# Options: -s SEEDS     the seeds (default "1 2 3 4 5 6", long: 1..50)
#          -c COUNT     calls per run (default 2000, long: 20000)
#          -n VARIANTS  the mvee runs (default "2 3")
#          -d           also run natively twice and compare (checks that
#                       the fuzzer itself is deterministic)
#          -k           keep the outputs of passing cases too
# Environment: MVEE (default build/mvee) the binary under test; MVEE_FLAGS
# extra options for it; TIMEOUT seconds per run (default 60); CC (cc);
# TMPDIR; FUZZ_TRACE and FUZZ_EXCLUDE reach the fuzzer (see fuzz.c):
#   FUZZ_TRACE=1 tests/fuzz/run.sh -s 7    results on stderr too, so that
#                                          a divergence report shows them
#   FUZZ_EXCLUDE=hint,opath ...             leave out what a known bug hits
# To narrow a failure down, run the fuzzer by hand with a RANGES argument
# (fuzz.c), e.g. the command in build/tests/logs/fuzz/seed-S/command.

set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MVEE=${MVEE:-$ROOT/build/mvee}
MVEE_FLAGS=${MVEE_FLAGS:-}
TIMEOUT=${TIMEOUT:-60}
CC=${CC:-cc}
if [ "${FUZZ_LONG:-0}" = 1 ]; then
	SEEDS=$(seq 1 50 | tr '\n' ' ')
	COUNT=20000
else
	SEEDS="1 2 3 4 5 6"
	COUNT=2000
fi
VARIANTS="2 3"
TWICE=0
KEEP=0

usage()
{
	sed -n '2,/^$/s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

while getopts "s:c:n:dkh" opt; do
	case $opt in
	s) SEEDS=$OPTARG ;;
	c) COUNT=$OPTARG ;;
	n) VARIANTS=$OPTARG ;;
	d) TWICE=1 ;;
	k) KEEP=1 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

case $MVEE in
/*) ;;
*) MVEE=$PWD/$MVEE ;;
esac
if [ ! -x "$MVEE" ]; then
	echo "run.sh: $MVEE not found or not executable (run make, or set MVEE)" >&2
	exit 2
fi

BIN=$ROOT/build/tests/fuzz
FUZZ=$BIN/fuzz
SRC=$ROOT/tests/fuzz/fuzz.c
LOGS=$ROOT/build/tests/logs/fuzz
mkdir -p "$BIN" "$LOGS"
if [ ! -x "$FUZZ" ] || [ "$SRC" -nt "$FUZZ" ]; then
	if ! $CC -O1 -g -Wall -Wextra -D_GNU_SOURCE -fPIE -pie \
		-o "$FUZZ.tmp" "$SRC" 2>"$BIN/fuzz.log"; then
		echo "FAIL fuzz/build (does not compile: $(head -3 "$BIN/fuzz.log" | tr '\n' ' '))"
		echo "0 passed, 1 failed"
		exit 1
	fi
	mv "$FUZZ.tmp" "$FUZZ"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mvee-fuzz.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
export LC_ALL=C
ulimit -c 0

# processes still running with a cwd in $1 (variants mvee left behind)
stragglers()
{
	local dir=$1 pids
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		pids=$(find /proc/[0-9]*/cwd -maxdepth 0 -lname "$dir*" \
			2>/dev/null | cut -d/ -f3)
		[ -z "$pids" ] && return 1
		sleep 0.2
	done
	echo $pids
	return 0
}

# run CASEDIR LABEL N: the fuzzer in CASEDIR/LABEL/s, natively when N is
# empty, else under mvee -n N; leaves out, err, rc, elapsed, files. Labels
# have the same length so that the scratch paths do too (getcwd's ERANGE
# depends on it).
run()
{
	local dir=$1/$2 n=$3 start pids
	mkdir -p "$dir/s"
	start=$(date +%s%N)
	{
		(
			# only fds 0-2 open, as the fuzzer assumes
			fds=(/proc/$BASHPID/fd/*)
			for fd in "${fds[@]##*/}"; do
				[ "$fd" -gt 2 ] && eval "exec $fd>&-"
			done 2>/dev/null
			cd "$dir/s" || exit 2
			if [ -n "$n" ]; then
				# shellcheck disable=SC2086
				exec timeout -k 5 "$TIMEOUT" "$MVEE" $MVEE_FLAGS \
					-n "$n" -- "$FUZZ" "$SEED" "$COUNT" "$dir/s"
			else
				exec timeout -k 5 "$TIMEOUT" "$FUZZ" "$SEED" \
					"$COUNT" "$dir/s"
			fi
		) </dev/null >"$dir/out" 2>"$dir/err"
		echo $? >"$dir/rc"
	} 2>/dev/null
	echo $((($(date +%s%N) - start) / 1000000)) >"$dir/elapsed" # ms
	if pids=$(stragglers "$dir"); then
		echo "$pids" >"$dir/stragglers"
		kill -9 $pids 2>/dev/null
	fi
	(cd "$dir/s" && find . -mindepth 1 -printf '%P %y %s\n' | sort) \
		>"$dir/files"
}

WHY=
note()
{
	WHY="${WHY:+$WHY; }$*"
}

# first differing lines of two files, indented, as "-native +mvee"
firstdiff()
{
	diff "$1" "$2" | grep -E '^[<>]' | head -6 | sed 's/^</    -/; s/^>/    +/' |
		cut -c1-200
}

# compare run LABEL of case dir C with its native run; sets WHY, DETAIL
compare()
{
	local c=$1 label=$2 nat=$1/nt m=$1/$2 rc line
	WHY=
	DETAIL=
	rc=$(cat "$m/rc")
	if { [ "$rc" = 124 ] || [ "$rc" = 137 ]; } &&
		[ "$(cat "$m/elapsed")" -ge $((TIMEOUT * 1000)) ]; then
		note "timeout after ${TIMEOUT}s"
	elif [ "$rc" != "$(cat "$nat/rc")" ]; then
		note "status $rc, native $(cat "$nat/rc")"
	fi
	[ -s "$m/stragglers" ] && note "left processes running"
	if line=$(grep -m1 '^mvee: ' "$m/err"); then
		[ ${#line} -gt 110 ] && line="${line:0:107}..."
		note "$line"
	fi
	if ! cmp -s "$nat/out" "$m/out"; then
		note "stdout differs"
		DETAIL+=$(firstdiff "$nat/out" "$m/out")$'\n'
	fi
	if ! cmp -s "$nat/err" "$m/err"; then
		note "stderr differs"
		if grep -q '^mvee: ' "$m/err"; then
			# mvee's report says more than the diff
			DETAIL+=$(sed -n '/^mvee: /,$p' "$m/err" | head -6 |
				cut -c1-200 | sed 's/^/    /')$'\n'
		else
			DETAIL+=$(firstdiff "$nat/err" "$m/err")$'\n'
		fi
	fi
	if ! cmp -s "$nat/files" "$m/files"; then
		note "files left differ"
		DETAIL+=$(firstdiff "$nat/files" "$m/files")$'\n'
	fi
}

pass=0
fail=0
verdict()
{
	local name=$1 c=$2
	if [ -z "$WHY" ]; then
		echo "PASS $name"
		pass=$((pass + 1))
		return
	fi
	echo "FAIL $name ($WHY)"
	printf '%s' "$DETAIL" | grep -v '^$'
	fail=$((fail + 1))
}

for SEED in $SEEDS; do
	C=$WORK/seed-$SEED
	mkdir -p "$C"
	run "$C" nt ""
	bad=0
	nrc=$(cat "$C/nt/rc")
	if [ "$nrc" != 0 ] || ! tail -n 1 "$C/nt/out" | grep -qx "done $COUNT"; then
		WHY="native run: status $nrc, last line $(tail -n 1 "$C/nt/out" | cut -c1-80)"
		DETAIL=
		verdict "fuzz/seed-$SEED/native" "$C"
		bad=1
	fi
	if [ "$TWICE" = 1 ]; then
		run "$C" nu ""
		compare "$C" nu
		verdict "fuzz/seed-$SEED/native-twice" "$C"
		[ -n "$WHY" ] && bad=1
	fi
	for n in $VARIANTS; do
		run "$C" "n$n" "$n"
		compare "$C" "n$n"
		verdict "fuzz/seed-$SEED/n$n" "$C"
		[ -n "$WHY" ] && bad=1
	done
	rm -rf "${LOGS:?}/seed-$SEED"
	if [ "$bad" = 1 ] || [ "$KEEP" = 1 ]; then
		mkdir -p "$LOGS/seed-$SEED"
		for d in "$C"/*/; do
			l=$(basename "$d")
			mkdir -p "$LOGS/seed-$SEED/$l"
			cp "$d"/out "$d"/err "$d"/rc "$d"/files "$d"/elapsed \
				"$LOGS/seed-$SEED/$l/" 2>/dev/null
		done
		# the run again, by hand (add RANGES to narrow it down)
		printf 'mkdir -p /tmp/fuzz-%s && cd /tmp/fuzz-%s && FUZZ_EXCLUDE=%s %s -n 2 -- %s %s %s /tmp/fuzz-%s\n' \
			"$SEED" "$SEED" "${FUZZ_EXCLUDE:-}" "$MVEE" "$FUZZ" \
			"$SEED" "$COUNT" "$SEED" >"$LOGS/seed-$SEED/command"
	fi
	rm -rf "$C"
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

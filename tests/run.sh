#!/bin/bash
# run.sh - mvee's program tests, the strace/rr way.
#
#   tests/run.sh [-k PATTERN] [-j JOBS] [-l] [-v]
#
# Four groups of cases, each case one line "PASS name" or "FAIL name (why)",
# then one summary line "N passed, M failed"; the exit status is non-zero
# when anything failed.
#   prog/*     tests/progs/*.c run natively and under mvee -n 2 and -n 3:
#              stdout, stderr, exit status (or fatal signal) and the files
#              left in the scratch dir must be those of the native run
#   diverge/*  tests/diverge/*.c under mvee: exit status 86, a report whose
#              first stderr line starts "mvee: divergence" and names the
#              call (the "expect:" line of the source), nothing on stdout,
#              nothing written to files
#   real/*     real programs (coreutils, gzip, python3, sqlite3, bash...),
#              compared with their native run like prog/*
#   cli/*      mvee's own command line: usage errors, missing programs
# Every run has a fresh scratch dir as cwd (also argv[1] of the test
# programs), a timeout, only fds 0-2 open, and must leave no process
# behind. Test programs are compiled into build/tests/bin/ when their
# source is newer; failures keep their outputs, diffs and the snippet that
# ran under build/tests/logs/CASE/.
#
# Options: -k PATTERN  run only the cases whose name matches (grep -E)
#          -j JOBS     run JOBS cases at once (default 1)
#          -l          list the cases and exit
#          -v          print the first lines of each failure's diffs and
#                      of mvee's stderr
# Environment: MVEE (default build/mvee) the binary under test, e.g. an ASan
# build; MVEE_FLAGS extra options for it; VARIANTS (default "2 3");
# TIMEOUT seconds per run (default 60); CC (default cc); TMPDIR.

set -u
shopt -s nullglob

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MVEE=${MVEE:-$ROOT/build/mvee}
MVEE_FLAGS=${MVEE_FLAGS:-}
VARIANTS=${VARIANTS:-2 3}
TIMEOUT=${TIMEOUT:-60}
CC=${CC:-cc}
DIVERGENCE_STATUS=86
PATTERN=
JOBS=1
LIST=0
VERBOSE=0

usage()
{
	sed -n '2,/^$/s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

while getopts "k:j:lvh" opt; do
	case $opt in
	k) PATTERN=$OPTARG ;;
	j) JOBS=$OPTARG ;;
	l) LIST=1 ;;
	v) VERBOSE=1 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

case $MVEE in
/*) ;;
*) MVEE=$PWD/$MVEE ;;
esac
if [ "$LIST" = 0 ] && [ ! -x "$MVEE" ]; then
	echo "run.sh: $MVEE not found or not executable (run make, or set MVEE)" >&2
	exit 2
fi

OUT=$ROOT/build/tests
LOGS=$OUT/logs
B=$OUT/bin
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mvee-tests.XXXXXX") || exit 2
D=$WORK/data
RESULTS=$WORK/results
mkdir -p "$B/progs" "$B/diverge" "$B/tools" "$LOGS" "$D" "$RESULTS"
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

export LC_ALL=C MVEE MVEE_FLAGS B D
ulimit -c 0

TCFLAGS="-O1 -g -Wall -Wextra -D_GNU_SOURCE -fPIE -pie -pthread"

# ---------------------------------------------------------------- helpers

# compile tests/GROUP/NAME.c into $B/GROUP/NAME unless it is up to date
# (also against a generated $B/GROUP/NAME_rows.h, see gen_rows)
build()
{
	local group=$1 name=$2
	local src=$ROOT/tests/$group/$name.c bin=$B/$group/$name
	local hdr=$ROOT/tests/progs/tests.h gen=$B/$group/${name}_rows.h

	[ -e "$gen" ] || gen=$hdr
	if [ -x "$bin" ] && [ "$bin" -nt "$src" ] && [ "$bin" -nt "$hdr" ] &&
		[ "$bin" -nt "$gen" ]; then
		return 0
	fi
	# one compiler at a time per binary: -j may ask twice
	(
		flock 9
		[ -x "$bin" ] && [ "$bin" -nt "$src" ] && [ "$bin" -nt "$hdr" ] &&
			[ "$bin" -nt "$gen" ] && exit 0
		$CC $TCFLAGS -I"$ROOT/tests/progs" -I"$B/$group" -o "$bin.tmp" \
			"$src" >"$bin.log" 2>&1 && mv "$bin.tmp" "$bin"
	) 9>"$bin.lock"
}

# the rows of the syscall table as a header for progs/ptrsweep, from
# src/systable.c by tests/tools/sweeprows (linked with build/libmvee.a
# for what the table points to); rewritten only when the rows changed,
# removed when it cannot be made (then ptrsweep does not compile)
gen_rows()
{
	local gen=$B/progs/ptrsweep_rows.h tool=$B/tools/sweeprows

	if ! $CC -O1 -D_GNU_SOURCE -I"$ROOT/src" -o "$tool" \
		"$ROOT/tests/tools/sweeprows.c" "$ROOT/src/systable.c" \
		"$ROOT/build/libmvee.a" -lseccomp -ljansson >"$tool.log" 2>&1 ||
		! "$tool" >"$gen.tmp"; then
		rm -f "$gen" "$gen.tmp"
		return 1
	fi
	if cmp -s "$gen" "$gen.tmp"; then
		rm -f "$gen.tmp"
	else
		mv "$gen.tmp" "$gen"
	fi
}

# what every snippet can use: R runs its arguments natively or under mvee
# (RUN_N variants); RX does the same with exec, for the last command of a
# snippet or a background job, so that no shell stands in between
PRELUDE='
R() {
	if [ -n "$RUN_N" ]; then
		"$MVEE" $MVEE_FLAGS -n "$RUN_N" -- "$@"
	else
		"$@"
	fi
}
RX() {
	if [ -n "$RUN_N" ]; then
		exec "$MVEE" $MVEE_FLAGS -n "$RUN_N" -- "$@"
	else
		exec "$@"
	fi
}
'

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

# run SNIPPET as run LABEL of the current case, with RUN_N variants (empty:
# natively) and stdin from STDIN; leaves out, err, rc, files in $CASE/LABEL
runit()
{
	local label=$1 n=$2 snippet=$3 stdin=${4:-/dev/null}
	local dir=$CASE/$label
	local pids start

	mkdir -p "$dir/s"
	start=$SECONDS
	{
		(
			# listed first: the glob's own directory fd comes and goes
			fds=(/proc/$BASHPID/fd/*)
			for fd in "${fds[@]##*/}"; do
				[ "$fd" -gt 2 ] && eval "exec $fd>&-"
			done 2>/dev/null
			cd "$dir/s" || exit 2
			export RUN_N=$n S=$dir/s
			exec timeout -k 5 "$TIMEOUT" bash -o pipefail -c \
				"$PRELUDE$snippet"
		) <"$stdin" >"$dir/out" 2>"$dir/err"
		echo $? >"$dir/rc"
	} 2>/dev/null
	echo $((SECONDS - start)) >"$dir/elapsed"
	if pids=$(stragglers "$dir"); then
		echo "$pids" >"$dir/stragglers"
		kill -9 $pids 2>/dev/null
	fi
	(cd "$dir/s" && find . -mindepth 1 \( -type d -printf '%p/\n' \) -o \
		\( -printf '%p %s\n' \) | sort) >"$dir/files"
}

# why a run went wrong, beyond its outputs: timeout, stragglers
run_trouble()
{
	local dir=$CASE/$1 rc
	rc=$(cat "$dir/rc")
	# 124 is also mvee's start-up failure: a timeout takes the time
	if { [ "$rc" = 124 ] || [ "$rc" = 137 ]; } &&
		[ "$(cat "$dir/elapsed")" -ge "$TIMEOUT" ]; then
		echo "timeout after ${TIMEOUT}s"
	elif [ -s "$dir/stragglers" ]; then
		echo "left processes running"
	fi
}

# ": <mvee's first line on stderr>", shortened, if it said anything
mvee_said()
{
	local line
	line=$(grep -m1 '^mvee: ' "$1" 2>/dev/null) || return 0
	[ ${#line} -gt 110 ] && line="${line:0:107}..."
	printf ': %s' "$line"
}

FAILED_WHY=
note()
{
	FAILED_WHY="${FAILED_WHY:+$FAILED_WHY; }$*"
}

# compare run LABEL with the native run; FILTER (sed -E) applied to stdout
compare_native()
{
	local label=$1 filter=$2 cmp_err=$3
	local n=$CASE/native m=$CASE/$label t

	t=$(run_trouble "$label")
	if [ -n "$t" ]; then
		note "-n ${label#n}: $t"
		return
	fi
	if [ "$(cat "$n/rc")" != "$(cat "$m/rc")" ]; then
		# the rest follows from it; mvee's own line says why
		note "-n ${label#n}: status $(cat "$m/rc"), native $(cat "$n/rc")$(mvee_said "$m/err")"
		return
	fi
	sed -E "$filter" "$n/out" >"$n/out.f"
	sed -E "$filter" "$m/out" >"$m/out.f"
	if ! diff -u "$n/out.f" "$m/out.f" >"$CASE/$label.stdout.diff"; then
		note "-n ${label#n}: stdout differs"
	fi
	# mvee's warning about a non-PIE executable (cli/nonpie-warning) is
	# the one line mvee adds to a clean run's stderr
	grep -v '^mvee: warning: .* is not position-independent' "$m/err" >"$m/err.f"
	if [ "$cmp_err" = 1 ] &&
		! diff -u "$n/err" "$m/err.f" >"$CASE/$label.stderr.diff"; then
		note "-n ${label#n}: stderr differs"
	fi
	if ! diff -u "$n/files" "$m/files" >"$CASE/$label.files.diff"; then
		note "-n ${label#n}: files left differ"
	fi
}

# record the verdict of case NAME; keep its outputs when it failed
verdict()
{
	local name=$1 safe=${1//\//_}
	rm -rf "${LOGS:?}/$safe"
	if [ -z "$FAILED_WHY" ]; then
		echo "PASS $name" >"$RESULTS/$safe"
		return
	fi
	echo "FAIL $name ($FAILED_WHY)" >"$RESULTS/$safe"
	mkdir -p "$LOGS/$safe"
	cp -r "$CASE"/. "$LOGS/$safe"
	echo "$SNIPPET" >"$LOGS/$safe/snippet"
	if [ "$VERBOSE" = 1 ]; then
		for f in "$CASE"/*.diff; do
			[ -s "$f" ] && head -20 "$f" | sed 's/^/    /' \
				>>"$RESULTS/$safe"
		done
		for f in "$CASE"/n*/err "$CASE"/run/err; do
			[ -s "$f" ] || continue
			echo "    ${f#"$CASE"/}:"
			head -8 "$f" | cut -c1-200 | sed 's/^/      /'
		done >>"$RESULTS/$safe"
	fi
}

new_case()
{
	CASE=$WORK/cases/${1//\//_}
	rm -rf "$CASE"
	mkdir -p "$CASE"
	FAILED_WHY=
}

# ---------------------------------------------------------- case kinds

# same: NAME SNIPPET [options]: run natively and under each -n, compare
#   -i FILE    stdin
#   -f SED     sed -E script applied to stdout before comparing
#   -E         do not compare stderr
#   -x STATUS  the native run must exit with STATUS (checks the test)
#   -o TEXT    the native stdout must be exactly TEXT (checks the test)
#   -b G/NAME  needs tests/G/NAME.c built
case_same()
{
	local name=$1 snippet=$2
	local stdin=/dev/null filter='' cmp_err=1 xstatus='' xout='' need='' n t
	shift 2
	while [ $# -gt 0 ]; do
		case $1 in
		-i) stdin=$2; shift ;;
		-f) filter=$2; shift ;;
		-E) cmp_err=0 ;;
		-x) xstatus=$2; shift ;;
		-o) xout=$2; shift ;;
		-b) need=$2; shift ;;
		esac
		shift
	done
	new_case "$name"
	SNIPPET=$snippet
	if [ -n "$need" ] && ! build "${need%%/*}" "${need#*/}"; then
		note "does not compile: $(head -3 "$B/$need.log" | tr '\n' ' ')"
		verdict "$name"
		return
	fi
	runit native "" "$snippet" "$stdin"
	if [ -n "$xstatus" ] && [ "$(cat "$CASE/native/rc")" != "$xstatus" ]; then
		note "native run exited $(cat "$CASE/native/rc"), the test expects $xstatus"
	fi
	if [ -n "$xout" ] && [ "$(cat "$CASE/native/out")" != "$xout" ]; then
		note "native stdout is not what the test expects"
	fi
	t=$(run_trouble native)
	[ -n "$t" ] && note "native: $t"
	for n in $VARIANTS; do
		runit "n$n" "$n" "$snippet" "$stdin"
		compare_native "n$n" "$filter" "$cmp_err"
	done
	verdict "$name"
}

# diverge: NAME: tests/diverge/NAME.c must be stopped as a divergence
case_diverge()
{
	local name=$1 prog=${1#diverge/}
	local src=$ROOT/tests/diverge/$prog.c expect n dir first t
	new_case "$name"
	SNIPPET="RX \"\$B/diverge/$prog\" \"\$S\""
	if ! build diverge "$prog"; then
		note "does not compile: $(head -3 "$B/diverge/$prog.log" | tr '\n' ' ')"
		verdict "$name"
		return
	fi
	expect=$(sed -n 's/^.*expect: \(.*\)$/\1/p' "$src" | head -1)
	expect=${expect% \*/}
	for n in $VARIANTS; do
		runit "n$n" "$n" "$SNIPPET"
		dir=$CASE/n$n
		t=$(run_trouble "n$n")
		[ -n "$t" ] && note "-n $n: $t"
		[ "$(cat "$dir/rc")" = "$DIVERGENCE_STATUS" ] ||
			note "-n $n: status $(cat "$dir/rc"), expected $DIVERGENCE_STATUS$(mvee_said "$dir/err")"
		[ -s "$dir/out" ] && note "-n $n: output reached stdout"
		first=$(head -1 "$dir/err")
		case $first in
		"mvee: divergence"*)
			echo "$first" | grep -Eq -- "$expect" ||
				note "-n $n: report's first line does not name '$expect'"
			;;
		*)
			note "-n $n: stderr does not start with 'mvee: divergence'"
			;;
		esac
		if grep -q ' [1-9][0-9]*$' "$dir/files"; then
			note "-n $n: a file was written"
		fi
	done
	verdict "$name"
}

# cli: NAME STATUS SNIPPET [options]: one run of mvee itself
#   -1  stderr is exactly one line starting "mvee: "; stdout empty
#   -q  stdout and stderr empty
#   -g REGEX  stdout matches
case_cli()
{
	local name=$1 status=$2 snippet=$3 dir t
	shift 3
	new_case "$name"
	SNIPPET=$snippet
	runit run "" "$snippet"
	dir=$CASE/run
	t=$(run_trouble run)
	[ -n "$t" ] && note "$t"
	[ "$(cat "$dir/rc")" = "$status" ] ||
		note "status $(cat "$dir/rc"), expected $status"
	while [ $# -gt 0 ]; do
		case $1 in
		-1)
			[ -s "$dir/out" ] && note "stdout not empty"
			[ "$(wc -l <"$dir/err")" = 1 ] ||
				note "stderr has $(wc -l <"$dir/err") lines, expected 1"
			head -1 "$dir/err" | grep -q '^mvee: ' ||
				note "stderr does not start with 'mvee: '"
			;;
		-q)
			[ -s "$dir/out" ] && note "stdout not empty"
			[ -s "$dir/err" ] && note "stderr not empty"
			;;
		-g)
			grep -Eq -- "$2" "$dir/out" || note "stdout does not match '$2'"
			shift
			;;
		-e)
			grep -Eq -- "$2" "$dir/err" || note "stderr does not match '$2'"
			shift
			;;
		esac
		shift
	done
	verdict "$name"
}

# ------------------------------------------------------------ test data

make_data()
{
	# 50000 lines from a Park-Miller generator: "number word"
	awk 'BEGIN { x = 42
		for (i = 0; i < 50000; i++) {
			x = (x * 16807) % 2147483647
			printf "%d %s\n", x, (x % 3 ? "foo" : "bar")
		} }' >"$D/lines.txt"
	# a bigger one, for sort's temporary files
	for i in 1 2 3 4; do sed "s/\$/ $i/" "$D/lines.txt"; done >"$D/big.txt"
	head -c 1048576 /dev/urandom >"$D/bin.dat"
	seq 1 200000 >"$D/seq.txt"
	chmod a-w "$D"/*
}

# ------------------------------------------------------------ the cases

PY=
for p in /usr/bin/python3 "$(command -v python3 2>/dev/null)"; do
	if [ -n "$p" ] && [ -x "$p" ]; then
		PY=$p
		break
	fi
done
export PY

PY_PROG='
import hashlib, json, os, tempfile
d = {"name": "mvee", "numbers": list(range(1000)),
     "nested": {"a": [1, 2, {"b": None}], "pi": 3.14159}}
s = json.dumps(d, sort_keys=True)
with tempfile.NamedTemporaryFile("w", dir=".", suffix=".json",
                                 delete=False) as f:
    f.write(s)
    name = f.name
with open(name) as f:
    back = json.load(f)
st = os.stat(name)
os.unlink(name)
print("round trip", back == d, "size", st.st_size)
print("sha256", hashlib.sha256(s.encode()).hexdigest())
with tempfile.TemporaryDirectory(dir=".") as t:
    for i in range(20):
        with open(os.path.join(t, "f%02d" % i), "w") as f:
            f.write("x" * i)
    print("listing", sorted(os.listdir(t))[:3], len(os.listdir(t)))
    print("sizes", sum(os.path.getsize(os.path.join(t, n))
                       for n in os.listdir(t)))
print("files left", os.listdir("."))
print("pid consistent", os.getpid() == int(os.readlink("/proc/self")))
'

PY_THREADS='
import hashlib, sys, threading
out = []
lock = threading.Lock()
def work(i):
    h = hashlib.sha256()
    for k in range(2000):
        h.update(str(k * i).encode())
    with lock:
        out.append((i, h.hexdigest()[:16]))
    sys.stdout.write("thread %d done\n" % i)
    sys.stdout.flush()
ts = [threading.Thread(target=work, args=(i,)) for i in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for i, d in sorted(out):
    print(i, d)
'

# a ThreadingHTTPServer in one thread, four client threads (urllib)
PY_HTTP='
import functools, http.server, threading, urllib.request
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass
open("index.txt", "w").write("hello from a thread\n")
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                      functools.partial(Quiet, directory="."))
port = srv.server_address[1]
threading.Thread(target=srv.serve_forever, daemon=True).start()
res = {}
def client(i):
    for k in range(5):
        url = "http://127.0.0.1:%d/index.txt" % port
        with urllib.request.urlopen(url) as r:
            res[(i, k)] = r.read().decode().strip()
cs = [threading.Thread(target=client, args=(i,)) for i in range(4)]
for c in cs:
    c.start()
for c in cs:
    c.join()
srv.shutdown()
srv.server_close()
for key in sorted(res):
    print(key, res[key])
'

SQL='
create table t(id integer primary key, name text, v real);
begin;
with recursive c(x) as (select 1 union all select x + 1 from c where x < 2000)
insert into t select x, printf('name%04d', x), x * 1.5 from c;
commit;
create index t_name on t(name);
update t set v = v * 2 where id % 7 = 0;
delete from t where id % 100 = 0;
select count(*), sum(id), sum(v) from t;
select name from t where id = 1234;
'

# every case: KIND NAME ...; the list is data, run in order
declare -a CASES=()
add()
{
	CASES+=("$(printf '%q ' "$@")")
}

P='RX "$B/progs/'
for src in "$ROOT"/tests/progs/*.c; do
	prog=$(basename "$src" .c)
	case $prog in
	stdin)
		add case_same prog/stdin-file "${P}stdin\" \"\$S\"" -b progs/stdin \
			-i "$D/seq.txt"
		add case_same prog/stdin-pipe "cat \"\$D/bin.dat\" | ${P}stdin\" \"\$S\"" \
			-b progs/stdin
		add case_same prog/stdin-empty "${P}stdin\" \"\$S\"" -b progs/stdin
		;;
	exitcode)
		for a in 0 42 255 "3 _exit" "7 thread"; do
			add case_same "prog/exitcode-${a// /-}" \
				"${P}exitcode\" \"\$S\" $a" -b progs/exitcode \
				-x "${a%% *}"
		done
		;;
	random)
		add case_same prog/random "${P}random\" \"\$S\"" -b progs/random \
			-f 's/: [0-9a-f]{32}$/: <32 hex digits>/; s/: (not )?taken$/: <branch>/'
		;;
	abort)
		add case_same prog/abort "${P}abort\" \"\$S\"" -b progs/abort -x 134
		;;
	mutex_print)
		# natively the lines interleave in any order: sorted, each
		# must be there once
		add case_same prog/mutex_print "R \"\$B/progs/mutex_print\" \"\$S\" | sort" \
			-b progs/mutex_print -x 0
		;;
	segv)
		add case_same prog/segv "${P}segv\" \"\$S\"" -b progs/segv -x 139
		;;
	pgrp_signal)
		# kill(0, ...) reaches the whole group: a session of its own
		add case_same prog/pgrp_signal \
			'set --; [ -n "$RUN_N" ] && set -- "$MVEE" $MVEE_FLAGS -n "$RUN_N" --; exec setsid -w "$@" "$B/progs/pgrp_signal" "$S" own-session' \
			-b progs/pgrp_signal -x 0
		;;
	*)
		add case_same "prog/$prog" "${P}$prog\" \"\$S\"" -b "progs/$prog" -x 0
		;;
	esac
done
# --no-notify: every call a ptrace stop (mvee's own TSC stays on); the
# same output
for prog in notify rdtsc signal; do
	add case_same "prog/$prog-no-notify" \
		"MVEE_FLAGS=\"\$MVEE_FLAGS --no-notify\"; ${P}$prog\" \"\$S\"" \
		-b "progs/$prog" -x 0
done

for src in "$ROOT"/tests/diverge/*.c; do
	add case_diverge "diverge/$(basename "$src" .c)"
done

add case_same real/cat 'RX cat "$D/lines.txt"' -x 0
add case_same real/cat-stdin 'RX cat' -i "$D/bin.dat" -x 0
add case_same real/ls-usr-bin 'RX ls -la /usr/bin' -x 0
add case_same real/sort 'RX sort "$D/lines.txt"' -x 0
add case_same real/sort-n-tmpfiles \
	'RX sort -n -S 1M -T . --parallel=2 "$D/big.txt"' -x 0
add case_same real/sort-threads 'RX sort -n "$D/big.txt"' -x 0
add case_same real/md5sum 'RX md5sum "$D/lines.txt" "$D/bin.dat"' -x 0
add case_same real/gzip 'R gzip -c -n "$D/lines.txt" | md5sum' -x 0
add case_same real/gzip-roundtrip \
	'R gzip -c -n -9 "$D/bin.dat" >x.gz && R gzip -d -c x.gz | cmp - "$D/bin.dat" && echo same' \
	-x 0 -o same
add case_same real/wc-stdin "printf 'a\\nb\\n' | RX wc -l" -x 0 -o 2
add case_same real/wc-file 'RX wc "$D/lines.txt"' -x 0
add case_same real/head-tail 'R head -c 100000 "$D/bin.dat" | md5sum && R tail -n 3 "$D/seq.txt"' -x 0
add case_same real/grep-awk \
	'R grep -c foo "$D/lines.txt" && R awk "{ s += \$1 } END { print s }" "$D/lines.txt"' -x 0
add case_same real/find 'RX find /usr/include/linux -name "*.h"' -x 0
add case_same real/tar 'R tar -cf - -C "$D" . | md5sum' -x 0
add case_same real/env \
	"R env | grep -v -e '^_=' -e '^RUN_N=' -e '^S=' -e '^PWD=' -e '^OLDPWD=' | sort" \
	-x 0
if [ -n "$PY" ]; then
	add case_same real/python3 "RX \"\$PY\" -c '$PY_PROG'" -x 0
fi
if command -v sqlite3 >/dev/null; then
	add case_same real/sqlite3 \
		"R sqlite3 db.sqlite <<'EOF'
$SQL
EOF
echo \"rc=\$?\"
sqlite3 db.sqlite 'pragma integrity_check; select count(*) = 1980 from t;'" \
		-x 0
fi
add case_same real/bash-append \
	"printf 'line1\\n' >F; R bash -c 'echo x >> F'; echo \"rc=\$?\"; cat F; wc -l <F" \
	-x 0 -o $'rc=0\nline1\nx\n2'
add case_same real/sh-append \
	"printf 'line1\\n' >F; R sh -c 'echo x >> F'; echo \"rc=\$?\"; cat F; wc -l <F" \
	-x 0 -o $'rc=0\nline1\nx\n2'
add case_same real/bash-pipeline \
	"RX bash -c 'seq 1 1000 | sort -rn | head -5; echo \"\${PIPESTATUS[*]}\"'" -x 0
add case_same real/gzip-gunzip-pipe \
	"R sh -c 'gzip -c \"\$1\" | gunzip | md5sum' sh \"\$D/lines.txt\"" -x 0
add case_same real/tar-czf-xzf \
	"R sh -c 'tar czf a.tgz -C \"\$1\" lines.txt && mkdir x && tar xzf a.tgz -C x && md5sum x/lines.txt' sh \"\$D\"" -x 0
add case_same real/bash-subshells-jobs \
	"RX bash -c 'a=\$(echo sub); (echo in subshell \$a); sleep 0.1 & sleep 0.05 & wait; echo waited; echo \$(echo nested \$(echo deeper))'" -x 0
add case_same real/bash-trap-usr1 \
	"RX bash -c 'trap \"echo got usr1\" USR1; kill -USR1 \$\$; echo after'" -x 0
if [ -n "$PY" ]; then
	# lines of the threads come in any order natively: sorted
	add case_same real/python3-threading "R \"\$PY\" -c '$PY_THREADS' | sort" -x 0
	add case_same real/python3-http-threads "RX \"\$PY\" -c '$PY_HTTP'" -x 0
fi
add case_same real/python3-subprocess \
	"RX \"\$PY\" -c 'import subprocess; r = subprocess.run([\"sh\", \"-c\", \"echo hi; exit 4\"], capture_output=True); print(r.stdout, r.returncode)'" -x 0
add case_same real/make-gcc \
	"mkdir p; for i in 1 2 3; do echo \"int f\$i(void) { return \$i; }\" > p/f\$i.c; done; echo 'int main(void) { return 0; }' > p/main.c; printf 'prog: f1.o f2.o f3.o main.o\\n\\tgcc -o \$@ \$^\\n%%.o: %%.c\\n\\tgcc -c -O2 -o \$@ \$<\\n' > p/Makefile; R make -s -C p; echo rc=\$?; md5sum p/*.o" -x 0
# make -j2: two compilers at once, SIGCHLD caught only inside pselect6
add case_same real/make-j2-gcc \
	"mkdir p; for i in 1 2 3 4 5 6; do echo \"int f\$i(void) { return \$i; }\" > p/f\$i.c; done; echo 'int main(void) { return 0; }' > p/main.c; printf 'prog: f1.o f2.o f3.o f4.o f5.o f6.o main.o\\n\\tgcc -o \$@ \$^\\n%%.o: %%.c\\n\\tgcc -c -O2 -o \$@ \$<\\n' > p/Makefile; R make -s -j2 -C p; echo rc=\$?; md5sum p/*.o" -x 0
add case_same real/sigint-shell-trap \
	"RX env --default-signal=INT bash -c 'trap \"echo got INT; exit 3\" INT; : > ready; for i in \$(seq 1 400); do sleep 0.05; done; echo no trap' & pid=\$!; while [ ! -e ready ]; do sleep 0.05; done; kill -INT \$pid; wait \$pid; echo \"status \$?\"" \
	-x 0 -o $'got INT\nstatus 3'
add case_same real/false 'RX false' -x 1
add case_same real/sh-exit-7 "RX sh -c 'exit 7'" -x 7
add case_same real/sigterm \
	'RX sleep 30 & pid=$!; sleep 1; kill -TERM $pid; wait $pid; echo "status $?"' \
	-x 0 -o 'status 143'
# SIGKILL of mvee: nothing of the program may survive (a shell, its
# background sleep, a python3 with three threads, in 3 variants each)
SIGKILL_SNIPPET='
prog() {
	local p n=0
	for p in /proc/[0-9]*; do
		[ "$(readlink "$p/cwd" 2>/dev/null)" = "$S" ] || continue
		case "$(tr "\0" " " <"$p/cmdline" 2>/dev/null)" in
		"bash -c sleep 60 "*|"sleep 60 "|"$PY -c import threading"*)
			n=$((n + 1)) ;;
		esac
	done
	echo $n
}
"$MVEE" -n 3 -- bash -c "sleep 60 & \"\$0\" -c \"import threading, time; [threading.Thread(target=time.sleep, args=(60,)).start() for i in range(3)]; open(\\\"ready\\\", \\\"w\\\").close(); time.sleep(60)\"" "$PY" &
m=$!
while [ ! -e ready ]; do sleep 0.05; done
before=$(prog)
kill -KILL $m
wait $m
echo "mvee status $?"
# the kernel kills the tracees as mvee exits; give them time to go
for i in $(seq 1 50); do
	[ "$(prog)" = 0 ] && break
	sleep 0.1
done
echo "before: $before processes, after: $(prog)"
'
add case_cli cli/sigkill-leaves-nothing 0 "$SIGKILL_SNIPPET" \
	-g '^before: 9 processes, after: 0$'
# ptrace or seccomp forbidden (a container's profile): one clear line, 124
add case_cli cli/no-ptrace 124 \
	'"$B/tools/deny" 101 1 "$MVEE" -- true' -1 -e 'needs ptrace'
add case_cli cli/no-seccomp 124 \
	'"$B/tools/deny" 317 22 "$MVEE" -- true' -1 -e 'seccomp'
add case_cli cli/variant-count 125 \
	'"$MVEE" -n 3 --variant /bin/true --variant /bin/true -- true' -1 \
	-e 'given 2 times for 3 variants'
add case_cli cli/variant-missing 127 \
	'"$MVEE" --variant /bin/true --variant /nonexistent/x -- true' -1
add case_cli cli/report-unwritable 125 \
	'"$MVEE" --report /nonexistent/dir/r.json -- true' -1
add case_cli cli/trace-unwritable 125 \
	'"$MVEE" -o /nonexistent/dir/t.log -- true' -1
add case_cli cli/option-needs-value 125 '"$MVEE" -n' -1
# --report: the JSON of a divergence and of a clean run (schema version 1)
REPORT_CHECK='
import json, sys
r = json.load(open(sys.argv[1]))
assert r["schema"] == "mvee-report" and r["version"] == 1, r
assert r["variants"] == int(sys.argv[2]) and len(r["executables"]) == r["variants"]
assert r["exit_status"] == int(sys.argv[3]), r["exit_status"]
d = r["divergence"]
if sys.argv[4] == "none":
    assert d is None
else:
    assert d["kind"] == "argument" and d["syscall"] == "write", d
    assert d["argument"] == 1 and isinstance(d["offset"], int)
    assert d["variant"] in range(1, r["variants"]) and d["task_set"] == 0
    assert [v["state"] for v in d["variants"]] == ["call"] * r["variants"]
    assert all(v["call"].startswith("write(1, ") for v in d["variants"])
    assert len(d["bytes"]) == 2 and d["bytes"][0]["hex"] != d["bytes"][1]["hex"]
    assert d["history"] and all(set(h) == {"call", "ret", "policy"} for h in d["history"])
    # results mvee read are numbers, the others null (docs/REPORT.md)
    assert any(h["ret"] is None for h in d["history"]), d["history"]
    assert any(isinstance(h["ret"], int) for h in d["history"]), d["history"]
    assert "killed" in d["action"] and d["what"]
print("report ok")
'
add case_cli cli/report-divergence 0 \
	"\"\$MVEE\" -n 3 --report r.json -- \"\$B/diverge/stack_addr\" \"\$S\" 2>/dev/null; echo \"status \$?\"; \"\$PY\" -c '$REPORT_CHECK' r.json 3 86 write" \
	-g '^status 86$' -g '^report ok$'
add case_cli cli/report-clean 0 \
	"\"\$MVEE\" --report r.json -- sh -c 'exit 3'; echo \"status \$?\"; \"\$PY\" -c '$REPORT_CHECK' r.json 2 3 none" \
	-g '^status 3$' -g '^report ok$'
# --trace of a known program: its write, decoded, with policy and time
add case_cli cli/trace-known 0 \
	"\"\$MVEE\" -o t.log -- sh -c 'echo hi > f'; cat f; grep -E '^\\[[0-9]+\\] (write|exit_group)\\(' t.log | sed -E 's/^\\[[0-9]+\\] //; s/ wait [0-9.]+us run [0-9.]+us\$/ TIME/'" \
	-g '^write\(1, "hi\\n", 3\) = 3 <monitor> TIME$' -g '^exit_group\(0\) = \? <all> TIME$' -g '^hi$'
# --no-monitor-io: the leader runs its writes itself; --poll-us 0: mvee
# never polls (the results are the same, only the time differs)
add case_cli cli/no-monitor-io 0 \
	"\"\$MVEE\" --no-monitor-io --poll-us 0 -o t.log -- sh -c 'echo hi > f'; cat f; grep -E '^\\[[0-9]+\\] write\\(' t.log | sed -E 's/^\\[[0-9]+\\] //; s/ wait [0-9.]+us run [0-9.]+us\$/ TIME/'" \
	-g '^write\(1, "hi\\n", 3\) = 3 <leader> TIME$' -g '^hi$'
add case_cli cli/poll-us-bad 125 \
	'"$MVEE" --poll-us -1 -- true' -e "^mvee: --poll-us: '-1' is not a number from 0 to 10000$"
# --summary: the table on stderr, nothing added to stdout
add case_cli cli/summary 0 \
	"\"\$MVEE\" -c -- sh -c 'echo hi' 2>s.txt; echo \"status \$?\"; grep -E '^% time|^ *100\\.00 .* total\$|divergences: 0\$|monitor +write\$|^rendezvous: [0-9.]+ s waiting.*, [0-9.]+ s from rendezvous to result\$' s.txt | sed -E 's/^ *100\\.00 .*total/TOTAL/; s/.*(divergences: 0)/\\1/; s/.*monitor +write/WRITE/; s/^rendezvous: .*/RDV/'" \
	-g '^hi$' -g '^status 0$' -g '^% time' -g '^TOTAL$' -g '^divergences: 0$' -g '^WRITE$' -g '^RDV$'
add case_cli cli/summary-divergence 86 \
	'"$MVEE" -c -- "$B/diverge/stack_addr" "$S"' -e 'divergences: 1$'
# the report marks the differing argument in every variant's decoded call
add case_cli cli/report-marks-argument 86 \
	'"$MVEE" -n 3 -- "$B/diverge/write_len" "$S"' \
	-e '^    variant 0 \(pid [0-9]+\): write\(1, "[^"]*"(\.\.\.)?, >>[0-9]+<<\)$' \
	-e '^  \* variant [12] \(pid [0-9]+\): write\(1, "[^"]*"(\.\.\.)?, >>[0-9]+<<\)$' \
	-e '^  differing: argument 2$'
# --diversity: followers are randomised even when mvee is not (setarch -R)
# or the program turns randomisation off before an exec; none makes the
# variants identical (no protection: a stack address prints the same)
add case_cli cli/disjoint-under-setarch 86 \
	'setarch -R "$MVEE" -n 3 -- "$B/diverge/stack_addr" "$S"' \
	-e '^mvee: divergence in write \(task set 0, different arguments\)'
add case_cli cli/disjoint-setarch-inside 86 \
	'"$MVEE" -- setarch -R "$B/diverge/stack_addr" "$S"' \
	-e '^mvee: divergence in write \(task set 0, different arguments\)'
add case_cli cli/diversity-none 0 \
	'"$MVEE" --diversity none -n 3 -- "$B/diverge/stack_addr" "$S" >out; grep -c . out' \
	-g '^1$'
# randomisation off for the whole system (seen through a bind mount in a
# private mount namespace): disjoint refuses to start, none runs
add case_cli cli/disjoint-needs-randomisation 124 \
	'echo 0 >rva; unshare -m sh -c "mount --bind rva /proc/sys/kernel/randomize_va_space && \"\$0\" -- true; s=\$?; \"\$0\" --diversity none -- true || exit 99; exit \$s" "$MVEE"' \
	-e '^mvee: --diversity disjoint needs address-space randomisation'
add case_cli cli/diversity-bad 125 '"$MVEE" --diversity random -- true' \
	-e "^mvee: --diversity: 'random' is not disjoint, aslr or none$"
# a non-PIE executable cannot move: one warning per executable, and the
# run goes on (its own code is left out of the layout check)
add case_cli cli/nonpie-warning 0 \
	'printf "#include <stdio.h>\nint main(void){puts(\"np\");return 0;}\n" >np.c && ${CC:-cc} -no-pie -o np np.c && "$MVEE" -n 3 -- sh -c "./np; ./np" 2>err; cat err >&2; grep -c "is not position-independent" err' \
	-g '^np$' -g '^1$' -e '^mvee: warning: .*/np is not position-independent'
# --rendezvous-timeout: followers stuck in a loop without system calls are
# reported (the leader's write never runs), and the option's errors
add case_cli cli/rendezvous-timeout 86 \
	'"$MVEE" -n 3 --rendezvous-timeout 0.5 -- "$B/tools/stuck" >out; s=$?; echo "stdout bytes $(wc -c <out)"; exit $s' \
	-g '^stdout bytes 0$' -e '^mvee: divergence in write \(task set 0, rendezvous timeout\): variant [12] has not reached a system call' \
	-e '^  \* variant [12] \(pid [0-9]+\): running$'
# fork under RLIMIT_NPROC, which counts every variant's processes (a uid
# of its own per run): at 2, every variant's fork fails and all see
# EAGAIN; at 3, the first variant's succeeds and the other's fails, a
# divergence that names the error and its cause (mvee cannot undo the
# other's child). The kernel checks the count before it adds the new
# process, so two forks at the same instant can both pass: then the
# variants agree too ("all ok"), which is the other outcome allowed.
add case_cli cli/fork-limit-all 0 \
	'"$MVEE" -n 2 -- "$B/tools/nproc" 2 $((50000 + RANDOM % 9000))' -g '^fork failed: EAGAIN$'
add case_cli cli/fork-limit-some 0 \
	'"$MVEE" -n 2 -- "$B/tools/nproc" 3 $((50000 + RANDOM % 9000)) >out 2>err; s=$?; if [ $s = 86 ] && grep -Eq "^mvee: divergence in clone \(task set 0, different results\)" err && grep -Eq "returned -11 EAGAIN in variant|and -11 EAGAIN in variant 1 \(a resource limit" err; then echo "outcome: divergence"; elif [ $s = 0 ] && grep -qx "fork ok" out; then echo "outcome: all ok"; else echo "outcome: status $s"; cat out err; fi' \
	-g '^outcome: (divergence|all ok)$'
add case_cli cli/rendezvous-timeout-bad 125 \
	'"$MVEE" --rendezvous-timeout 0 -- true' \
	-e "^mvee: --rendezvous-timeout: '0' is not a number of seconds"
# a follower killed from outside while the others block in a call: mvee
# stops them all and reports it (it used to wait for ever)
add case_cli cli/follower-killed 0 \
	'"$MVEE" -n 3 -- sh -c "sleep 1; echo done" & m=$!; while [ "$(pgrep -P $m | wc -l)" -lt 3 ]; do sleep 0.05; done; sleep 0.3; kill -9 "$(pgrep -P $m | sort -n | sed -n 2p)"; wait $m; echo "status $?"' \
	-g '^status 86$' -e '^mvee: divergence in wait4 .*variant 1 was killed by SIGKILL'
# ...also when the only follower is killed while the leader's wait blocks:
# reported when the leader's wait returns
add case_cli cli/follower-killed-n2 0 \
	'"$MVEE" -n 2 -- sh -c "sleep 1; echo done" & m=$!; while [ "$(pgrep -P $m | wc -l)" -lt 2 ]; do sleep 0.05; done; sleep 0.3; kill -9 "$(pgrep -P $m | sort -n | sed -n 2p)"; wait $m; echo "status $?"' \
	-g '^status 86$' -e '^mvee: divergence in wait4 .*variant 1 was killed by SIGKILL while variant 0 called wait4'
# output before a divergence is complete (also what was buffered in a
# pipe to a reader), nothing of the diverging write or after it leaks
add case_cli cli/output-until-divergence 0 \
	'printf "#include <stdio.h>\nint main(void){int x; for (int i = 0; i < 3000; i++) printf(\"line %%d\\\\n\", i); fflush(stdout); printf(\"%%p\\\\n\", (void *)&x); fflush(stdout); puts(\"after\"); return 0;}\n" >p.c && ${CC:-cc} -o p p.c && { "$MVEE" -n 3 -- ./p; echo "status $?" >&2; } | cat >out 2>/dev/null; wc -l <out; tail -1 out; grep -c -e after -e 0x out || true' \
	-g '^3000$' -g '^line 2999$' -g '^0$' -e '^status 86$'
# a call of the i386 ABI (int 0x80) from a 64-bit variant fails with
# ENOSYS before it runs: no way around the monitor
add case_cli cli/int80-enosys 0 \
	'printf "#include <stdio.h>\nint main(void){int a = 20; __asm__ volatile(\"int \$0x80\" : \"+a\"(a) :: \"memory\"); printf(\"%%d\\\\n\", a); return 0;}\n" >i.c && ${CC:-cc} -o i i.c && "$MVEE" -n 2 -- ./i' \
	-g '^-38$'
add case_cli cli/true-n16 0 '"$MVEE" -n 16 -- true' -q
add case_cli cli/not-found-path 127 '"$MVEE" -- /nonexistent/program' -1
add case_cli cli/not-found-in-PATH 127 '"$MVEE" -n 3 -- no-such-program-mvee-test' -1
add case_cli cli/not-executable 126 'printf "#!/bin/sh\n" >noexec; "$MVEE" -- ./noexec' -1
add case_cli cli/directory 126 '"$MVEE" -- "$S"' -1
add case_cli cli/n0 125 '"$MVEE" -n 0 -- true' -1
add case_cli cli/n17 125 '"$MVEE" -n 17 -- true' -1
add case_cli cli/n-not-a-number 125 '"$MVEE" -n two -- true' -1
add case_cli cli/unknown-option 125 '"$MVEE" --no-such-option -- true' -1
add case_cli cli/no-program 125 '"$MVEE" -n 2 --' -1
add case_cli cli/no-arguments 125 '"$MVEE"' -1
add case_cli cli/bad-divergence-exit-code 125 \
	'"$MVEE" --divergence-exit-code abc -- true' -1
add case_cli cli/divergence-exit-code 99 \
	'"$MVEE" --divergence-exit-code 99 -n 2 -- "$B/diverge/stack_addr"'
add case_cli cli/help 0 '"$MVEE" --help' -g 'usage'
add case_cli cli/version 0 '"$MVEE" --version' -g 'mvee'

# ------------------------------------------------------------ run them

selected=()
for c in "${CASES[@]}"; do
	eval "set -- $c"
	if [ -z "$PATTERN" ] || echo "$2" | grep -Eq -- "$PATTERN"; then
		selected+=("$c")
	fi
done

if [ "$LIST" = 1 ]; then
	for c in "${selected[@]}"; do
		eval "set -- $c"
		echo "$2"
	done
	exit 0
fi

make_data
# cli cases that need these
case "${selected[*]}" in
*cli/divergence-exit-code*|*cli/report*|*cli/summary*|*cli/trace*|*cli/disjoint*|*cli/diversity*)
	build diverge stack_addr ;;
esac
case "${selected[*]}" in
*cli/report-marks*) build diverge write_len ;;
esac
case "${selected[*]}" in
*cli/no-*) build tools deny ;;
esac
case "${selected[*]}" in
*cli/rendezvous-timeout*) build tools stuck ;;
esac
case "${selected[*]}" in
*cli/fork-limit*) build tools nproc ;;
esac
case "${selected[*]}" in
*prog/ptrsweep*) gen_rows ;;
esac

running=0
for c in "${selected[@]}"; do
	eval "set -- $c"
	if [ "$JOBS" -le 1 ]; then
		"$@"
		cat "$RESULTS/${2//\//_}"
		continue
	fi
	("$@") &
	running=$((running + 1))
	if [ "$running" -ge "$JOBS" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait

pass=0
fail=0
for c in "${selected[@]}"; do
	eval "set -- $c"
	r=$RESULTS/${2//\//_}
	[ "$JOBS" -gt 1 ] && cat "$r"
	case $(head -1 "$r" 2>/dev/null) in
	PASS*) pass=$((pass + 1)) ;;
	*) fail=$((fail + 1)) ;;
	esac
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

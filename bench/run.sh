#!/bin/bash
# run.sh - mvee's benchmark harness (make bench).
#
#   bench/run.sh [-k PATTERN] [-r RUNS] [-n "2 3"] [-l]
#
# This file is responsible for the workloads (the table under "workloads"
# and one small group of functions each), for running each one natively
# and under mvee with a timeout, checking its output, starting and stopping
# the servers, and recording every run; bench/gen.py makes the inputs
# (deterministic, once, kept in build/bench/data/), bench/table.py turns
# the runs into the table of medians and ratios, and bench/server.sh
# (shared with tests/soak/run.sh) has the helpers that start, wait for
# and stop a server.
#
# Each workload runs RUNS times natively, then RUNS times under
# `$MVEE -n N` for each N of -n that it takes (-n 3 only for the cheap
# ones: the syscall-bound ones and python3 start-up).
#   batch workloads: wall time of one command; ratio mvee time / native
#   servers (lighttpd, redis-server on a free port of 127.0.0.1, started in
#   the foreground and stopped with SIGTERM here): requests/s and p50
#   latency of RUNS load runs against one server; ratio mvee throughput /
#   native throughput
# A run past its timeout shows as "timeout", one that fails (exit status,
# wrong output, a divergence) as "FAIL", and the harness goes on with the
# next workload; the table lists why below it.
#
# Options: -k PATTERN  run only the workloads whose name matches (grep -E)
#          -r RUNS     runs per workload and mode (default BENCH_RUNS or 5)
#          -n LIST     variant counts to run under mvee (default "2 3")
#          -l          list the workloads and exit
# Environment: MVEE (default build/mvee) the binary under test;
# BENCH_RUNS (default 5); BENCH_QUICK=1: 1 run and small inputs, for
# development; BENCH_TIMEOUT seconds, for every run in place of each
# workload's own; CC (default cc); TMPDIR.
# Output: progress on stderr; the table on stdout and in
# build/bench/results.md, the medians in build/bench/results.tsv, every
# run in build/bench/runs.tsv, the stderr of every run (mvee's messages)
# in build/bench/logs/. Exit status 1 if any figure is FAIL or timeout, 2
# for a usage error or when another bench/run.sh is running.

set -u
shopt -s nullglob

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MVEE=${MVEE:-$ROOT/build/mvee}
QUICK=${BENCH_QUICK:-0}
[ "$QUICK" = 1 ] && RUNS=${BENCH_RUNS:-1} || RUNS=${BENCH_RUNS:-5}
VARIANTS="2 3"
CC=${CC:-cc}
PATTERN=
LIST=0
STARTUP=30	# seconds for a server to answer on its port
STOP=10		# seconds for a server to exit after SIGTERM

usage()
{
	sed -n '2,/^$/s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

while getopts "k:r:n:lh" opt; do
	case $opt in
	k) PATTERN=$OPTARG ;;
	r) RUNS=$OPTARG ;;
	n) VARIANTS=$OPTARG ;;
	l) LIST=1 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || usage
for n in $VARIANTS; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || usage
done

case $MVEE in
/*) ;;
*) MVEE=$PWD/$MVEE ;;
esac

# the Debian python3 for the workloads (not a pyenv shim, which is a script)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)

if [ "$QUICK" = 1 ]; then
	GETPPID_N=20000 DD_N=20000 TEXT_BYTES=$((2 << 20)) SORT_LINES=300000
	PYLOOP_N=1500000 SQL_ROWS=1000 WRK_SECS=2 REDIS_N=5000
else
	GETPPID_N=200000 DD_N=200000 TEXT_BYTES=$((20 << 20))
	SORT_LINES=3000000 PYLOOP_N=15000000 SQL_ROWS=10000 WRK_SECS=5
	REDIS_N=50000
fi
MAKE_UNITS=8

# ------------------------------------------------------------- workloads
#
# Batch workload NAME: run_NAME runs one command through R (its stdout
# goes to $OUTF, its stderr to $ERRF); prep_NAME, if there, makes the
# inputs once; reset_NAME, if there, undoes a run before the next (not
# timed); check_NAME, if there, says whether the output is right.
# Server workload NAME: start_NAME PORT runs the server in the foreground
# through S; check_NAME PORT asks it once for a known answer; load_NAME
# PORT runs the load generator once through T, its output to $LOADLOG,
# and prints a line "LABEL REQUESTS/S P50_MS" per figure (LABEL "-" for
# the only one).

NAMES=()
declare -A KIND NS LIMIT WHAT

workload()
{
	NAMES+=("$1")
	KIND[$1]=$2 NS[$1]=$3 LIMIT[$1]=$4 WHAT[$1]=$5
}

#        name      kind    -n   timeout  what it measures
workload getppid   batch   2,3  120  "$GETPPID_N getppid() calls (bench/getppid.c): the cost of one synchronised call"
workload dd        batch   2,3  300  "dd bs=1 count=$DD_N from /dev/zero to /dev/null: 2 calls (read, write) per byte"
workload gzip      batch   2    120  "gzip -6 of $TEXT_BYTES bytes of generated text: CPU-bound, few large reads and writes"
workload sort      batch   2    120  "sort -n of $SORT_LINES generated numbers: CPU and memory, GNU sort's 2 threads"
workload pystart   batch   2,3  60   "python3 -c pass: interpreter start-up (openat, mmap, stat... of its modules)"
workload pyloop    batch   2    120  "pure Python loop of $PYLOOP_N additions (~1 s natively at full size): no calls in the loop"
workload sqlite    batch   2    120  "sqlite3 inserting $SQL_ROWS rows in one transaction into a fresh db file"
workload make      batch   2    300  "make -j2 of $MAKE_UNITS small generated C files: fork, exec, pipes, many processes"
workload lighttpd  server  2    60   "lighttpd serving a 4 KiB static file to wrk -t1 -c8 -d${WRK_SECS}s"
workload redis     server  2    300  "redis-server with redis-benchmark -t set,get -n $REDIS_N (50 clients)"

prep_getppid()
{
	local src=$ROOT/bench/getppid.c

	[ "$OUT/getppid" -nt "$src" ] ||
		$CC -O2 -Wall -Wextra -o "$OUT/getppid" "$src"
}
run_getppid() { R "$OUT/getppid" "$GETPPID_N"; }
check_getppid() { [ "$(cat "$OUTF")" = "$GETPPID_N" ]; }

run_dd() { R dd if=/dev/zero of=/dev/null bs=1 count="$DD_N"; }
check_dd() { grep -q "^$DD_N bytes" "$ERRF"; }

prep_gzip() { TEXT=$(gen text "$TEXT_BYTES"); }
run_gzip() { R gzip -6 -c "$TEXT"; }
check_gzip() { gzip -dc "$OUTF" | cmp -s - "$TEXT"; }

prep_sort()
{
	NUMBERS=$(gen numbers "$SORT_LINES") || return
	[ "$NUMBERS.sorted" -nt "$NUMBERS" ] ||
		sort -n "$NUMBERS" >"$NUMBERS.sorted"
}
run_sort() { R sort -n "$NUMBERS"; }
check_sort() { cmp -s "$OUTF" "$NUMBERS.sorted"; }

run_pystart() { R "$PY" -c pass; }
check_pystart() { [ ! -s "$OUTF" ]; }

PYLOOP='import sys
s = 0
for i in range(int(sys.argv[1])):
	s += i * i
print(s)'
run_pyloop() { R "$PY" -c "$PYLOOP" "$PYLOOP_N"; }
check_pyloop()
{
	local n=$PYLOOP_N

	[ "$(cat "$OUTF")" = "$("$PY" -c "print(($n - 1) * $n * (2 * $n - 1) // 6)")" ]
}

prep_sqlite() { SQL=$(gen sql "$SQL_ROWS"); }
reset_sqlite() { rm -f "$RUNDIR"/bench.db*; }
run_sqlite() { R sqlite3 "$RUNDIR/bench.db" <"$SQL"; }
check_sqlite() { [ "$(cat "$OUTF")" = "$SQL_ROWS|$((SQL_ROWS * (SQL_ROWS + 1) / 2))" ]; }

prep_make()
{
	PROJ=$RUNDIR/proj
	make_project "$PROJ" &&
		make -s -j2 -C "$PROJ" && "$PROJ/prog" >"$PROJ.expected"
}
reset_make() { make -s -C "$PROJ" clean; }
run_make() { R make -s -j2 -C "$PROJ"; }
check_make() { "$PROJ/prog" | cmp -s - "$PROJ.expected"; }

prep_lighttpd()
{
	need lighttpd wrk curl && mkdir -p "$W/www" && "$PY" "$ROOT/bench/gen.py" text 4096 >"$W/www/file.txt"
}
start_lighttpd()
{
	lighttpd_conf "$W/www" "$1" "$LOGS/lighttpd.$MODE.errorlog" >"$W/lighttpd.conf"
	S lighttpd -D -f "$W/lighttpd.conf"
}
check_lighttpd()
{
	T curl -sf "http://127.0.0.1:$1/file.txt" | cmp -s - "$W/www/file.txt"
}
load_lighttpd()
{
	T wrk -t1 -c8 -d"${WRK_SECS}s" --latency \
		"http://127.0.0.1:$1/file.txt" >"$LOADLOG" || return
	# Requests/sec: N; "50% 63.00us" in the latency distribution; no errors
	awk 'function ms(s)
	{
		if (s ~ /us$/) return s / 1000
		if (s ~ /ms$/) return s + 0
		if (s ~ /s$/) return s * 1000
		return s / 60000
	}
	/Non-2xx/ { bad = 1 }
	/^Requests\/sec:/ { rps = $2 }
	$1 == "50%" { p50 = ms($2) }
	END {
		if (bad || rps == "" || p50 == "") exit 1
		print "-", rps, p50
	}' "$LOADLOG"
}

prep_redis() { need redis-server redis-benchmark redis-cli; }
start_redis()
{
	S redis-server --port "$1" --bind 127.0.0.1 --save '' \
		--appendonly no --dir "$W" --logfile ''
}
check_redis()
{
	[ "$(T redis-cli -p "$1" set bench-key hello)" = OK ] &&
		[ "$(T redis-cli -p "$1" get bench-key)" = hello ]
}
load_redis()
{
	T redis-benchmark -h 127.0.0.1 -p "$1" -t set,get -n "$REDIS_N" -q \
		>"$LOADLOG" || return
	# "SET: 62893.08 requests per second, p50=0.383 msec", after \r progress
	tr '\r' '\n' <"$LOADLOG" | sed -nE \
		's/^([A-Z]+): ([0-9.]+) requests per second, p50=([0-9.]+) msec$/\1 \2 \3/p' |
		awk '{ print } END { if (NR != 2) exit 1 }'
}

# a C project of MAKE_UNITS units and a main, with its Makefile, in $1
make_project()
{
	local dir=$1 i objs="main.o" calls=""

	mkdir -p "$dir" || return
	for ((i = 1; i <= MAKE_UNITS; i++)); do
		objs+=" unit$i.o"
		calls+="	acc = acc * 31 + unit$i($i);"$'\n'
		cat >"$dir/unit$i.c" <<-EOF
		/* unit$i.c - generated by bench/run.sh for the make workload */
		#include <stdint.h>
		#include <stdio.h>
		#include <string.h>

		struct table$i {
		    uint32_t v[64];
		};

		static uint32_t mix$i(uint32_t x)
		{
		    x ^= x >> 16;
		    x *= 0x7feb352dU;
		    x ^= x >> 15;
		    x *= 0x846ca68bU;
		    return x ^ (x >> 16) ^ $i;
		}

		static void fill$i(struct table$i *t, uint32_t seed)
		{
		    for (int k = 0; k < 64; k++)
		        t->v[k] = mix$i(seed + k);
		}

		static uint32_t fold$i(const struct table$i *t)
		{
		    uint32_t acc = 0;

		    for (int k = 0; k < 64; k++) {
		        switch (t->v[k] & 3) {
		        case 0: acc += t->v[k]; break;
		        case 1: acc ^= t->v[k] << 3; break;
		        case 2: acc -= t->v[k] >> 2; break;
		        default: acc = acc * 33 + t->v[k];
		        }
		    }
		    return acc;
		}

		uint32_t unit$i(uint32_t seed)
		{
		    struct table$i t;
		    char name[32];

		    memset(&t, 0, sizeof(t));
		    fill$i(&t, seed);
		    snprintf(name, sizeof(name), "unit%d", $i);
		    return fold$i(&t) + (uint32_t)strlen(name);
		}
		EOF
	done
	{
		echo '#include <stdint.h>'
		echo '#include <stdio.h>'
		for ((i = 1; i <= MAKE_UNITS; i++)); do
			echo "uint32_t unit$i(uint32_t seed);"
		done
		echo 'int main(void)'
		echo '{'
		echo '	uint32_t acc = 0;'
		printf '%s' "$calls"
		echo '	printf("%08x\n", acc);'
		echo '	return 0;'
		echo '}'
	} >"$dir/main.c"
	printf 'CFLAGS = -O2 -Wall\nOBJ = %s\n\nprog: $(OBJ)\n\t$(CC) -o $@ $(OBJ)\n\nclean:\n\trm -f prog $(OBJ)\n' \
		"$objs" >"$dir/Makefile"
}

# ---------------------------------------------------------------- helpers

# free_port, wait_port, wait_idle, stop_server, reap, mvee_said,
# lighttpd_conf, close_fds
. "$ROOT/bench/server.sh"

# run "$@" with the workload's timeout, natively or under mvee ($N set)
R()
{
	if [ -n "$N" ]; then
		timeout -k 5 "$LIMIT_S" "$MVEE" -n "$N" -- "$@"
	else
		timeout -k 5 "$LIMIT_S" "$@"
	fi
}

# the same for a server, in place of the calling (background) shell and
# without a timeout: the harness stops it
S()
{
	[ -n "$N" ] && exec "$MVEE" -n "$N" -- "$@"
	exec "$@"
}

# a client or load generator, always native, with the workload's timeout
T()
{
	timeout -k 5 "$LIMIT_S" "$@"
}

progress()
{
	echo "bench: $*" >&2
}

# fail, saying so, unless every program named is installed
need()
{
	local p

	for p in "$@"; do
		command -v "$p" >/dev/null && continue
		echo "$p is not installed (make bench installs it)"
		return 1
	done
}

# call function $1 if the workload has it (prep_, reset_, check_)
call()
{
	declare -F "$1" >/dev/null || return 0
	"$@"
}

# the path of input KIND ($1) of size $2 in $DATA, made unless there
gen()
{
	local f=$DATA/$1-$2.txt

	if [ ! -s "$f" ] || [ "$ROOT/bench/gen.py" -nt "$f" ]; then
		progress "generating $f"
		"$PY" "$ROOT/bench/gen.py" "$1" "$2" >"$f.tmp" &&
			mv "$f.tmp" "$f" || return 1
	fi
	echo "$f"
}

# microseconds $1 as seconds
seconds()
{
	printf '%d.%06d' $(($1 / 1000000)) $(($1 % 1000000))
}

# one line of build/bench/runs.tsv: LABEL RESULT LATENCY_MS WHY for
# run $RUN of the current workload and mode
record()
{
	local why=${4//$'\t'/ }

	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$NAME" "$1" "$UNIT" \
		"$MODE" "$RUN" "$2" "$3" "${why//$'\n'/ }" >>"$RUNS_TSV"
}

# did a run with exit status $1 that took $2 us end by its timeout? (124
# alone is also mvee's start-up failure: the time tells them apart)
timed_out()
{
	{ [ "$1" = 124 ] || [ "$1" = 137 ]; } && [ "$2" -ge $((LIMIT_S * 1000000)) ]
}

# RUNS runs of batch workload $NAME in mode $MODE; stops at the first
# run that fails
batch_mode()
{
	local t0 t1 rc res why pids

	for ((RUN = 1; RUN <= RUNS; RUN++)); do
		OUTF=$W/out ERRF=$LOGS/$NAME.$MODE.$RUN.err
		call reset_$NAME >/dev/null 2>&1
		cd "$RUNDIR" || return
		t0=${EPOCHREALTIME/./}
		run_$NAME </dev/null >"$OUTF" 2>"$ERRF"
		rc=$?
		t1=${EPOCHREALTIME/./}
		cd "$W" || return
		res=$(seconds $((t1 - t0))) why=
		if timed_out $rc $((t1 - t0)); then
			res=timeout why="no exit within ${LIMIT_S}s"
		elif [ $rc != 0 ]; then
			res=FAIL why="exit status $rc"
		elif ! call check_$NAME; then
			res=FAIL why="wrong output (kept in $ERRF.out)"
			cp "$OUTF" "$ERRF.out"
		fi
		if pids=$(reap); then
			[ "$res" = timeout ] || res=FAIL
			why="${why:+$why, }left processes running: $pids"
		fi
		[ -n "$why" ] && why="$why$(mvee_said "$ERRF")"
		record "" "$res" "" "$why"
		[ -n "$why" ] && why=" ($why)" || why=" s"
		progress "$NAME $MODE run $RUN/$RUNS: $res$why"
		case $res in FAIL | timeout) return ;; esac
	done
}

# record and print what went wrong with the server of $NAME in $MODE:
# STATUS (FAIL or timeout) WHY, with mvee's first message about it
server_trouble()
{
	local why

	why=$2$(mvee_said "$LOGS/$NAME.$MODE.server.err")

	record "*" "$1" "" "$why"
	progress "$NAME $MODE${RUN:+ run $RUN/$RUNS}: $1 ($why)"
}

# the state of the server's processes and threads (mvee and its
# variants), for the log of a hang
snapshot()
{
	ps -L -o pid,tid,ppid,stat,wchan:24,cmd -p "$SERVER_PID" \
		--ppid "$SERVER_PID" >"$LOGS/$NAME.$MODE.ps" 2>&1
}

# stop the server; END says how it ended, empty for exit status 0
stop_and_tell()
{
	local st

	stop_server
	st=$?
	case $st in
	0) END= ;;
	255) END="server still running ${STOP}s after SIGTERM: killed" ;;
	*) END="server exit status $st" ;;
	esac
}

# one server of workload $NAME in mode $MODE, RUNS load runs against it
server_mode()
{
	local port rc log=$LOGS/$NAME.$MODE label rps lat busy=

	RUN=
	port=$(free_port) || return
	start_$NAME "$port" </dev/null >"$log.server.out" 2>"$log.server.err" &
	SERVER_PID=$!
	wait_port "$port"
	case $? in
	1)
		snapshot
		stop_and_tell
		server_trouble timeout "port $port did not answer within ${STARTUP}s${END:+; $END}"
		return ;;
	2)
		stop_and_tell
		server_trouble FAIL "server exited before answering${END:+; $END}"
		return ;;
	esac
	if ! check_$NAME "$port" >/dev/null 2>&1; then
		stop_and_tell
		server_trouble FAIL "wrong answer to a check request${END:+; $END}"
		return
	fi
	for ((RUN = 1; RUN <= RUNS; RUN++)); do
		wait_idle "$port"	# each run against a server done with the last
		LOADLOG=$log.load.$RUN.out
		load_$NAME "$port" >"$W/load" 2>"$log.load.$RUN.err"
		rc=$?
		if [ $rc = 124 ] || [ $rc = 137 ]; then
			snapshot
			stop_and_tell
			server_trouble timeout "load generator did not finish within ${LIMIT_S}s${END:+; $END}"
			return
		elif [ $rc != 0 ] || [ ! -s "$W/load" ]; then
			stop_and_tell
			server_trouble FAIL "load generator failed (status $rc, see $LOADLOG)${END:+; $END}"
			return
		fi
		while read -r label rps lat; do
			[ "$label" = - ] && label=
			record "$label" "$rps" "$lat" ""
			progress "$NAME${label:+ $label} $MODE run $RUN/$RUNS: $rps req/s, p50 $lat ms"
		done <"$W/load"
	done
	RUN=
	wait_idle "$port" || busy="; client connections still open ${STOP}s after the load"
	stop_and_tell
	[ -z "$END" ] || server_trouble FAIL "$END after SIGTERM$busy"
}

# "native" for N empty, else mvee-N
mode_name()
{
	if [ -n "$1" ]; then
		echo "mvee-$1"
	else
		echo native
	fi
}

cleanup()
{
	STOP=2 stop_server
	reap >/dev/null
	rm -rf "$W" "$LOCK"
}

# one harness at a time: two would share build/bench/ and slow each other
# down; a lock left by a harness that died is taken over
lock()
{
	local pid

	if ! mkdir "$LOCK" 2>/dev/null; then
		pid=$(cat "$LOCK/pid" 2>/dev/null)
		if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
			echo "run.sh: another bench/run.sh (pid $pid) is running; wait for it to end" >&2
			return 1
		fi
		mkdir -p "$LOCK" || return
	fi
	echo $$ >"$LOCK/pid"
}

# ------------------------------------------------------------------- main

if [ "$LIST" = 1 ]; then
	for name in "${NAMES[@]}"; do
		printf '%-9s %-6s -n %-4s %4ss  %s\n' "$name" "${KIND[$name]}" \
			"${NS[$name]}" "${LIMIT[$name]}" "${WHAT[$name]}"
	done
	exit 0
fi

SELECTED=()
for name in "${NAMES[@]}"; do
	[ -z "$PATTERN" ] || echo "$name" | grep -Eq -- "$PATTERN" &&
		SELECTED+=("$name")
done
if [ ${#SELECTED[@]} = 0 ]; then
	echo "run.sh: no workload matches '$PATTERN' (see -l)" >&2
	exit 2
fi
if [ ! -x "$MVEE" ]; then
	echo "run.sh: $MVEE not found or not executable (run make, or set MVEE)" >&2
	exit 2
fi

OUT=$ROOT/build/bench
DATA=$OUT/data
LOGS=$OUT/logs
LOCK=$OUT/.lock
RUNS_TSV=$OUT/runs.tsv
mkdir -p "$DATA" "$LOGS" && lock || exit 2
W=$(mktemp -d "${TMPDIR:-/tmp}/mvee-bench.XXXXXX") || { rm -rf "$LOCK"; exit 2; }
RUNDIR=$W/run
SERVER_PID=
mkdir -p "$RUNDIR" || { rm -rf "$W" "$LOCK"; exit 2; }
trap cleanup EXIT
trap 'exit 130' INT TERM
cd "$W" || exit 2

export LC_ALL=C
ulimit -c 0
close_fds	# the workloads get only fds 0-2

COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || COMMIT+=" (src/ modified)"
ABOUT="$(date -u '+%Y-%m-%d %H:%M UTC'), mvee $COMMIT, $RUNS run(s) per figure$([ "$QUICK" = 1 ] && echo ', BENCH_QUICK (small inputs)'), $(nproc) CPUs, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
printf 'workload\tlabel\tunit\tmode\trun\tresult\tlatency_ms\twhy\n' >"$RUNS_TSV"
START=$SECONDS
progress "$ABOUT"

for NAME in "${SELECTED[@]}"; do
	LIMIT_S=${BENCH_TIMEOUT:-${LIMIT[$NAME]}}
	[ "${KIND[$NAME]}" = server ] && UNIT=req/s || UNIT=s
	modes=("")
	for n in $VARIANTS; do
		[[ ,${NS[$NAME]}, == *,$n,* ]] && modes+=("$n")
	done
	progress "$NAME: ${WHAT[$NAME]}"
	rm -f "$LOGS/$NAME".*
	if ! call prep_$NAME >"$LOGS/$NAME.prep" 2>&1; then
		RUN=0
		for N in "${modes[@]}"; do
			MODE=$(mode_name "$N")
			record "*" FAIL "" "preparing the inputs failed: $(tail -n1 "$LOGS/$NAME.prep")"
		done
		progress "$NAME: FAIL (preparing the inputs, see $LOGS/$NAME.prep)"
		continue
	fi
	for N in "${modes[@]}"; do
		MODE=$(mode_name "$N")
		${KIND[$NAME]}_mode
	done
done

progress "done in $((SECONDS - START))s"
"$PY" "$ROOT/bench/table.py" "$RUNS_TSV" "$OUT/results.md" \
	"$OUT/results.tsv" "$VARIANTS" "$ABOUT" || exit 2
! grep -Eq $'\t(FAIL|timeout)\t' "$RUNS_TSV"

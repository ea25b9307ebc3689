#!/bin/bash
# run.sh - soak test: lighttpd under mvee serving wrk load for minutes.
#
#   tests/soak/run.sh [-t SECS] [-s SLICE] [-w WARMUP] [-n N]
#
# Starts `mvee -n N -- lighttpd -D -f CONF` on a free port of 127.0.0.1
# (a generated config: a 4 KiB and a 1 MiB static file, error and access
# logs to files, at most 100 requests per connection), then loads it with
# `wrk -t1 -c8 --timeout 10s` (see the config below) on the 4 KiB file in
# slices of SLICE seconds, SECS seconds of load in all. After each slice
# it fetches both files with curl and, once lighttpd holds no client
# socket any more (ss -p), takes a sample: the monitor's VmRSS, VmHWM and
# open fds, and each variant's VmRSS and open fds (from /proc/PID/status
# and /proc/PID/fd), with wrk's requests/s and slowest request of the
# slice. It then stops lighttpd with SIGTERM.
#
# Prints the samples as a table, then one line per check, "PASS soak/NAME"
# or "FAIL soak/NAME (why)", and "N passed, M failed"; the exit status is
# non-zero when anything failed. The baseline is the first sample taken
# after WARMUP seconds of load (lighttpd's buffers and mvee's tables have
# grown to their working size by then):
#   soak/start         the port answers, both files are served intact
#   soak/load          every slice: wrk ran, no socket errors (connect,
#                      read, write, timeout), no non-2xx responses; mvee
#                      still running after it
#   soak/content       every curl fetch byte-identical to the file
#   soak/monitor-rss   the monitor's VmRSS at the last sample at most
#                      SOAK_RSS_KIB (default 1024) above the baseline
#   soak/monitor-fds   the monitor's fd count at every sample after the
#                      baseline equal to the baseline's
#   soak/variant-fds   the same for every variant, and the same variants
#   soak/no-divergence mvee said nothing but warnings on stderr and did
#                      not exit with the divergence status (86)
#   soak/stop          after SIGTERM mvee exits with status 0 within 10 s
#   soak/no-leftovers  no variant nor other process left behind
#   soak/access-log    lighttpd's access log (flushed when it stops) has a
#                      line per request: at least wrk's and curl's, at
#                      most 8 (wrk's connections) more per slice: the
#                      requests in flight when a slice ended
#
# The RSS bound: the monitor's RSS is about 2.3 MiB and flat under this
# load (lighttpd at about 4000 requests/s under mvee -n 2, some 10
# synchronised calls per request); the smallest leak malloc can make is 32
# bytes, which per request amounts to 3 MiB in a 25 s run and 35 MiB in
# 5 minutes. 1 MiB leaves room for malloc's own rounding.
#
# Options: -t SECS    seconds of load in all (default SOAK_SECS or 300)
#          -s SLICE   seconds per wrk run, one sample after each (default 5)
#          -w WARMUP  seconds of load before the baseline (default 30, at
#                     most a third of SECS)
#          -n N       variants (default 2)
# Environment: MVEE (default build/mvee) the binary under test; SOAK_SECS;
# SOAK_RSS_KIB; TMPDIR.
# make soak runs the 5-minute version, make check (tests/check.sh) a
# 24-second one (-t 24 -s 3 -w 6). Output: the table also in
# build/tests/soak/samples.tsv; mvee's stderr, lighttpd's error log, the
# config and every wrk output in build/tests/logs/soak/.

set -u
shopt -s nullglob

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MVEE=${MVEE:-$ROOT/build/mvee}
SECS=${SOAK_SECS:-300}
SLICE=5
WARMUP=
N=2
RSS_KIB=${SOAK_RSS_KIB:-1024}
CONNS=8
KEEPALIVE=100	# requests per connection, see the config below
STARTUP=30
STOP=10
DIVERGENCE_STATUS=86

usage()
{
	sed -n '2,/^$/s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

while getopts "t:s:w:n:h" opt; do
	case $opt in
	t) SECS=$OPTARG ;;
	s) SLICE=$OPTARG ;;
	w) WARMUP=$OPTARG ;;
	n) N=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage
[ -n "$WARMUP" ] || WARMUP=$((SECS / 3 < 30 ? SECS / 3 : 30))
for v in "$SECS" "$SLICE" "$N" "$RSS_KIB"; do
	[[ $v =~ ^[1-9][0-9]*$ ]] || usage
done
[[ $WARMUP =~ ^[0-9]+$ ]] || usage
SLICES=$(((SECS + SLICE - 1) / SLICE))
BASE=$(((WARMUP + SLICE - 1) / SLICE))	# the baseline's sample number
[ "$BASE" -ge 1 ] || BASE=1
if [ "$BASE" -ge "$SLICES" ]; then
	echo "run.sh: the warm-up ($WARMUP s) leaves no sample after the baseline; use more -t or less -w" >&2
	exit 2
fi

case $MVEE in
/*) ;;
*) MVEE=$PWD/$MVEE ;;
esac
if [ ! -x "$MVEE" ]; then
	echo "run.sh: $MVEE not found or not executable (run make, or set MVEE)" >&2
	exit 2
fi
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)

# free_port, wait_port, wait_idle, stop_server, reap, mvee_said,
# lighttpd_conf, close_fds
. "$ROOT/bench/server.sh"

pass=0
fail=0

# result CHECK WHY: PASS when WHY is empty
result()
{
	if [ -z "$2" ]; then
		echo "PASS soak/$1"
		pass=$((pass + 1))
	else
		echo "FAIL soak/$1 ($2)"
		fail=$((fail + 1))
	fi
}

# the end: one line per check not yet given (FAIL, "$1"), the summary
finish()
{
	local c

	for c in start load content monitor-rss monitor-fds variant-fds \
		stop no-divergence no-leftovers access-log; do
		[[ " $DONE " == *" $c "* ]] || result "$c" "$1"
	done
	echo "$pass passed, $fail failed"
	[ "$fail" = 0 ]
	exit
}
DONE=

check()
{
	DONE+=" $1"
	result "$@"
}

# both files fetched with curl identical to the originals; the names of
# those that are not on stdout
fetch()
{
	local f

	for f in small.txt large.bin; do
		timeout -k 5 30 curl -sf "http://127.0.0.1:$PORT/$f" 2>/dev/null |
			cmp -s - "$W/www/$f" || echo "$f"
	done
}
FETCHES=2	# requests per fetch

# a sample: "RSS HWM FDS" of the monitor, then "RSS FDS" of each variant,
# on one line ("-" for what a process that is gone no longer has)
measure()
{
	local p k v fds line=

	for p in "$SERVER_PID" "${VARIANTS[@]}"; do
		local rss=- hwm=-
		while read -r k v _; do
			case $k in
			VmRSS:) rss=$v ;;
			VmHWM:) hwm=$v ;;
			esac
		done 2>/dev/null <"/proc/$p/status"
		fds=(/proc/$p/fd/*)
		[ "$p" = "$SERVER_PID" ] && line+="$rss $hwm " || line+="$rss "
		line+="${#fds[@]} "
	done
	echo "${line% }"
}

# wait up to $STOP seconds until lighttpd (the leader variant) holds no
# socket of port $1 but the listening one: closed connections linger a
# little (a lingering close, a keep-alive connection the client has left)
wait_closed()
{
	local i

	for ((i = 0; i < STOP * 10; i++)); do
		[ -z "$(ss -Htnp state connected "( sport = :$1 )" | grep users:)" ] &&
			return 0
		sleep 0.1
	done
	return 1
}

# the fd counts of a line of measure (fields 3, 5, 7...)
fd_counts()
{
	awk '{ s = $3; for (i = 5; i <= NF; i += 2) s = s " " $i; print s }' <<<"$1"
}

# print the table header, with one pair of columns per variant
header()
{
	local v h="sample\tload_s\trequests\treq_per_s\tmax_latency\tmon_rss_kib\tmon_hwm_kib\tmon_fds"

	for ((v = 0; v < N; v++)); do
		h+="\tv${v}_rss_kib\tv${v}_fds"
	done
	printf "$h\n"
}

if ! command -v lighttpd >/dev/null || ! command -v wrk >/dev/null ||
	! command -v curl >/dev/null || ! command -v ss >/dev/null; then
	check start "lighttpd, wrk, curl or ss (iproute2) not installed: make soak installs them"
	finish "not run"
fi

LOGS=$ROOT/build/tests/logs/soak
OUT=$ROOT/build/tests/soak
W=$(mktemp -d "${TMPDIR:-/tmp}/mvee-soak.XXXXXX") || exit 2
RUNDIR=$W/run
SERVER_PID=
mkdir -p "$LOGS" "$OUT" "$RUNDIR" "$W/www" || exit 2
rm -f "$LOGS"/*
trap 'STOP=2 stop_server; reap >/dev/null; rm -rf "$W"' EXIT
trap 'exit 130' INT TERM
export LC_ALL=C
ulimit -c 0
close_fds	# mvee and lighttpd get only fds 0-2

"$PY" "$ROOT/bench/gen.py" text 4096 >"$W/www/small.txt" &&
	head -c $((1 << 20)) /dev/urandom >"$W/www/large.bin" || exit 2
PORT=$(free_port) || exit 2
# lighttpd serves the next request of a keep-alive connection at once when
# it has arrived, without going back to epoll_wait; under mvee, where every
# call takes tens of microseconds, it always has, so lighttpd serves one
# connection until its keep-alive limit (1000 requests by default, about
# 250 ms) while wrk's other 7 wait, some beyond wrk's 2 s timeout. With a
# limit of 100 the mean latency falls from about 250 ms to 50 ms (some
# requests still wait over a second: the table shows the slowest of each
# slice, hence wrk's 10 s timeout), and connections are made and closed 10
# times as often, which is what a leak would follow.
{
	lighttpd_conf "$W/www" "$PORT" "$LOGS/lighttpd.errorlog" "$W/access.log"
	echo "server.max-keep-alive-requests = $KEEPALIVE"
	# no fds of served files kept open for a few seconds, so that the
	# variants' fd counts are the same at every sample
	echo 'server.stat-cache-engine = "disable"'
} >"$LOGS/lighttpd.conf"

echo "soak: $MVEE -n $N -- lighttpd on 127.0.0.1:$PORT; wrk -t1 -c$CONNS, $SLICES slices of ${SLICE}s; baseline after ${WARMUP}s"
cd "$RUNDIR" || exit 2
"$MVEE" -n "$N" -- lighttpd -D -f "$LOGS/lighttpd.conf" </dev/null \
	>"$LOGS/mvee.out" 2>"$LOGS/mvee.err" &
SERVER_PID=$!
cd "$W" || exit 2
CURLS=0

wait_port "$PORT"
case $? in
1) check start "port $PORT did not answer within ${STARTUP}s$(mvee_said "$LOGS/mvee.err")" ;;
2) check start "mvee exited before the port answered$(mvee_said "$LOGS/mvee.err")" ;;
*)
	bad=$(fetch)
	CURLS=$FETCHES
	check start "${bad:+wrong answer for $bad}"
	;;
esac
[ "$pass" = 1 ] || finish "not run: lighttpd did not start"
mapfile -t VARIANTS < <(ps -o pid= --ppid "$SERVER_PID" | sort -n)
VARIANTS_WHY=
[ ${#VARIANTS[@]} = "$N" ] || VARIANTS_WHY="$N variants expected, found: ${VARIANTS[*]}"

# load slices, a sample after each
header | tee "$OUT/samples.tsv"
wait_closed "$PORT"
printf '0\t0\t0\t-\t-\t%s\n' "$(measure | tr ' ' '\t')" | tee -a "$OUT/samples.tsv"
LOAD_WHY= CONTENT_WHY= TOTAL=0 SAMPLES=()
for ((k = 1; k <= SLICES; k++)); do
	if ! kill -0 "$SERVER_PID" 2>/dev/null; then
		LOAD_WHY="mvee exited before slice $k"
		break
	fi
	log=$LOGS/wrk.$k.out
	d=$((k == SLICES ? SECS - (k - 1) * SLICE : SLICE))
	timeout -k 5 $((d + 60)) wrk -t1 -c$CONNS -d${d}s --timeout 10s \
		"http://127.0.0.1:$PORT/small.txt" >"$log" 2>&1
	rc=$?
	read -r reqs rps bad lmax < <(awk '
		/ requests in / { n = $1 }
		/^Requests\/sec:/ { r = $2 }
		/^    Latency / { max = $4 }
		/^  Socket errors:/ { if ($0 !~ /connect 0, read 0, write 0, timeout 0/) bad = 1 }
		/^  Non-2xx/ { bad = 1 }
		END { print (n == "" ? 0 : n), (r == "" ? "-" : r), bad + 0, (max == "" ? "-" : max) }' "$log")
	TOTAL=$((TOTAL + reqs))
	if [ $rc != 0 ] || [ "$bad" = 1 ] || [ "$reqs" = 0 ]; then
		LOAD_WHY="slice $k: wrk status $rc, $reqs requests$([ "$bad" = 1 ] && echo ", errors or non-2xx responses") (see $log)"
		break
	fi
	bad=$(fetch)
	CURLS=$((CURLS + FETCHES))
	[ -z "$bad" ] || CONTENT_WHY="${CONTENT_WHY:-slice $k: $bad differs}"
	wait_closed "$PORT"
	line=$(measure)
	# lighttpd closes a finished connection's fd a moment after the
	# socket is gone: an fd count that differs from the last sample gets
	# up to 2 s to come back (a leak does not)
	for ((t = 0; t < 20 && ${#SAMPLES[@]} > 0; t++)); do
		[ "$(fd_counts "$line")" = "$(fd_counts "${SAMPLES[-1]}")" ] && break
		sleep 0.1
		line=$(measure)
	done
	SAMPLES+=("$line")
	printf '%d\t%d\t%d\t%s\t%s\t%s\n' "$k" $(((k - 1) * SLICE + d)) "$TOTAL" "$rps" "$lmax" \
		"$(tr ' ' '\t' <<<"$line")" | tee -a "$OUT/samples.tsv"
done
if [ -z "$LOAD_WHY" ] && ! kill -0 "$SERVER_PID" 2>/dev/null; then
	LOAD_WHY="mvee exited during the load"
fi
check load "${LOAD_WHY:+$LOAD_WHY$(mvee_said "$LOGS/mvee.err")}"
check content "$CONTENT_WHY"

# the checks on the samples, baseline = sample BASE (SAMPLES[BASE - 1])
if [ ${#SAMPLES[@]} -le "$BASE" ]; then
	why="only ${#SAMPLES[@]} samples, the baseline is sample $BASE"
	check monitor-rss "$why"
	check monitor-fds "$why"
	check variant-fds "$why"
else
	read -r rss0 _ fds0 _ <<<"${SAMPLES[BASE - 1]}"
	read -r rss1 _ <<<"${SAMPLES[-1]}"
	growth=$((rss1 - rss0))
	why=
	[ "$growth" -le "$RSS_KIB" ] ||
		why="+$growth KiB, more than $RSS_KIB"
	echo "soak: monitor VmRSS $rss0 KiB at sample $BASE (the baseline), $rss1 KiB at sample ${#SAMPLES[@]}: $growth KiB"
	check monitor-rss "$why"
	mwhy= vwhy=$VARIANTS_WHY
	base=$(fd_counts "${SAMPLES[BASE - 1]}")
	for ((i = BASE; i < ${#SAMPLES[@]}; i++)); do
		now=$(fd_counts "${SAMPLES[i]}")
		[ "${now%% *}" = "${base%% *}" ] || mwhy=${mwhy:-"$fds0 fds at sample $BASE, ${now%% *} at sample $((i + 1))"}
		[ "${now#* }" = "${base#* }" ] || vwhy=${vwhy:-"fds ${base#* } at sample $BASE, ${now#* } at sample $((i + 1))"}
	done
	check monitor-fds "$mwhy"
	for p in "${VARIANTS[@]}"; do
		kill -0 "$p" 2>/dev/null || vwhy=${vwhy:-"variant $p exited during the load"}
	done
	check variant-fds "$vwhy"
fi

# stop: SIGTERM once lighttpd has closed every connection
busy=
wait_idle "$PORT" || busy=", client connections still open ${STOP}s after the load"
stop_server
status=$?
case $status in
0) check stop "" ;;
255) check stop "mvee still running ${STOP}s after SIGTERM: killed$busy" ;;
*) check stop "mvee exit status $status$busy$(mvee_said "$LOGS/mvee.err")" ;;
esac
said=$(grep '^mvee: ' "$LOGS/mvee.err" | grep -v '^mvee: warning: ' | head -n 1)
if [ "$status" = $DIVERGENCE_STATUS ] || [ -n "$said" ]; then
	check no-divergence "exit status $status: ${said:0:200}"
else
	check no-divergence ""
fi
left=
for p in "${VARIANTS[@]}"; do
	[ -d "/proc/$p" ] && left+=" $p"
done
if pids=$(reap); then
	left+=" $pids"
fi
check no-leftovers "${left:+left running:$left}"

lines=$(wc -l <"$W/access.log" 2>/dev/null || echo 0)
low=$((TOTAL + CURLS)) high=$((TOTAL + CURLS + CONNS * SLICES))
if [ "$lines" -ge "$low" ] && [ "$lines" -le "$high" ]; then
	check access-log ""
else
	check access-log "$lines lines, expected $low to $high"
fi
echo "soak: $TOTAL wrk requests in ${SECS}s of load ($((TOTAL / SECS)) req/s), $CURLS curl fetches, $lines access log lines"
finish "not run"

# server.sh - helpers to run a server under test on 127.0.0.1 and stop it,
# sourced by bench/run.sh and tests/soak/run.sh (not run by itself).
#
# The sourcing script sets:
#   PY          a python3 (free_port)
#   SERVER_PID  the pid of the server (mvee, or the server run natively),
#               started in the background; emptied by stop_server
#   STARTUP     seconds for the server to answer on its port (wait_port)
#   STOP        seconds for it to close its connections (wait_idle) and
#               to exit after SIGTERM (stop_server)
#   RUNDIR      the cwd given to what runs under test (reap)

# lighttpd.conf on stdout: serve directory $1 on 127.0.0.1 port $2, error
# log to file $3, access log (one line per request) to file $4 if given;
# .txt and .bin as static files, nothing else configured (no syslog)
lighttpd_conf()
{
	cat <<-EOF
	server.document-root = "$1"
	server.bind = "127.0.0.1"
	server.port = $2
	server.errorlog = "$3"
	mimetype.assign = ( ".txt" => "text/plain", ".bin" => "application/octet-stream" )
	EOF
	[ -z "${4:-}" ] || cat <<-EOF
	server.modules += ( "mod_accesslog" )
	accesslog.filename = "$4"
	EOF
}

# a free TCP port on 127.0.0.1
free_port()
{
	"$PY" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# wait until the server ($SERVER_PID) answers on port $1; 1: it did not
# within $STARTUP seconds, 2: it exited
wait_port()
{
	local deadline=$((SECONDS + STARTUP))

	while [ $SECONDS -lt $deadline ]; do
		kill -0 "$SERVER_PID" 2>/dev/null || return 2
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# wait up to $STOP seconds until the server has closed every client
# connection on port $1: a server under mvee may still be catching up
# when the load generator ends, and lighttpd exits 1 when stopped with
# connections open; 1 if some are still open
wait_idle()
{
	local i

	for ((i = 0; i < STOP * 10; i++)); do
		[ -z "$(ss -Htn state established state close-wait \
			"( sport = :$1 )")" ] && return 0
		sleep 0.1
	done
	return 1
}

# SIGTERM to the server (mvee hands it to the leader variant), SIGKILL
# after $STOP seconds; returns its exit status (255: had to be killed)
stop_server()
{
	local pid=$SERVER_PID i

	[ -n "$pid" ] || return 0
	SERVER_PID=
	kill -TERM "$pid" 2>/dev/null
	for ((i = 0; i < STOP * 10; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -KILL "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		return 255
	fi
	wait "$pid" 2>/dev/null
}

# processes left with a cwd in $RUNDIR (variants of a killed mvee,
# children of a killed make): listed, then killed; 1 if there were none
reap()
{
	local pids i

	for ((i = 0; i < 10; i++)); do
		pids=$(find /proc/[0-9]*/cwd -maxdepth 0 -lname "$RUNDIR*" \
			2>/dev/null | cut -d/ -f3)
		[ -z "$pids" ] && return 1
		sleep 0.2
	done
	echo $pids
	kill -KILL $pids 2>/dev/null
	return 0
}

# ": mvee's first line", from stderr file $1, if it said anything (its
# warnings only if that is all)
mvee_said()
{
	local line

	line=$(grep '^mvee: ' "$1" 2>/dev/null | grep -v -m1 '^mvee: warning: ') ||
		line=$(grep -m1 '^mvee: ' "$1" 2>/dev/null) || return 0
	printf ': %s' "${line:0:200}"
}

# close every fd of this shell above 2, whatever the caller (make, a
# terminal, a CI runner) left open, so that what runs under test gets
# only fds 0-2; listed first: the glob's own fd comes and goes
close_fds()
{
	local fds fd

	fds=(/proc/$$/fd/*)
	for fd in "${fds[@]##*/}"; do
		[ "$fd" -gt 2 ] && eval "exec $fd>&-"
	done 2>/dev/null
}

#!/bin/bash
# man.sh - the manual page mvee.1 against the binary it documents.
#
#   tests/man.sh [MVEE]
#
# MVEE is the mvee binary (default build/mvee, relative to the repository
# root); the page is mvee.1 at the repository root. Checks, each printed as
# one line "PASS name" or "FAIL name (why)", then "N passed, M failed"; the
# exit status is non-zero when anything failed:
#   help-in-man  every long option that `mvee --help` prints is in mvee.1
#   man-in-help  every long option that mvee.1 documents is in --help
#   groff        `groff -man -Tutf8 -ww -z mvee.1` warns about nothing
#                (skipped with a note when groff is not installed)
# A long option is what matches --[a-z-]+. In the page, font escapes
# (\fB, \f(CW, \f[B]) are dropped first and then every backslash, so that
# \fB\-\-trace\fR reads --trace.

set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MVEE=${1:-build/mvee}
case $MVEE in
/*) ;;
*/*) [ -e "$MVEE" ] || MVEE=$ROOT/$MVEE ;;
esac
PAGE=$ROOT/mvee.1
pass=0
fail=0

ok() { echo "PASS $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1 ($2)"; fail=$((fail + 1)); }

# the long options in a text on stdin, one per line, sorted, unique
long_options() { grep -Eo -- '--[a-z-]+' | sort -u; }

# the text of the page with roff's escapes for fonts and hyphens undone
page_text()
{
	sed -E -e 's/\\f(\[[^]]*\]|\(..|.)//g' -e 's/\\//g' "$PAGE"
}

# names in list $1 (one per line) that are not in list $2, comma-separated
missing()
{
	comm -23 <(printf '%s\n' "$1") <(printf '%s\n' "$2") |
		grep -v '^$' | paste -sd, - | sed 's/,/, /g'
}

help_opts=
help_ok=0
if [ ! -x "$MVEE" ]; then
	why="$MVEE is not an executable"
elif ! help=$("$MVEE" --help 2>&1); then
	why="$MVEE --help failed"
else
	help_opts=$(printf '%s\n' "$help" | long_options)
	if [ -z "$help_opts" ]; then
		why="$MVEE --help prints no long option"
	else
		help_ok=1
	fi
fi

page_opts=
page_ok=0
if [ ! -r "$PAGE" ]; then
	pwhy="$PAGE is missing"
else
	page_opts=$(page_text | long_options)
	if [ -z "$page_opts" ]; then
		pwhy="mvee.1 documents no long option"
	else
		page_ok=1
	fi
fi

if [ $help_ok = 0 ]; then
	ko help-in-man "$why"
	ko man-in-help "$why"
elif [ $page_ok = 0 ]; then
	ko help-in-man "$pwhy"
	ko man-in-help "$pwhy"
else
	m=$(missing "$help_opts" "$page_opts")
	if [ -z "$m" ]; then
		ok help-in-man
	else
		ko help-in-man "in --help but not in mvee.1: $m"
	fi
	m=$(missing "$page_opts" "$help_opts")
	if [ -z "$m" ]; then
		ok man-in-help
	else
		ko man-in-help "in mvee.1 but not in --help: $m"
	fi
fi

if ! command -v groff >/dev/null 2>&1; then
	echo "note: groff is not installed; the groff check is skipped"
elif [ ! -r "$PAGE" ]; then
	ko groff "$PAGE is missing"
else
	out=$(groff -man -Tutf8 -ww -z "$PAGE" 2>&1)
	rc=$?
	if [ $rc != 0 ]; then
		ko groff "exit status $rc: $(printf '%s\n' "$out" | head -n 1)"
	elif [ -n "$out" ]; then
		ko groff "$(printf '%s\n' "$out" | wc -l) warning(s), first: $(printf '%s\n' "$out" | head -n 1)"
	else
		ok groff
	fi
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]

#!/bin/bash
# run.sh - attack tests for mvee: a stack smash, a format-string leak, the
# memory layout of the variants and a sanitizer split, each proven to work
# natively and then run under mvee, which must stop it.
#
#   tests/attacks/run.sh [-k PATTERN] [-l] [-v]
#
# One line per case, "PASS name" or "FAIL name (why)", then "N passed, M
# failed"; the exit status is non-zero when anything failed. The harness
# is attacks.py (its header lists the cases, options and environment:
# MVEE, MVEE_FLAGS, TIMEOUT, CC, TMPDIR).
#
# Examples:
#   tests/attacks/run.sh -k '^smash/'         the stack smash only
#   tests/attacks/run.sh -k '^sanitizer/' -v  the ASan/UBSan split, details
#   MVEE_FLAGS='--diversity none' tests/attacks/run.sh -k layout

exec python3 "$(dirname "$0")/attacks.py" "$@"

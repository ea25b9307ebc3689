#!/usr/bin/env python3
"""attacks.py - the harness of tests/attacks/run.sh: attacks that must work
on a native run and must be stopped by mvee.

Each case prints "PASS name" or "FAIL name (why)"; the last line is
"N passed, M failed" and the exit status is 1 when anything failed. Every
attack is first run natively to prove that it works there; if it does not,
the case fails: the test itself is broken.

  smash/*      tests/attacks/smash.c, a stack smash of a PIE that returns
               into win(): a static payload made for the un-randomised
               layout (setarch -R), an adaptive attacker who reads one
               variant's /proc/PID/maps, and benign input
  leak/*       tests/attacks/leak.c, a format-string leak of addresses
  layout/*     tests/attacks/layout.c: executable ranges, [stack] and
               [heap] of different variants never overlap
  sanitizer/*  tests/attacks/heap.c built with ASan and with UBSan, run as
               the two variants of one mvee (--variant)
  heap/*       controls for sanitizer/*: one build alone under mvee

"norand" in a name means the whole run is under `setarch -R` (no ASLR for
mvee, hence for its variants unless mvee diversifies them); "aslr" means
kernel ASLR is on.

Every run has a fresh directory under a temporary one as its cwd, its own
session (all of it is killed afterwards; processes that outlive the run
make it fail), and a timeout. Programs are compiled into
build/tests/attacks/ when their source or this file (which holds their
flags) is newer.

Options: -k PATTERN  run only the cases whose name matches (a Python regex,
                     searched like grep -E)
         -l          list the cases and exit
         -v          after a failure, print its details indented
Environment: MVEE (default build/mvee), MVEE_FLAGS (extra options for
mvee, e.g. "--diversity none"), TIMEOUT seconds per run (default 30),
CC (default cc), TMPDIR.
"""

import argparse
import os
import re
import resource
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections import namedtuple

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", ".."))
SRC = os.path.join(ROOT, "tests", "attacks")
BIN = os.path.join(ROOT, "build", "tests", "attacks")
MVEE = os.path.abspath(os.environ.get("MVEE",
                                      os.path.join(ROOT, "build", "mvee")))
MVEE_FLAGS = shlex.split(os.environ.get("MVEE_FLAGS", ""))
TIMEOUT = float(os.environ.get("TIMEOUT", "30"))
CC = os.environ.get("CC", "cc")

DIVERGENCE_STATUS = 86
DIVERGENCE_PREFIX = "mvee: divergence"
WIN_STATUS = 42  # win()'s exit status in smash.c
NOASLR_PIE_BASE = 0x555555554000  # where Linux puts a PIE without ASLR
ADDRESS_MIN = 0x10000000000  # a leaked value this large is an address
VARIANT_COUNTS = (2, 3)
LAYOUT_VARIANT_COUNTS = (2, 3, 8)

# name -> (source, compiler flags, linker flags)
PROGRAMS = {
    "smash": ("smash.c", "-O0 -g -fno-stack-protector -fcf-protection=none "
              "-fpie", "-pie"),
    "leak": ("leak.c", "-O0 -g -Wno-format-security -fpie", "-pie"),
    "layout": ("layout.c", "-O1 -g -fpie", "-pie -ldl"),
    "heap-asan": ("heap.c", "-fsanitize=address -g", "-fsanitize=address"),
    "heap-ubsan": ("heap.c", "-fsanitize=undefined -g",
                   "-fsanitize=undefined"),
    "heap-plain": ("heap.c", "-O2", ""),
}

# LeakSanitizer checks at exit from a clone(CLONE_UNTRACED) task that
# ptraces the program's threads: that fails under any tracer (gdb, strace),
# and under mvee the run hangs with that untraced task spinning. The
# sanitizer cases are about the heap overflow, not about leaks.
SANITIZER_ENV = {"ASAN_OPTIONS": "detect_leaks=0"}


class Fail(Exception):
    """A case failed: why (one line) and optional details (for -v)."""

    def __init__(self, why, details=()):
        super().__init__(why)
        self.why = why
        self.details = list(details)


def once(fn):
    """Run fn (no arguments) once; later calls return or raise the same."""
    memo = []

    def wrapper():
        if not memo:
            try:
                memo.append((fn(), None))
            except Fail as e:
                memo.append((None, e))
        value, error = memo[0]
        if error:
            raise error
        return value

    wrapper.__name__ = fn.__name__
    return wrapper


# ------------------------------------------------------------- building

def program(name):
    """The path of program NAME, compiled first if it is out of date."""
    source, cflags, ldflags = PROGRAMS[name]
    src, exe = os.path.join(SRC, source), os.path.join(BIN, name)
    if os.path.exists(exe) and os.path.getmtime(exe) > max(
            os.path.getmtime(src), os.path.getmtime(__file__)):
        return exe
    os.makedirs(BIN, exist_ok=True)
    cmd = ([CC] + shlex.split(cflags) + ["-o", exe + ".tmp", src]
           + shlex.split(ldflags))
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["?"])[0]
        raise Fail(f"cannot build {name}: {first}", [" ".join(cmd)]
                   + done.stderr.splitlines())
    os.replace(exe + ".tmp", exe)
    return exe


# ------------------------------------------------------------- processes

Result = namedtuple("Result", "out err rc")


def proc_stat(pid):
    """(ppid, session) of process PID, None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), int(fields[3])


def pids_where(pred):
    """Ascending pids of the processes whose (ppid, session) satisfy pred."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = proc_stat(entry)
            if st and pred(*st):
                found.append(int(entry))
    return sorted(found)


def variant_pids(mvee_pid):
    """The variants: mvee's children, in variant order (ascending pids)."""
    return pids_where(lambda ppid, sid: ppid == mvee_pid)


def describe_status(rc):
    if rc is None:
        return "still running"
    if rc < 0:
        return f"killed by {signal.Signals(-rc).name}"
    return f"status {rc}"


class Run:
    """One command in its own session, its stdout and stderr collected.

    Use as a context manager: on leaving, whatever is left of the session
    is killed. The whole run has TIMEOUT seconds.
    """

    def __init__(self, argv, cwd, env=None):
        self.argv = argv
        self.deadline = time.monotonic() + TIMEOUT
        self.cond = threading.Condition()
        self.bufs = {"out": bytearray(), "err": bytearray()}
        self.open_streams = 2
        self.proc = subprocess.Popen(
            argv, cwd=cwd, env=dict(os.environ, LC_ALL="C", **(env or {})),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, start_new_session=True)
        self.readers = [self._reader(self.proc.stdout, "out"),
                        self._reader(self.proc.stderr, "err")]

    @property
    def pid(self):
        return self.proc.pid

    def _reader(self, stream, key):
        def loop():
            for chunk in iter(lambda: stream.read1(65536), b""):
                with self.cond:
                    self.bufs[key] += chunk
                    self.cond.notify_all()
            with self.cond:
                self.open_streams -= 1
                self.cond.notify_all()

        t = threading.Thread(target=loop, daemon=True)
        t.start()
        return t

    def _left(self):
        return max(0.0, self.deadline - time.monotonic())

    def wait_line(self, line):
        """Wait until stdout has the line LINE (without its newline)."""
        want = line.encode() + b"\n"
        with self.cond:
            while want not in b"\n" + self.bufs["out"]:
                if not self.open_streams or not self._left():
                    break
                self.cond.wait(self._left())
            if want in b"\n" + self.bufs["out"]:
                return
        why = "timeout" if not self._left() else "stdout closed"
        self._fail(f"{why} waiting for {line!r}")

    def send(self, data):
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass

    def finish(self, data=b""):
        """Send DATA, close stdin, wait for the end; return a Result."""
        self.send(data)
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            self.proc.wait(self._left())
        except subprocess.TimeoutExpired:
            self.kill()
            self._fail(f"timeout after {TIMEOUT:g}s")
        for t in self.readers:
            t.join(self._left() + 1)
        self._check_stragglers()
        return self._snapshot()

    def kill(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()

    def _check_stragglers(self):
        """Fail if processes of the session outlive it by more than 2 s."""
        sid = self.proc.pid
        for _ in range(20):
            left = pids_where(lambda ppid, s: s == sid)
            if not left:
                return
            time.sleep(0.1)
        self.kill()
        raise Fail(f"left processes running: {left}")

    def _snapshot(self):
        """What the run has printed so far, and its status if it ended."""
        with self.cond:
            return Result(bytes(self.bufs["out"]),
                          bytes(self.bufs["err"]).decode(errors="replace"),
                          self.proc.returncode)

    def _fail(self, why):
        res = self._snapshot()
        raise Fail(why + said(res), ["command: " + shlex.join(self.argv)]
                   + result_details(res))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.returncode is None:
            self.kill()
        else:  # mvee gone: its session may still hold variants
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                stream.close()
            except OSError:
                pass
        return False


class Scratch:
    """The temporary directory; one fresh subdirectory per run."""

    def __init__(self):
        self.top = tempfile.mkdtemp(prefix="mvee-attacks.")
        self.count = 0

    def rundir(self):
        self.count += 1
        path = os.path.join(self.top, str(self.count))
        os.mkdir(path)
        return path

    def remove(self):
        shutil.rmtree(self.top, ignore_errors=True)


SCRATCH = None  # set by main()


def command(prog_argv, n=None, norand=False, exes=None):
    """PROG_ARGV natively (n None) or under mvee -n N, or under mvee with
    one --variant per executable in EXES; under setarch -R if NORAND."""
    argv = ["setarch", "-R"] if norand else []
    if exes:
        argv += [MVEE] + MVEE_FLAGS
        for exe in exes:
            argv += ["--variant", exe]
        argv += ["--"]
    elif n:
        argv += [MVEE] + MVEE_FLAGS + ["-n", str(n), "--"]
    return argv + prog_argv


def start(argv, env=None):
    return Run(argv, SCRATCH.rundir(), env)


def run(argv, stdin=b"", env=None):
    """Run ARGV to its end with STDIN as input; return a Result."""
    with start(argv, env) as r:
        return r.finish(stdin)


# ------------------------------------------------------------- checking

def first_line(text):
    return (text.splitlines() or [""])[0]


def result_details(res):
    return ["status: " + describe_status(res.rc),
            "stdout: " + repr(res.out[:300])] + [
        "stderr: " + l for l in res.err.splitlines()[:15]]


def said(res):
    first = first_line(res.err)
    if len(first) > 150:
        first = first[:147] + "..."
    return f"; stderr: {first}" if first else ""


def fail(why, res):
    """Fail for WHY, with mvee's first line and, for -v, all of RES."""
    raise Fail(why + said(res), result_details(res))


def check(problems, res):
    """Fail with PROBLEMS (a list of strings) if there are any."""
    if problems:
        fail("; ".join(problems), res)


def expect_pwned(res, what):
    """The attack worked: win() ran."""
    if b"PWNED" not in res.out or res.rc != WIN_STATUS:
        fail(f"{what} does not work natively (test broken): "
             f"{describe_status(res.rc)}, stdout {res.out[:80]!r}", res)


def expect_divergence(res, call=None, forbidden=(b"PWNED",)):
    """mvee stopped the variants: status 86, a report naming CALL first on
    stderr, none of FORBIDDEN on stdout."""
    problems = [f"stdout has {f.decode()!r}" for f in forbidden
                if f in res.out]
    if res.rc != DIVERGENCE_STATUS:
        problems.append(f"{describe_status(res.rc)}, not "
                        f"{DIVERGENCE_STATUS}")
    first = first_line(res.err)
    if not first.startswith(DIVERGENCE_PREFIX):
        problems.append("no divergence report")
    elif call and not re.search(rf"\b{call}\b", first):
        problems.append(f"the report does not name {call}")
    check(problems, res)


def expect_same(res, native):
    """Same stdout and status as the native run."""
    problems = []
    if res.out != native.out:
        problems.append(f"stdout {res.out[:60]!r}, native "
                        f"{native.out[:60]!r}")
    if res.rc != native.rc:
        problems.append(f"{describe_status(res.rc)}, native "
                        f"{describe_status(native.rc)}")
    check(problems, res)


# ------------------------------------------------------------- smash

@once
def smash_padding():
    """Bytes from the start of buf to vuln()'s return address, as the
    program itself reports it in its debug mode (a native run)."""
    res = run([program("smash")], b"x", env={"SMASH_DEBUG": "1"})
    m = re.search(r"return address at buf\+(\d+)", res.err)
    if not m:
        fail("smash in debug mode did not report the padding", res)
    return int(m.group(1))


@once
def win_offset():
    """win()'s offset in the smash executable, from its symbol table."""
    out = subprocess.run(["nm", program("smash")], capture_output=True,
                         text=True).stdout
    m = re.search(r"^([0-9a-f]+) T win$", out, re.M)
    if not m:
        raise Fail("nm does not show win in smash")
    return int(m.group(1), 16)


def smash_payload(pie_base):
    """Padding, then win's absolute address for a PIE loaded at PIE_BASE."""
    return b"A" * smash_padding() + struct.pack("<Q", pie_base + win_offset())


def static_payload():
    return smash_payload(NOASLR_PIE_BASE)


@once
def prove_static_attack():
    """Natively, without ASLR, the static payload reaches win()."""
    res = run(command([program("smash")], norand=True), static_payload())
    expect_pwned(res, "the static payload")


Mapping = namedtuple("Mapping", "start end perms path")


def read_maps(pid):
    """/proc/PID/maps as a list of Mapping."""
    maps = []
    with open(f"/proc/{pid}/maps") as f:
        for line in f:
            fields = line.split(maxsplit=5)
            start, end = (int(x, 16) for x in fields[0].split("-"))
            path = fields[5].strip() if len(fields) > 5 else ""
            maps.append(Mapping(start, end, fields[1], path))
    return maps


def pie_base(pid, exe):
    """Where EXE is loaded in process PID: its first mapping."""
    exe = os.path.realpath(exe)
    for m in read_maps(pid):
        if m.path == exe:
            return m.start
    raise Fail(f"{exe} is not mapped in pid {pid}")


def adaptive_attack(n=None, k=0, norand=False):
    """Start smash (natively or under mvee -n N), wait for "ready", and
    send a payload made for the layout of variant K; return the Result."""
    exe = program("smash")
    smash_padding(), win_offset()  # known before the start: no delay later
    with start(command([exe], n, norand)) as r:
        r.wait_line("ready")
        if n:
            pids = variant_pids(r.pid)
            if len(pids) != n:
                raise Fail(f"{len(pids)} variants found, not {n}: {pids}")
            target = pids[k]
        else:
            target = r.pid
        return r.finish(smash_payload(pie_base(target, exe)))


@once
def prove_adaptive_attack():
    expect_pwned(adaptive_attack(), "the adaptive payload")


def case_smash_static_native():
    prove_static_attack()


def expect_overflow_reached(res):
    """vuln() read the whole payload: whatever mvee did, it did it there
    and not earlier."""
    got = f"got {len(static_payload())} bytes\n".encode()
    if got not in res.out:
        fail(f"stdout has no {got!r}: the overflow was not reached", res)


def case_smash_static_mvee(n, norand):
    prove_static_attack()
    res = run(command([program("smash")], n, norand), static_payload())
    expect_overflow_reached(res)
    if norand:
        # exec placed the leader exactly where the payload expects it
        expect_divergence(res)
    else:
        # the address misses everywhere, or some variant is hit
        problems = ["stdout has 'PWNED'"] if b"PWNED" in res.out else []
        if res.rc == 0:
            problems.append("status 0")
        check(problems, res)


def case_smash_adaptive_native():
    prove_adaptive_attack()


def case_smash_adaptive_mvee(n, k, norand):
    prove_adaptive_attack()
    res = adaptive_attack(n, k, norand)
    expect_overflow_reached(res)
    expect_divergence(res)


@once
def smash_benign_native():
    return run([program("smash")], b"hello\n")


def case_smash_benign(n, norand):
    native = smash_benign_native()
    expect_same(run(command([program("smash")], n, norand), b"hello\n"),
                native)


# ------------------------------------------------------------- leak

LEAK_INPUT = b"%p %p %p %p %p %p %p %p %p %p\n"


def leaked_addresses(out):
    return [v for v in re.findall(rb"0x[0-9a-f]+", out)
            if int(v, 16) >= ADDRESS_MIN]


@once
def prove_leak():
    res = run([program("leak")], LEAK_INPUT)
    if res.rc != 0 or not leaked_addresses(res.out):
        fail("the leak shows no address natively (test broken): "
             f"{describe_status(res.rc)}, stdout {res.out[:120]!r}", res)


def case_leak_native():
    prove_leak()


def case_leak_attack(n, norand):
    prove_leak()
    res = run(command([program("leak")], n, norand), LEAK_INPUT)
    expect_divergence(res, "write", forbidden=(b"0x", b"(nil)"))


@once
def leak_benign_native():
    return run([program("leak")], b"hello\n")


def case_leak_benign(n, norand):
    native = leak_benign_native()
    expect_same(run(command([program("leak")], n, norand), b"hello\n"),
                native)


# ------------------------------------------------------------- layout

def show(v, m):
    return f"v{v} {m.start:x}-{m.end:x} {m.perms} {m.path or '(anon)'}"


def overlapping(a, b):
    return [(x, y) for x in a for y in b
            if x.start < y.end and y.start < x.end]


def executable(maps):
    # [vsyscall] is the kernel's fixed legacy page, the same in every
    # process on the machine and out of any user-space program's reach
    return [m for m in maps if "x" in m.perms and m.path != "[vsyscall]"]


def named(maps, name):
    return [m for m in maps if m.path == name]


def layout_problems(all_maps):
    """Pairs of variants whose executable ranges, [stack] or [heap]
    overlap, one string per overlapping pair of ranges."""
    problems = []
    for i in range(len(all_maps)):
        for j in range(i + 1, len(all_maps)):
            a, b = all_maps[i], all_maps[j]
            pairs = overlapping(executable(a), executable(b))
            pairs += overlapping(named(a, "[stack]"), named(b, "[stack]"))
            pairs += overlapping(named(a, "[heap]"), named(b, "[heap]"))
            problems += [f"{show(i, x)} ~ {show(j, y)}" for x, y in pairs]
    return problems


def check_layout(r, n, label):
    pids = variant_pids(r.pid)
    if len(pids) != n:
        raise Fail(f"{label}: {len(pids)} variants found, not {n}: {pids}")
    problems = layout_problems([read_maps(p) for p in pids])
    if problems:
        shown = "; ".join(problems[:3])
        more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        raise Fail(f"{label}: {len(problems)} overlaps: {shown}{more}",
                   problems)


def run_layout(n=None, norand=False, inspect=lambda r, label: None):
    """layout through both of its stops, calling INSPECT at each."""
    with start(command([program("layout")], n, norand)) as r:
        for label in ("ready1", "ready2"):
            r.wait_line(label)
            inspect(r, label)
            r.send(b"\n")
        res = r.finish()
    if res.rc != 0 or res.out != b"ready1\nready2\n":
        fail(f"{describe_status(res.rc)}, stdout {res.out[:60]!r}", res)


@once
def prove_layout_native():
    run_layout()


def case_layout_native():
    prove_layout_native()


def case_layout(n, norand):
    prove_layout_native()
    run_layout(n, norand, lambda r, label: check_layout(r, n, label))


# ------------------------------------------------------------- sanitizers

def run_heap(exes, number):
    """The heap program: natively if EXES has one entry, else under mvee
    with one --variant per entry."""
    argv = [exes[0]] if len(exes) == 1 else command(exes[:1], exes=exes)
    return run(argv, f"{number}\n".encode(), SANITIZER_ENV)


@once
def heap_good_native():
    """All three builds print the same for a good input; the reference."""
    results = {b: run_heap([program(b)], 16)
               for b in ("heap-plain", "heap-asan", "heap-ubsan")}
    for build, res in results.items():
        if res.rc != 0 or res.out != b"wrote 16\n":
            fail(f"{build} with 16 natively: {describe_status(res.rc)}, "
                 f"stdout {res.out!r} (test broken)", res)
    return results["heap-plain"]


@once
def prove_asan_catches():
    res = run_heap([program("heap-asan")], 64)
    if "heap-buffer-overflow" not in res.err or res.rc == 0:
        fail("heap-asan with 64 natively reports no heap-buffer-overflow "
             "(test broken)", res)


def sanitizer_split():
    return [program("heap-asan"), program("heap-ubsan")]


@once
def sanitizer_good():
    native = heap_good_native()
    expect_same(run_heap(sanitizer_split(), 16), native)


def case_sanitizer_good():
    sanitizer_good()


def case_sanitizer_bad():
    prove_asan_catches()
    try:  # else a divergence at start-up would pass for a detection
        sanitizer_good()
    except Fail as e:
        raise Fail("the split fails on good input already: " + e.why,
                   e.details)
    expect_divergence(run_heap(sanitizer_split(), 64), forbidden=(b"wrote",))


def case_heap_same_build(build, n):
    """Control: one build for every variant, good input."""
    native = heap_good_native()
    exe = program(build)
    expect_same(run_heap([exe] * n, 16), native)


# ------------------------------------------------------------- the cases

def aslr_modes():
    return (("aslr", False), ("norand", True))


def all_cases():
    """(name, function) of every case, in the order they run."""
    cases = [("smash/static/native-norand", case_smash_static_native)]
    for mode, norand in aslr_modes():
        cases += [(f"smash/static/{mode}/n{n}",
                   lambda n=n, nr=norand: case_smash_static_mvee(n, nr))
                  for n in VARIANT_COUNTS]
    cases.append(("smash/adaptive/native", case_smash_adaptive_native))
    for mode, norand in aslr_modes():
        cases += [(f"smash/adaptive/{mode}/n{n}/v{k}",
                   lambda n=n, k=k, nr=norand:
                   case_smash_adaptive_mvee(n, k, nr))
                  for n in VARIANT_COUNTS for k in range(n)]
    for mode, norand in aslr_modes():
        cases += [(f"smash/benign/{mode}/n{n}",
                   lambda n=n, nr=norand: case_smash_benign(n, nr))
                  for n in VARIANT_COUNTS]

    cases.append(("leak/native", case_leak_native))
    for mode, norand in aslr_modes():
        cases += [(f"leak/attack/{mode}/n{n}",
                   lambda n=n, nr=norand: case_leak_attack(n, nr))
                  for n in VARIANT_COUNTS]
    for mode, norand in aslr_modes():
        cases += [(f"leak/benign/{mode}/n{n}",
                   lambda n=n, nr=norand: case_leak_benign(n, nr))
                  for n in VARIANT_COUNTS]

    cases.append(("layout/native", case_layout_native))
    for mode, norand in aslr_modes():
        cases += [(f"layout/{mode}/n{n}",
                   lambda n=n, nr=norand: case_layout(n, nr))
                  for n in LAYOUT_VARIANT_COUNTS]

    cases += [("sanitizer/good-16", case_sanitizer_good),
              ("sanitizer/bad-64", case_sanitizer_bad),
              ("heap/plain-only/n2",
               lambda: case_heap_same_build("heap-plain", 2)),
              # not the ASan build alone: its shadow mappings have
              # lengths that depend on the layout (README, Limitations)
              ("heap/ubsan-only/n2",
               lambda: case_heap_same_build("heap-ubsan", 2))]
    return cases


def run_case(name, fn, verbose):
    try:
        fn()
    except Fail as e:
        print(f"FAIL {name} ({e.why})", flush=True)
        if verbose:
            for line in e.details:
                print("    " + line)
        return False
    print(f"PASS {name}", flush=True)
    return True


def main():
    global SCRATCH
    ap = argparse.ArgumentParser(
        prog="tests/attacks/run.sh",
        description="mvee's attack tests (see tests/attacks/attacks.py)")
    ap.add_argument("-k", metavar="PATTERN", help="run matching cases only")
    ap.add_argument("-l", action="store_true", help="list the cases")
    ap.add_argument("-v", action="store_true", help="details of failures")
    args = ap.parse_args()

    cases = [(name, fn) for name, fn in all_cases()
             if not args.k or re.search(args.k, name)]
    if args.l:
        print("\n".join(name for name, _ in cases))
        return 0
    if not os.access(MVEE, os.X_OK):
        print(f"run.sh: {MVEE} not found or not executable (run make, "
              "or set MVEE)", file=sys.stderr)
        return 2

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    SCRATCH = Scratch()
    passed = failed = 0
    try:
        for name, fn in cases:
            if run_case(name, fn, args.v):
                passed += 1
            else:
                failed += 1
    finally:
        SCRATCH.remove()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(130))
    sys.exit(main())

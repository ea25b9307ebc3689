#!/usr/bin/env python3
"""table.py - the results table of bench/run.sh: medians and ratios.

  table.py RUNS_TSV RESULTS_MD RESULTS_TSV "VARIANTS" "ABOUT"

RUNS_TSV has one line per run and figure, as bench/run.sh records it:
  workload label unit mode run result latency_ms why
unit is "s" (batch: result is the wall time) or "req/s" (servers: result
is the throughput, latency_ms the p50 latency of that run); mode is
"native" or "mvee-N"; result is a number, "timeout" or "FAIL". A line
whose label is "*" is about every figure of that workload and mode (a
server that did not start or stop).

Writes RESULTS_TSV (one line per figure and mode: the medians and the
ratio to native), RESULTS_MD (the Markdown table, with ABOUT above it and
the reasons for every FAIL/timeout below it) and prints the Markdown to
stdout. A figure with any failed run shows as FAIL or timeout, not as a
median of the runs that went well.
"""
import statistics
import sys

FIELDS = ["workload", "label", "unit", "mode", "run", "result",
          "latency_ms", "why"]


def num(v):
    """a figure with about 3 significant digits, no exponent"""
    if v >= 100:
        return "%.0f" % v
    if v >= 10:
        return "%.1f" % v
    if v >= 1:
        return "%.2f" % v
    return "%.3g" % v


def ratio(v):
    return ("%.2f" % v if v < 10 else "%.1f" % v if v < 100
            else "%.0f" % v) + "x"


def load(path):
    with open(path) as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    return [dict(zip(FIELDS, row)) for row in rows
            if len(row) == len(FIELDS) and row[0] != "workload"]


def figures(runs):
    """[(workload, label, unit)] in the order the runs came"""
    seen = {}
    for r in runs:
        if r["label"] != "*":
            seen.setdefault((r["workload"], r["label"]), r["unit"])
    for r in runs:   # workloads that never produced a figure: one row
        if r["label"] == "*" and not any(w == r["workload"] for w, _ in seen):
            seen.setdefault((r["workload"], ""), r["unit"])
    return [(w, l, u) for (w, l), u in seen.items()]


def cell(runs, workload, label, mode):
    """(status, median, median latency, number of runs, why) or None"""
    mine = [r for r in runs if r["workload"] == workload and
            r["mode"] == mode and r["label"] in (label, "*")]
    if not mine:
        return None
    bad = [r for r in mine if r["result"] in ("FAIL", "timeout")]
    if bad:   # the first failure's status, and every reason given
        whys = []
        for r in bad:
            if r["why"] and r["why"] not in whys:
                whys.append(r["why"])
        return (bad[0]["result"], None, None, len(mine), "; ".join(whys))
    values = [float(r["result"]) for r in mine]
    lats = [float(r["latency_ms"]) for r in mine if r["latency_ms"]]
    return ("ok", statistics.median(values),
            statistics.median(lats) if lats else None, len(mine), "")


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__.strip())
    runs_tsv, out_md, out_tsv, variants, about = sys.argv[1:]
    runs = load(runs_tsv)
    modes = ["mvee-%s" % n for n in variants.split()]

    head = ["workload", "unit", "native"]
    for m in modes:
        n = m.split("-")[1]
        head += ["mvee -n %s" % n, "ratio -n %s" % n]
    md = [about, "",
          "Each figure is the median of the runs. Ratio: for times (s), "
          "mvee time / native time (above 1: mvee is slower); for servers "
          "(req/s), mvee throughput / native throughput (below 1: mvee is "
          "slower). Server figures are requests/s with the median p50 "
          "latency in brackets. - : not run.", "",
          "| " + " | ".join(head) + " |",
          "|" + "---|" * len(head)]
    tsv = [["workload", "unit", "mode", "runs", "status", "median",
            "latency_ms", "ratio"]]
    trouble = []

    for workload, label, unit in figures(runs):
        name = workload + (" " + label if label else "")
        native = cell(runs, workload, label, "native")
        row = [name, unit + (" (p50 ms)" if unit == "req/s" else "")]
        for mode in ["native"] + modes:
            c = cell(runs, workload, label, mode)
            if c is None:
                row += ["-"] if mode == "native" else ["-", "-"]
                continue
            status, med, lat, count, why = c
            r = None
            if status == "ok":
                text = num(med) + (" (%s)" % num(lat) if lat is not None
                                   else "")
                if mode != "native" and native and native[0] == "ok" \
                        and native[1] > 0:
                    r = med / native[1]
            else:
                text = status
                trouble.append("- %s, %s: %s: %s" % (name, mode, status, why))
            row += [text] if mode == "native" else \
                [text, ratio(r) if r is not None else "-"]
            tsv.append([name, unit, mode, str(count), status,
                        "%.6g" % med if med is not None else "",
                        "%.6g" % lat if lat is not None else "",
                        "%.4g" % r if r is not None else ""])
        md.append("| " + " | ".join(row) + " |")

    if trouble:
        md += ["", "Failures and timeouts (logs in build/bench/logs/):"]
        md += trouble
    text = "\n".join(md) + "\n"
    with open(out_md, "w") as f:
        f.write(text)
    with open(out_tsv, "w") as f:
        f.write("".join("\t".join(r) + "\n" for r in tsv))
    sys.stdout.write(text)


if __name__ == "__main__":
    main()

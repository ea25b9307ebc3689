#!/usr/bin/env python3
"""gen.py - the inputs of the benchmarks (bench/run.sh), on stdout.

  gen.py text BYTES     prose-like text: words of a made-up vocabulary drawn
                        with a Zipf-like frequency, in sentences of 4..16
                        words; compresses about as well as English text
  gen.py numbers COUNT  COUNT integers in 0..10^9, one a line (for sort -n)
  gen.py sql ROWS       one SQLite transaction that creates table t and
                        inserts ROWS rows one statement each, then prints
                        count(*)|sum(id), i.e. ROWS|ROWS*(ROWS+1)/2

The output depends only on the arguments: every generator draws from its
own random.Random with a fixed seed, so inputs are the same on every
machine and every run.
"""
import itertools
import random
import sys

SEED = 20261124


def text(size):
    r = random.Random(SEED)
    syllables = ["ka", "to", "ri", "me", "su", "na", "lo", "pe", "di", "ba",
                 "xu", "en", "or", "al", "it", "un", "mo", "ve", "sa", "th"]
    vocab = ["".join(r.choices(syllables, k=r.randint(1, 4)))
             for _ in range(20000)]
    cum = list(itertools.accumulate(1 / (i + 1) for i in range(len(vocab))))
    out, done = [], 0
    while done < size:
        words = r.choices(vocab, cum_weights=cum, k=r.randint(4, 16))
        line = " ".join(words).capitalize() + ".\n"
        out.append(line)
        done += len(line)
    sys.stdout.write("".join(out)[:size])


def numbers(count):
    r = random.Random(SEED)
    sys.stdout.write("".join("%d\n" % r.randrange(10**9)
                             for _ in range(count)))


def sql(rows):
    r = random.Random(SEED)
    out = ["BEGIN;\n",
           "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, value REAL);\n"]
    out += ["INSERT INTO t VALUES(%d, 'name-%08x', %.6f);\n"
            % (i, r.getrandbits(32), r.random()) for i in range(1, rows + 1)]
    out += ["COMMIT;\n", "SELECT count(*), sum(id) FROM t;\n"]
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    gens = {"text": text, "numbers": numbers, "sql": sql}
    if len(sys.argv) != 3 or sys.argv[1] not in gens:
        sys.exit(__doc__.strip())
    gens[sys.argv[1]](int(sys.argv[2]))

#!/usr/bin/env python3
"""The audit of DisclosureBenchmark's protected table by HiGHS, the yardstick of issue 12.

Runs this library's audit (org.tipmonitor.benchmarks.DisclosureLps: protect and audit, timed in the JVM after warm-up)
and then solves the same audit with HiGHS through scipy: for every withheld cell s of the published 2-way table with
margins, min and max x_s subject to, for every line (a margin and its cells along one dimension), margin = sum of cells,
published cells fixed, x >= 0 -- two linear programs per withheld cell, built here from the published table alone (an
independent implementation of the constraints). It prints both times and checks that the integer intervals agree.

    mvn -B -q -Pbenchmarks -DskipTests -pl benchmarks -am package
    python3 benchmarks/highs-audit.py [categories] [total] [repetitions]   # defaults 100 6000 5

Needs Python 3 with numpy and scipy (HiGHS is scipy.optimize.linprog's default method since scipy 1.9). Exits 1 if an
interval differs. The times are wall-clock and include each side's program building; HiGHS solves every program,
the library skips those whose optimum it already knows (FeasibleIntervals).
"""
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import linprog
from scipy.sparse import csr_matrix

ROOT = Path(__file__).resolve().parent.parent
JAR = ROOT / "benchmarks" / "target" / "benchmarks.jar"


def java_side(categories, total, repetitions):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "audit.json"
        subprocess.run(["java", "-cp", str(JAR), "org.tipmonitor.benchmarks.DisclosureLps", str(out),
                        str(categories), str(total), str(repetitions)], check=True)
        return json.loads(out.read_text())


def audit_problem(data):
    """Equality rows A x = b over the withheld cells, from the published extended table."""
    rows, cols = data["shape"]
    value = {(a, b): v for a, b, v in data["cells"]}
    withheld = [cell for cell, v in value.items() if v is None]
    var = {cell: k for k, cell in enumerate(withheld)}
    lines = []
    for a in list(range(rows)) + [-1]:
        lines.append(((a, -1), [(a, b) for b in range(cols)]))          # row margin = sum over forms
    for b in list(range(cols)) + [-1]:
        lines.append(((-1, b), [(a, b) for a in range(rows)]))          # column margin = sum over nationalities
    data_, ri, ci, rhs = [], [], [], []
    for margin, children in lines:
        coeffs = {}
        constant = 0.0
        for cell, sign in [(margin, -1.0)] + [(c, 1.0) for c in children]:
            if cell in var:
                coeffs[var[cell]] = coeffs.get(var[cell], 0.0) + sign
            else:
                constant += sign * value[cell]
        if coeffs:
            r = len(rhs)
            for k, c in coeffs.items():
                data_.append(c)
                ri.append(r)
                ci.append(k)
            rhs.append(-constant)
    a_eq = csr_matrix((data_, (ri, ci)), shape=(len(rhs), len(withheld)))
    return withheld, a_eq, np.array(rhs)


def highs_audit(withheld, a_eq, b_eq):
    n = len(withheld)
    bounds = [(0, None)] * n
    intervals = {}
    for k, cell in enumerate(withheld):
        c = np.zeros(n)
        c[k] = 1.0
        lo = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        hi = linprog(-c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        if lo.status != 0 or hi.status not in (0, 3):
            raise SystemExit(f"HiGHS failed on cell {cell}: {lo.message} / {hi.message}")
        upper = None if hi.status == 3 else int(np.floor(-hi.fun + 1e-6))
        intervals[cell] = (max(0, int(np.ceil(lo.fun - 1e-6))), upper)
    return intervals


def main():
    categories, total, repetitions = (int(x) for x in (sys.argv[1:] + ["100", "6000", "5"][len(sys.argv) - 1:])[:3])
    data = java_side(categories, total, repetitions)
    withheld, a_eq, b_eq = audit_problem(data)
    times = []
    for _ in range(repetitions):
        t0 = time.perf_counter()
        intervals = highs_audit(withheld, a_eq, b_eq)
        times.append((time.perf_counter() - t0) * 1000)
    mismatches = 0
    for a, b, lo, hi in data["intervals"]:
        if intervals[(a, b)] != (lo, hi):
            mismatches += 1
            print(f"cell ({a},{b}): library [{lo}, {hi}], HiGHS {list(intervals[(a, b)])}")
    print(f"table {categories} x {data['shape'][1]}, {len(withheld)} withheld cells, margin {data['margin']}, "
          f"{2 * len(withheld)} LPs for HiGHS (scipy {scipy.__version__})")
    print(f"library protect  median {statistics.median(data['javaProtectMillis']):8.0f} ms")
    print(f"library audit    median {statistics.median(data['javaAuditMillis']):8.0f} ms")
    print(f"HiGHS audit      median {statistics.median(times):8.0f} ms  (min {min(times):.0f}, max {max(times):.0f})")
    print(f"intervals: {len(data['intervals']) - mismatches} of {len(data['intervals'])} agree")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())

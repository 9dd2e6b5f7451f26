#!/usr/bin/env python3
"""The audit of LinkedDisclosureBenchmark's protected linked set by HiGHS, issue 12's yardstick for linked sets.

Runs this library's protection and audits in one JVM (org.tipmonitor.benchmarks.LinkedDisclosureLps, timed after
warm-up runs), then solves the same audit with HiGHS: for every withheld cell s of the three published tables,
min and max x_s subject to, per table, every line of its extended table (a margin equals the sum of its cells, along
each dimension, the total included), every link the set declares (total = sum of parts: the shared nationality
margins and grand totals), published cells fixed and x >= 0 -- two linear programs per withheld cell, built here from
the published tables and the declared links alone (an independent implementation of the constraints). It prints the
times and checks that the integer intervals equal the library's plain audit (the exact interval of every cell).

HiGHS is run two ways, both through the HiGHS that scipy bundles (scipy >= 1.9):
  cold  scipy.optimize.linprog(method="highs") per program (the public API; every call presolves and solves anew);
  warm  one HiGHS model for the whole audit, only the objective changed between programs, presolve off, so every
        solve starts from the previous optimal basis (scipy's private binding scipy.optimize._highspy._core._Highs,
        the way a serious audit would drive HiGHS; its interface may change between scipy versions).

    mvn -B -q -Pbenchmarks -DskipTests -pl benchmarks -am package
    python3 benchmarks/highs-linked-audit.py [rows] [total] [warmups] [modes]   # defaults 50 2000 1 warm,cold

Needs Python 3 with numpy and scipy. Exits 1 if an interval differs. Times are wall-clock, each side's program
building included; HiGHS solves every program, the library skips those whose optimum it already knows.
"""
import json
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
TOLERANCE = 1e-6


def java_side(rows, total, warmups):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "linked.json"
        subprocess.run(["java", "-cp", str(JAR), "org.tipmonitor.benchmarks.LinkedDisclosureLps", str(out),
                        str(rows), str(total), str(warmups)], check=True)
        return json.loads(out.read_text())


def audit_problem(data):
    """Equality rows A x = b over the withheld cells of every table, from the published tables and the links."""
    value = {}
    shapes = {}
    for table in data["tables"]:
        shapes[table["name"]] = table["shape"]
        for a, b, v in table["cells"]:
            value[(table["name"], a, b)] = v
    withheld = [cell for cell, v in value.items() if v is None]
    var = {cell: k for k, cell in enumerate(withheld)}
    equations = []                                   # (total cell, [part cells])
    for name, (rows, cols) in shapes.items():
        for a in list(range(rows)) + [-1]:
            equations.append(((name, a, -1), [(name, a, b) for b in range(cols)]))
        for b in list(range(cols)) + [-1]:
            equations.append(((name, -1, b), [(name, a, b) for a in range(rows)]))
    for total, parts in data["links"]:
        equations.append((tuple(total), [tuple(p) for p in parts]))
    data_, ri, ci, rhs = [], [], [], []
    for total, parts in equations:
        coeffs = {}
        constant = 0.0
        for cell, sign in [(total, -1.0)] + [(p, 1.0) for p in parts]:
            if cell in var:
                coeffs[var[cell]] = coeffs.get(var[cell], 0.0) + sign
            else:
                constant += sign * value[cell]
        coeffs = {k: c for k, c in coeffs.items() if c != 0.0}
        if coeffs:
            r = len(rhs)
            for k, c in coeffs.items():
                data_.append(c)
                ri.append(r)
                ci.append(k)
            rhs.append(-constant)
        elif abs(constant) > TOLERANCE:
            raise SystemExit(f"published values contradict the line of {total}")
    a_eq = csr_matrix((data_, (ri, ci)), shape=(len(rhs), len(withheld)))
    return withheld, a_eq, np.array(rhs)


def interval(lo, hi):
    """Integer interval from the LP optima (hi None when unbounded)."""
    upper = None if hi is None else int(np.floor(hi + TOLERANCE))
    return max(0, int(np.ceil(lo - TOLERANCE))), upper


def cold_audit(withheld, a_eq, b_eq):
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
        intervals[cell] = interval(lo.fun, None if hi.status == 3 else -hi.fun)
    return intervals


def warm_audit(withheld, a_eq, b_eq):
    from scipy.optimize._highspy import _core
    n = len(withheld)
    h = _core._Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("presolve", "off")
    inf = h.getInfinity()
    h.addVars(n, np.zeros(n), np.full(n, inf))
    a = a_eq.tocsr()
    h.addRows(a.shape[0], b_eq.astype(np.float64), b_eq.astype(np.float64), a.nnz, a.indptr[:-1].astype(np.int32),
              a.indices.astype(np.int32), a.data.astype(np.float64))
    everything = np.arange(n, dtype=np.int32)
    intervals = {}
    previous = None
    optimal = _core.HighsModelStatus.kOptimal
    unbounded = (_core.HighsModelStatus.kUnbounded, _core.HighsModelStatus.kUnboundedOrInfeasible)
    h.changeColsCost(n, everything, np.zeros(n))
    for k, cell in enumerate(withheld):
        bounds = []
        for sign in (1.0, -1.0):
            if previous is not None:
                h.changeColsCost(1, np.array([previous], dtype=np.int32), np.zeros(1))
            h.changeColsCost(1, np.array([k], dtype=np.int32), np.array([sign]))
            previous = k
            h.run()
            status = h.getModelStatus()
            if status == optimal:
                bounds.append(sign * h.getObjectiveValue())
            elif sign < 0 and status in unbounded:
                bounds.append(None)
            else:
                raise SystemExit(f"HiGHS failed on cell {cell}: {h.modelStatusToString(status)}")
        intervals[cell] = interval(bounds[0], bounds[1])
    return intervals


def main():
    args = sys.argv[1:]
    rows = int(args[0]) if len(args) > 0 else 50
    total = int(args[1]) if len(args) > 1 else 2000
    warmups = int(args[2]) if len(args) > 2 else 1
    modes = (args[3] if len(args) > 3 else "warm,cold").split(",")
    data = java_side(rows, total, warmups)
    t0 = time.perf_counter()
    withheld, a_eq, b_eq = audit_problem(data)
    build = (time.perf_counter() - t0) * 1000
    library = {(t, a, b): (lo, hi) for t, a, b, lo, hi in data["intervals"]}
    cells = sum(len(t["cells"]) for t in data["tables"])
    print(f"linked set 3 x {rows} x 10, {total} registrations: {cells} cells with margins, {len(withheld)} withheld, "
          f"{a_eq.shape[0]} equations, margin {data['margin']}, {2 * len(withheld)} LPs for HiGHS "
          f"(scipy {scipy.__version__})")
    print(f"library protect                {data['javaProtectMillis']:9.0f} ms")
    print(f"library audit (exact intervals){data['javaAuditMillis']:9.0f} ms")
    print(f"library audit with the source  {data['javaAuditWithSourceMillis']:9.0f} ms")
    failed = 0
    for mode in modes:
        t0 = time.perf_counter()
        intervals = (warm_audit if mode == "warm" else cold_audit)(withheld, a_eq, b_eq)
        millis = (time.perf_counter() - t0) * 1000 + build
        mismatches = [cell for cell in withheld if intervals[cell] != library[cell]]
        for cell in mismatches[:10]:
            print(f"  cell {cell}: library {list(library[cell])}, HiGHS {list(intervals[cell])}")
        exposed = sum(1 for lo, hi in intervals.values() if hi is not None and hi - lo < data["margin"])
        print(f"HiGHS audit ({mode:4})              {millis:9.0f} ms; intervals: "
              f"{len(withheld) - len(mismatches)} of {len(withheld)} agree; {exposed} narrower than the margin")
        failed += len(mismatches)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

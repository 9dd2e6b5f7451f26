"""Independent reference for ControlledRoundingTest: controlled rounding of a 3 x 3 count table with margins.

Cox (1987), JASA 82, 520-524: every cell, margin and the total is rounded to an adjacent multiple of the base b
(multiples stay), and the rounded table is additive. Objective: minimise the total absolute rounding distance
sum |r - v| over the interior cells, the margins and the total.

Two independent checks: (1) scipy.optimize.linprog (HiGHS) on the LP over the round-up indicators u in [0, 1];
(2) brute force over every 0/1 choice of u, keeping the additive ones, which also shows whether the optimum is unique.

Run: python3 monitor-indicators/src/test/python/controlled_rounding.py
"""
import itertools

import numpy as np
from scipy.optimize import linprog

B = 5
CELLS = np.array([[3, 7, 12],
                  [0, 6, 14],
                  [9, 1, 5]])


def extended(t):
    rows, cols = t.shape
    e = np.zeros((rows + 1, cols + 1), dtype=int)
    e[:rows, :cols] = t
    e[:rows, cols] = t.sum(axis=1)
    e[rows, :cols] = t.sum(axis=0)
    e[rows, cols] = t.sum()
    return e


def additive(e):
    rows, cols = e.shape[0] - 1, e.shape[1] - 1
    return (all(e[i, :cols].sum() == e[i, cols] for i in range(rows + 1))
            and all(e[:rows, j].sum() == e[rows, j] for j in range(cols + 1)))


E = extended(CELLS)
flat = E.flatten()
free = [k for k in range(flat.size) if flat[k] % B != 0]
floor = (flat // B) * B
res = flat % B

# (1) the LP: rounded = floor + B * u; lines: sum of children - margin = 0
rows, cols = E.shape
lines = []
for i in range(rows):
    lines.append([(i * cols + j, 1) for j in range(cols - 1)] + [(i * cols + cols - 1, -1)])
for j in range(cols):
    lines.append([(i * cols + j, 1) for i in range(rows - 1)] + [((rows - 1) * cols + j, -1)])
A = np.zeros((len(lines), len(free)))
b = np.zeros(len(lines))
for r, line in enumerate(lines):
    for k, a in line:
        b[r] -= a * floor[k]
        if k in free:
            A[r, free.index(k)] += a * B
c = np.array([B - 2 * res[k] for k in free], dtype=float)
lp = linprog(c, A_eq=A, b_eq=b, bounds=[(0, 1)] * len(free), method="highs")
u = lp.x
rounded = floor.copy()
for n, k in enumerate(free):
    rounded[k] += B * round(u[n])
print("linprog status", lp.status, "max |u - round(u)|", np.max(np.abs(u - np.round(u))))
print("LP rounding:\n", rounded.reshape(E.shape))
print("LP distance", int(np.abs(rounded - flat).sum()))

# (2) brute force
best = None
optima = []
for bits in itertools.product((0, 1), repeat=len(free)):
    cand = floor.copy()
    for n, k in enumerate(free):
        cand[k] += B * bits[n]
    if additive(cand.reshape(E.shape)):
        d = int(np.abs(cand - flat).sum())
        if best is None or d < best:
            best, optima = d, [cand]
        elif d == best:
            optima.append(cand)
print("brute force: optimal distance", best, "number of optimal roundings", len(optima))
print("brute force rounding equals LP rounding:", np.array_equal(optima[0], rounded))

# (3) the audit: an intruder's bounds on each true value x given the published rounded table R, the line constraints
# and max(0, R - B + 1) <= x <= R + B - 1
lo = np.maximum(0, rounded - B + 1)
hi = rounded + B - 1
A_lines = np.zeros((len(lines), flat.size))
for r, line in enumerate(lines):
    for k, a in line:
        A_lines[r, k] = a
print("audit intervals [min, max] in row-major order of the extended table (margins last in each row):")
widths = []
for k in range(flat.size):
    e = np.zeros(flat.size)
    e[k] = 1
    mn = linprog(e, A_eq=A_lines, b_eq=np.zeros(len(lines)), bounds=list(zip(lo, hi)), method="highs").fun
    mx = -linprog(-e, A_eq=A_lines, b_eq=np.zeros(len(lines)), bounds=list(zip(lo, hi)), method="highs").fun
    widths.append((int(round(mn)), int(round(mx))))
print(np.array(widths).reshape(E.shape[0], E.shape[1], 2).tolist())

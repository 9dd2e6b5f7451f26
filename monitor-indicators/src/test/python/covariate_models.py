# Independent reference values for the lists x covariates models of JointEstimator (tipmonitor), on two small
# tables written here from a seeded Poisson draw. The design is built from scratch (treatment contrasts, first
# level as reference) and the Poisson log-likelihood over the observable cells is maximised directly with
# scipy.optimize.minimize(method='trust-exact') and its exact gradient and Hessian, then polished by Newton steps
# -- not by IRLS and not from margins, so it checks JointEstimator's fit independently.
# Run: python3 monitor-indicators/src/test/python/covariate_models.py (numpy 2.4.6, scipy 1.17.1); it (re)writes
# the two CSV tables beside JointEstimatorTest and prints the reference values that the test pins.
import csv, itertools, math, os

import numpy as np
import scipy.optimize as so

OUT = os.path.join(os.path.dirname(__file__), '..', 'resources', 'org', 'tipmonitor', 'indicators', 'estimation',
                   'covariates')
LISTS = ['A', 'B', 'C']
COVS = {'g': ['x', 'y'], 'year': ['2014', '2015', '2016']}

def cells():
    for gi, _ in enumerate(COVS['g']):
        for yi, _ in enumerate(COVS['year']):
            for h in itertools.product((0, 1), repeat=3):
                yield gi, yi, h

def columns(gi, yi, h, terms):
    # terms: list of (lists tuple, covariates tuple); treatment contrasts with the first level as reference.
    row = [1.0]
    for ls, cs in terms:
        levels = {'g': gi, 'year': yi}
        on = all(h[LISTS.index(l)] == 1 for l in ls)
        combos = list(itertools.product(*[range(1, len(COVS[c])) for c in cs])) if cs else [()]
        for combo in combos:
            ok = on and all(levels[c] == v for c, v in zip(cs, combo))
            row.append(1.0 if ok else 0.0)
    return row

def write(name, counts):
    with open(os.path.join(OUT, name), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(LISTS + ['g', 'year', 'count'])
        for (gi, yi, h), c in counts.items():
            if sum(h) > 0 and c > 0:
                w.writerow(list(h) + [COVS['g'][gi], COVS['year'][yi], int(c)])

def fit(counts, terms):
    X, y, X0, keys0 = [], [], [], []
    for gi, yi, h in cells():
        if sum(h) == 0:
            X0.append(columns(gi, yi, h, terms)); keys0.append((gi, yi))
        else:
            X.append(columns(gi, yi, h, terms)); y.append(counts.get((gi, yi, h), 0.0))
    X, y, X0 = np.array(X), np.array(y, dtype=float), np.array(X0)
    def nll(b): eta = X @ b; return np.sum(np.exp(eta)) - y @ eta
    def grad(b): return X.T @ (np.exp(X @ b) - y)
    def hess(b): return X.T @ (np.exp(X @ b)[:, None] * X)
    b = np.linalg.lstsq(X, np.log(y + 0.5), rcond=None)[0]
    r = so.minimize(nll, b, jac=grad, hess=hess, method='trust-exact', options={'gtol': 1e-12, 'maxiter': 2000})
    b = r.x
    for _ in range(8):
        b = b - np.linalg.solve(hess(b), grad(b))
    mu = np.exp(X @ b)
    dev = 2 * np.sum(np.where(y > 0, y * np.log(np.where(y > 0, y, 1) / mu), 0) - (y - mu))
    u = np.exp(X0 @ b)
    V = np.linalg.inv(hess(b))
    return b, dev, dict(zip(keys0, u)), X0, V, y

def report(label, counts, terms):
    b, dev, u, X0, V, y = fit(counts, terms)
    n = {}
    for (gi, yi, h), c in counts.items():
        if sum(h) > 0:
            n[(gi, yi)] = n.get((gi, yi), 0) + c
    print(label)
    print('  deviance %.12g' % dev)
    print('  coefficients', ' '.join('%.12g' % v for v in b))
    total = sum(n.values()) + sum(u.values())
    print('  total N %.12g' % total)
    for gi, g in enumerate(COVS['g']):
        ng = sum(v for (a, _), v in n.items() if a == gi); ug = sum(v for (a, _), v in u.items() if a == gi)
        print('  g=%s N %.12g' % (g, ng + ug))
    for yi, yr in enumerate(COVS['year']):
        ny = sum(v for (_, a), v in n.items() if a == yi); uy = sum(v for (_, a), v in u.items() if a == yi)
        print('  year=%s N %.12g' % (yr, ny + uy))
    # Delta-method variance of the total unobserved count: g' V g with g = sum_c U_c x_0c.
    grad_u = sum(u[k] * X0[i] for i, k in enumerate(u))
    print('  var(U total) %.12g' % (grad_u @ V @ grad_u))

rng = np.random.default_rng(20261202)
truth = [('A',), ()], [('B',), ()], [('C',), ()]
beta = {'b0': 3.2, 'A': -0.4, 'B': -0.9, 'C': -1.3, 'g': -0.5, 'y1': 0.2, 'y2': -0.3, 'A:g': 0.6, 'B:y1': -0.4,
        'B:y2': 0.5, 'A:B': 0.7}
counts = {}
for gi, yi, h in cells():
    a, bb, c = h
    eta = (beta['b0'] + a * beta['A'] + bb * beta['B'] + c * beta['C'] + gi * beta['g']
           + (yi == 1) * beta['y1'] + (yi == 2) * beta['y2'] + a * gi * beta['A:g']
           + bb * ((yi == 1) * beta['B:y1'] + (yi == 2) * beta['B:y2']) + a * bb * beta['A:B'])
    counts[(gi, yi, h)] = float(rng.poisson(math.exp(eta))) if sum(h) > 0 else 0.0
write('three-lists-g-year.csv', counts)
model = [(('A',), ()), (('B',), ()), (('C',), ()), ((), ('g',)), ((), ('year',)), (('A', 'B'), ()),
         (('A',), ('g',)), (('B',), ('year',))]
report('three-lists-g-year.csv  A + B + C + g + year + A:B + A:g + B:year', counts, model)

# The same table with list C emptied in level y: the margin C x (g = y) is 0.
sparse = {k: (0.0 if (k[0] == 1 and k[2][2] == 1) else v) for k, v in counts.items()}
write('three-lists-g-year-c-empty-in-y.csv', sparse)
model2 = [(('A',), ()), (('B',), ()), (('C',), ()), ((), ('g',)), ((), ('year',)), (('A', 'B'), ()),
          (('A',), ('g',))]
# Without the C:g term the margin C x g=y is not a sufficient statistic: the MLE exists and is finite.
report('three-lists-g-year-c-empty-in-y.csv  A + B + C + g + year + A:B + A:g', sparse, model2)

# With the C:g term, the empty margin C x (g = y) is a sufficient statistic 0: the extended MLE fits those cells as
# 0, which is the ordinary MLE of the model on the other cells without the C:g[y] column.
def fit_without(counts, terms, drop_cell):
    X, y, X0, keys0 = [], [], [], []
    for gi, yi, h in cells():
        row = columns(gi, yi, h, terms)
        if sum(h) == 0:
            X0.append(row); keys0.append((gi, yi))
        elif not drop_cell(gi, yi, h):
            X.append(row); y.append(counts.get((gi, yi, h), 0.0))
    X, y, X0 = np.array(X), np.array(y, dtype=float), np.array(X0)
    keep = [j for j in range(X.shape[1]) if np.any(X[:, j] != 0)]
    X, X0 = X[:, keep], X0[:, keep]
    def nll(b): eta = X @ b; return np.sum(np.exp(eta)) - y @ eta
    def grad(b): return X.T @ (np.exp(X @ b) - y)
    def hess(b): return X.T @ (np.exp(X @ b)[:, None] * X)
    b = np.linalg.lstsq(X, np.log(y + 0.5), rcond=None)[0]
    b = so.minimize(nll, b, jac=grad, hess=hess, method='trust-exact', options={'gtol': 1e-12, 'maxiter': 2000}).x
    for _ in range(8):
        b = b - np.linalg.solve(hess(b), grad(b))
    mu = np.exp(X @ b)
    dev = 2 * np.sum(np.where(y > 0, y * np.log(np.where(y > 0, y, 1) / mu), 0) - (y - mu))
    u = dict(zip(keys0, np.exp(X0 @ b)))
    return dev, u

model3 = model2 + [(('C',), ('g',))]
dev3, u3 = fit_without(sparse, model3, lambda gi, yi, h: gi == 1 and h[2] == 1)
n3 = sum(v for (gi, yi, h), v in sparse.items() if sum(h) > 0)
print('three-lists-g-year-c-empty-in-y.csv  A + B + C + g + year + A:B + A:g + C:g (extended MLE)')
print('  deviance %.12g' % dev3)
print('  total N %.12g' % (n3 + sum(u3.values())))
for gi, g in enumerate(COVS['g']):
    ng = sum(v for (a, yi, h), v in sparse.items() if a == gi and sum(h) > 0)
    print('  g=%s N %.12g' % (g, ng + sum(v for (a, _), v in u3.items() if a == gi)))

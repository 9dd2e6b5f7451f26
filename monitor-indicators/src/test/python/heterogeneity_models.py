# Independent reference values for Rcapture's closedp.t heterogeneity models Mh/Mth Poisson2, Darroch and Gamma3.5
# on the Dutch table Ned (Silverman 2020, Table 2): the Poisson log-likelihood on all 2^6 - 1 observable cells is
# maximised directly with scipy.optimize.minimize(method='trust-exact') and its exact gradient and Hessian, then
# polished by Newton steps -- not by IRLS, so it checks ClosedPopulationModel's fit independently. N = n + exp(b0).
# Run: python3 monitor-indicators/src/test/python/heterogeneity_models.py (numpy 2.4.6, scipy 1.17.1).
import csv, itertools, math, os

import numpy as np
import scipy.optimize as so
rows = list(csv.reader(open(os.path.join(os.path.dirname(__file__), '..', 'resources', 'org', 'tipmonitor', 'indicators',
                            'estimation', 'Ned.csv'))))
header, data = rows[0], rows[1:]
k = len(header) - 1
counts = {tuple(int(v) for v in r[:k]): float(r[k]) for r in data}
cells, y = [], []
for h in itertools.product((0, 1), repeat=k):  # all 2^K - 1 observable cells, zeros included (as Rcapture)
    if sum(h) == 0: continue
    cells.append(list(h)); y.append(counts.get(h, 0.0))
y = np.array(y); H = np.array(cells, dtype=float); c = H.sum(axis=1)
n = y.sum()
f = {'poisson2': 2.0 ** c - 1, 'darroch': c * c / 2.0, 'gamma35': -np.log(3.5 + c) + math.log(3.5)}
def fit(X):
    def nll(b): eta = X @ b; return np.sum(np.exp(eta)) - y @ eta
    def grad(b): return X.T @ (np.exp(X @ b) - y)
    def hess(b): return X.T @ (np.exp(X @ b)[:, None] * X)
    b = np.linalg.lstsq(X, np.log(y + 0.5), rcond=None)[0]
    r = so.minimize(nll, b, jac=grad, hess=hess, method='trust-exact', options={'gtol': 1e-12, 'maxiter': 1000})
    b = r.x
    for _ in range(5):  # polish with exact Newton steps
        b = b - np.linalg.solve(hess(b), grad(b))
    mu = np.exp(X @ b)
    dev = 2 * np.sum(np.where(y > 0, y * np.log(np.where(y > 0, y, 1) / mu), 0) - (y - mu))
    return b, dev
one = np.ones(len(y))
for name, col in f.items():
    for kind, base in (('Mh', np.column_stack([one, c])), ('Mth', np.column_stack([one, H]))):
        X = np.column_stack([base, col])
        b, dev = fit(X)
        print(f"{kind} {name}: N = {n + math.exp(b[0]):.10f}  deviance = {dev:.10f}  df = {len(y) - X.shape[1]}  het = {b[-1]:.10f}")

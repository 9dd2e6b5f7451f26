import numpy as np
from statsmodels.duration.survfunc import SurvfuncRight
from scipy.stats import norm
t = np.array([30, 45, 45, 60, 90, 90, 90, 120, 150, 180, 200, 200, 365, 400, 400, 500, 730, 730, 800, 900])
e = np.array([1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 0])
sf = SurvfuncRight(t, e)
z = norm.ppf(0.975)
for tt, nr, ne, s, se in zip(sf.surv_times, sf.n_risk, sf.n_events, sf.surv_prob, sf.surv_prob_se):
    sigma = se / (s * abs(np.log(s)))
    lo = s ** np.exp(z * sigma); hi = s ** np.exp(-z * sigma)
    print(f"{{{int(tt)}, {int(nr)}, {int(ne)}, {s!r}, {se!r}, {lo!r}, {hi!r}}},")

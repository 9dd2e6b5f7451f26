package org.tipmonitor.indicators.estimation.internal;

import org.tipmonitor.indicators.estimation.DidNotConverge;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.EstimationOutcome;
import org.tipmonitor.indicators.estimation.NotEstimable;
import java.util.function.UnaryOperator;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.tipmonitor.indicators.Provenance;

/**
 * Package helpers on outcomes.
 */
public final class Outcomes {

    /** N(0, 1) without a random generator (commons-math's default seeds a Well19937c that nothing here uses). */
    public static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Outcomes() {
    }

    /**
     * The standard normal quantile &Phi;<sup>&minus;1</sup>(p).
     */
    public static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /**
     * The same outcome with its provenance transformed.
     */
    public static EstimationOutcome withProvenance(EstimationOutcome outcome, UnaryOperator<Provenance> f) {
        if (outcome instanceof Estimate e) {
            return new Estimate(e.method(), e.lists(), e.observed(), e.estimate(), e.standardError(), e.interval(),
                    e.fit(), e.warnings(), f.apply(e.provenance()));
        } else if (outcome instanceof NotEstimable n) {
            return new NotEstimable(n.method(), n.lists(), n.status(), n.offendingTerms(), n.infiniteTerms(),
                    n.reason(), f.apply(n.provenance()));
        } else {
            DidNotConverge d = (DidNotConverge) outcome;
            return new DidNotConverge(d.method(), d.lists(), d.iterations(), d.lastDeviance(),
                    f.apply(d.provenance()));
        }
    }
}

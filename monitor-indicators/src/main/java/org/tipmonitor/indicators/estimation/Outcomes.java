package org.tipmonitor.indicators.estimation;

import java.util.function.UnaryOperator;

import org.tipmonitor.indicators.Provenance;

/**
 * Package helpers on outcomes.
 */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * The same outcome with its provenance transformed.
     */
    static EstimationOutcome withProvenance(EstimationOutcome outcome, UnaryOperator<Provenance> f) {
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

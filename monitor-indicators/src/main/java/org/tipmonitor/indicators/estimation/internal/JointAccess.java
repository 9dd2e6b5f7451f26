package org.tipmonitor.indicators.estimation.internal;

import java.util.Objects;

import org.tipmonitor.indicators.estimation.fit.JointEstimator;
import org.tipmonitor.indicators.estimation.fit.JointFit;
import org.tipmonitor.indicators.estimation.fit.JointOutcome;

/**
 * The engine state of a joint fit, for the selection and bootstrap packages, which work on the design the public
 * API does not expose: the {@code fit} package registers the accessor when {@link JointFit} is initialised, so no
 * engine type appears in a public signature.
 */
public final class JointAccess {

    /** What the other estimation packages need from a fit and an estimator. */
    public interface Accessor {

        /**
         * @param fit a fit
         * @return its design (shared: do not modify)
         */
        JointDesign design(JointFit fit);

        /**
         * Fits a design, starting IRLS from the given means.
         *
         * @param estimator the estimator (its settings)
         * @param design    the design
         * @param start     starting means per row, or null
         * @return the outcome
         */
        JointOutcome fit(JointEstimator estimator, JointDesign design, double[] start);
    }

    private static volatile Accessor accessor;

    private JointAccess() {
    }

    /**
     * Registers the accessor (once, by {@link JointFit}'s initialiser).
     *
     * @param a the accessor
     */
    public static void register(Accessor a) {
        accessor = Objects.requireNonNull(a, "accessor");
    }

    /** @return the accessor, initialising {@link JointFit} first if needed */
    public static Accessor get() {
        Accessor a = accessor;
        if (a == null) {
            try {
                Class.forName(JointFit.class.getName(), true, JointFit.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = accessor;
        }
        return a;
    }
}

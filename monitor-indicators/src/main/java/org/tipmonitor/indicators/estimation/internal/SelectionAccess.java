package org.tipmonitor.indicators.estimation.internal;

import java.util.List;
import java.util.Objects;
import org.tipmonitor.indicators.estimation.model.LogLinearModel;
import org.tipmonitor.indicators.estimation.selection.ExhaustiveSearch;
import org.tipmonitor.indicators.estimation.selection.StepwiseSelection;

/**
 * The low-level entry points of model selection and of the model factory that the other estimation packages
 * (the bootstrap's replicate statistics, the search's ranking) need, kept out of the public API as
 * {@link JointAccess} keeps the joint fit's engine: the selection and model packages register their accessors
 * when {@link StepwiseSelection} and {@link LogLinearModel} are initialised. Not part of the API.
 */
public final class SelectionAccess {

    /** What the bootstrap needs from the selection package. */
    public interface Selections {

        /**
         * The estimate of the model stepwise selection selects on counts: what {@code select(table).outcome()}
         * gives as an estimate, without building the outcome.
         *
         * @param selection the selection (its settings)
         * @param k         the number of lists
         * @param counts    counts by mask
         * @return N&#770;, or NaN when the selected model has no estimate or nothing is observed
         */
        double selectedEstimate(StepwiseSelection selection, int k, long[] counts);

        /**
         * The estimate of the model with the smallest criterion among candidates on counts, on the calling thread.
         *
         * @param search     the search (its criterion and estimator)
         * @param k          the number of lists
         * @param counts     counts by mask
         * @param candidates interaction masks of each candidate model
         * @return N&#770;, or NaN when no candidate passes or nothing is observed
         */
        double bestEstimate(ExhaustiveSearch search, int k, long[] counts, List<int[]> candidates);

        /**
         * Every downward-closed set of interaction masks of order 2 to maxOrder on k lists, in enumeration order.
         *
         * @param k        the number of lists
         * @param maxOrder the highest interaction order
         * @return the catalogue
         */
        List<int[]> catalogue(int k, int maxOrder);
    }

    /** What the selection package needs from the model package. */
    public interface Models {

        /**
         * A model from interaction masks (list i is bit i), checked as a parsed formula is.
         *
         * @param lists            the list names
         * @param interactionMasks the interactions, each of two or more lists
         * @return the model
         * @throws org.tipmonitor.indicators.IndicatorException if a mask is out of range or of order below 2, or
         *                                                      the terms are not hierarchical
         */
        LogLinearModel ofMasks(List<String> lists, int[] interactionMasks);

        /**
         * A model from interaction masks that are already hierarchical, within range and in canonical term order
         * (the search's catalogue), without checks or copies.
         *
         * @param tableLists       the list names as the table returns them (not copied)
         * @param interactionMasks the masks (not copied)
         * @return the model
         */
        LogLinearModel ofCanonicalMasks(List<String> tableLists, int[] interactionMasks);
    }

    private static volatile Selections selections;
    private static volatile Models models;

    private SelectionAccess() {
    }

    /**
     * Registers the selection package's accessor (once, by {@link StepwiseSelection}'s initialiser).
     *
     * @param s the accessor
     */
    public static void register(Selections s) {
        selections = Objects.requireNonNull(s, "selections");
    }

    /**
     * Registers the model package's accessor (once, by {@link LogLinearModel}'s initialiser).
     *
     * @param m the accessor
     */
    public static void register(Models m) {
        models = Objects.requireNonNull(m, "models");
    }

    /** @return the selection package's accessor, initialising {@link StepwiseSelection} first if needed */
    public static Selections selections() {
        Selections s = selections;
        if (s == null) {
            initialise(StepwiseSelection.class);
            s = selections;
        }
        return s;
    }

    /** @return the model package's accessor, initialising {@link LogLinearModel} first if needed */
    public static Models models() {
        Models m = models;
        if (m == null) {
            initialise(LogLinearModel.class);
            m = models;
        }
        return m;
    }

    private static void initialise(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

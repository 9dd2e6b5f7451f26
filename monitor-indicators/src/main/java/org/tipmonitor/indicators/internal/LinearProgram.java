package org.tipmonitor.indicators.internal;

import java.util.Objects;
import java.util.Optional;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.linear.LinearSolver;

/**
 * A linear program over nonnegative real variables, min or max c'x subject to rows a'x {=, &le;, &ge;} b, x &ge; 0,
 * solved by ojAlgo's simplex ({@code org.ojalgo:ojalgo}, {@link LinearSolver#newBuilder()}). The one LP engine of
 * monitor-indicators: disclosure control (feasible intervals of withheld cells, secondary suppression, the audit) and
 * the existence test of log-linear estimation use it. No ojAlgo type appears in its signatures.
 *
 * <p>Why ojAlgo: it is maintained (a release every few months), pure Java (no native library to ship per platform),
 * and, measured by the benchmarks module's {@code DisclosureBenchmark} against the commons-math3 3.6.1
 * {@code SimplexSolver} it replaces (unmaintained since 2016, with a wrong optimum on some equality-only programs),
 * it protects and audits the 100 x 5 benchmark table well within the targets of issue 12 (README, "Performance").
 * OR-Tools' GLOP was not an option: {@code com.google.ortools:ortools-java} does not resolve in this build's
 * repositories.
 *
 * <p>The program keeps its constraints between solves; each {@link #minimum}/{@link #maximum} sets a new objective and
 * solves from scratch. ojAlgo's {@code ExpressionsBasedModel} is not used: its presolve changes the model's variable
 * bounds in place (after one solve of a variable in no row, it stays fixed at 0), so a model could not be reused
 * across objectives. Not thread-safe: build one per thread.
 */
public final class LinearProgram {

    /** How a row's left-hand side relates to its right-hand side. */
    public enum Relation {
        /** a'x = b. */
        EQUAL,
        /** a'x &le; b. */
        AT_MOST,
        /** a'x &ge; b. */
        AT_LEAST
    }

    /** Thrown when no x &ge; 0 satisfies the rows. */
    public static final class InfeasibleException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        InfeasibleException(String message) {
            super(message);
        }
    }

    static {
        // ojAlgo prints a notice about unknown hardware profiles to standard output when it first loads unless this
        // property is set; the property is set only while the class loads, and only if the caller has not set it.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
            try {
                Class.forName("org.ojalgo.OjAlgoUtils");
            } catch (ClassNotFoundException e) {
                throw new ExceptionInInitializerError(e);
            } finally {
                System.clearProperty("shut.up.ojAlgo");
            }
        }
    }

    private final LinearSolver.Builder builder = LinearSolver.newBuilder();
    private final int n;
    private double[] solution;

    /**
     * A program with no rows over n variables, each &ge; 0.
     *
     * @param n the number of variables, &ge; 0
     * @throws IllegalArgumentException if n &lt; 0
     */
    public LinearProgram(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Number of variables is negative: " + n);
        }
        this.n = n;
        // the builder learns the number of variables from the objective
        builder.objective(new double[n]);
    }

    /**
     * The number of variables.
     *
     * @return n
     */
    public int variables() {
        return n;
    }

    /**
     * Adds a dense row &Sigma;<sub>j</sub> a<sub>j</sub>x<sub>j</sub> (relation) b; zero coefficients are skipped.
     *
     * @param coefficients a, one per variable
     * @param relation     =, &le; or &ge;
     * @param rhs          b
     * @return this program
     * @throws IllegalArgumentException if a has the wrong length or a value is not finite
     */
    public LinearProgram addRow(double[] coefficients, Relation relation, double rhs) {
        if (coefficients.length != n) {
            throw new IllegalArgumentException("Row has " + coefficients.length + " coefficients for "
                    + n + " variables");
        }
        double[] a = new double[n];
        for (int j = 0; j < n; j++) {
            a[j] = finite(coefficients[j]);
        }
        add(a, relation, finite(rhs));
        return this;
    }

    /**
     * Adds a sparse row &Sigma;<sub>k</sub> a<sub>k</sub>x<sub>index[k]</sub> (relation) b.
     *
     * @param index        the variables with a coefficient
     * @param coefficients their coefficients, one per index
     * @param relation     =, &le; or &ge;
     * @param rhs          b
     * @return this program
     * @throws IllegalArgumentException if the arrays differ in length, an index is out of range or a value is not
     *         finite
     */
    public LinearProgram addSparseRow(int[] index, double[] coefficients, Relation relation, double rhs) {
        if (index.length != coefficients.length) {
            throw new IllegalArgumentException("Row has " + index.length + " indices and " + coefficients.length
                    + " coefficients");
        }
        double[] a = new double[n];
        for (int k = 0; k < index.length; k++) {
            a[Objects.checkIndex(index[k], n)] += finite(coefficients[k]);
        }
        add(a, relation, finite(rhs));
        return this;
    }

    private void add(double[] a, Relation relation, double b) {
        switch (Objects.requireNonNull(relation, "relation")) {
            case EQUAL -> builder.equality(b, a);
            case AT_MOST -> builder.inequality(b, a);
            case AT_LEAST -> {
                for (int j = 0; j < n; j++) {
                    a[j] = -a[j];
                }
                builder.inequality(-b, a);
            }
            default -> throw new AssertionError(relation);
        }
    }

    private static double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Coefficient or bound is not finite: " + value);
        }
        return value;
    }

    /**
     * min x<sub>j</sub>.
     *
     * @param j the variable
     * @return the minimum (&ge; 0)
     * @throws InfeasibleException if the rows admit no x &ge; 0
     */
    public double minimum(int j) {
        return solve(unit(j), false);
    }

    /**
     * max x<sub>j</sub>.
     *
     * @param j the variable
     * @return the maximum, or +&infin; if unbounded
     * @throws InfeasibleException if the rows admit no x &ge; 0
     */
    public double maximum(int j) {
        return solve(unit(j), true);
    }

    /**
     * max c'x.
     *
     * @param objective c, one per variable
     * @return the maximum, or +&infin; if unbounded
     * @throws InfeasibleException if the rows admit no x &ge; 0
     * @throws IllegalArgumentException if c has the wrong length
     */
    public double maximum(double[] objective) {
        if (objective.length != n) {
            throw new IllegalArgumentException("Objective has " + objective.length + " coefficients for "
                    + n + " variables");
        }
        return solve(objective, true);
    }

    /**
     * The optimal x of the last bounded solve: a feasible point, whose values callers may use as evidence of what
     * every variable can take (negative round-off is clipped to 0).
     *
     * @return a copy of x, or empty if nothing was solved or the last solve was unbounded
     */
    public Optional<double[]> lastSolution() {
        return Optional.ofNullable(solution).map(double[]::clone);
    }

    private double[] unit(int j) {
        Objects.checkIndex(j, n);
        double[] c = new double[n];
        c[j] = 1;
        return c;
    }

    private double solve(double[] objective, boolean maximise) {
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            c[j] = maximise ? -objective[j] : objective[j];
        }
        // ojAlgo's builder minimises c'x; x >= 0 is stated as a lower bound.
        Optimisation.Result result = builder.objective(c).lower(0).build().solve();
        Optimisation.State state = result.getState();
        solution = null;
        if (state == Optimisation.State.UNBOUNDED) {
            return maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        if (state == Optimisation.State.INFEASIBLE) {
            throw new InfeasibleException("Linear program has no feasible solution");
        }
        if (!state.isOptimal()) {
            throw new IllegalStateException("Linear program was not solved: " + state);
        }
        solution = new double[n];
        double value = 0;
        for (int j = 0; j < n; j++) {
            solution[j] = Math.max(0, result.doubleValue(j));
            value += objective[j] * solution[j];
        }
        return value;
    }
}

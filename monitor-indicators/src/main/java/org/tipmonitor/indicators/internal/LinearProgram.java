package org.tipmonitor.indicators.internal;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Objects;
import java.util.Optional;

/**
 * A linear program over nonnegative real variables, min or max c'x subject to rows a'x {=, &le;, &ge;} b, x &ge; 0,
 * solved by GLOP, the revised primal and dual simplex of Google's OR-Tools ({@code com.google.ortools:ortools-java},
 * through its {@code MPSolver} wrapper). The one LP engine of the disclosure control (feasible intervals of withheld
 * cells, secondary suppression, the audit, controlled rounding) and of the existence test of log-linear estimation. No
 * OR-Tools type appears in its signatures.
 *
 * <p>Why GLOP: it is maintained (OR-Tools releases every few months), and it keeps the program and its last optimal
 * basis between solves, so a new objective over the same rows starts from the previous optimum (a warm start; GLOP's
 * presolve is turned off so that the basis carries over). Measured (README, "Performance") on the exact program of a
 * linked set of three 1,000 x 10 tables (31,000 variables, 3,030 equations), one maximisation took about 0.14 s cold
 * and 0.02 to 0.06 s warm, where ojAlgo 55.0.1's sparse simplex, the engine before, took 122 to 148 s and gave up
 * ({@code UNEXPLORED}) on blocks of several thousand withheld cells. The cost is a native library: the
 * {@code ortools-java} artifact ships it for Linux, macOS and Windows (x86-64 and arm64), loaded once by
 * {@link Loader#loadNativeLibraries()} when this class is first used.
 *
 * <p>Each {@link #minimum}/{@link #maximum} sets a new objective and re-solves. Optima are vertices (basic
 * solutions), as with any simplex method. The native program is freed when this object is garbage-collected. Not
 * thread-safe: build one per thread.
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
        Loader.loadNativeLibraries();
    }

    /**
     * GLOP's parameters: no presolve, so that a re-solve after an objective change starts from the previous optimal
     * basis (GLOP's presolve would rebuild the program).
     */
    private static final String PARAMETERS = "use_preprocessing: false";

    /** The relative weight of &Sigma;x in {@link #maximum(double[])}'s tie-break. */
    private static final double TIE_BREAK = 1e-6;

    private final MPSolver solver;
    private final MPVariable[] variables;
    private final int n;
    private double[] solution;
    private double[] objective;

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
        solver = MPSolver.createSolver("GLOP");
        if (solver == null || !solver.setSolverSpecificParametersAsString(PARAMETERS)) {
            throw new IllegalStateException("GLOP is not available");
        }
        variables = solver.makeNumVarArray(n, 0, Double.POSITIVE_INFINITY);
        objective = new double[n];
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
        double[] a = new double[index.length];
        for (int k = 0; k < index.length; k++) {
            Objects.checkIndex(index[k], n);
            a[k] = finite(coefficients[k]);
        }
        MPConstraint row = constraint(relation, finite(rhs));
        for (int k = 0; k < index.length; k++) {
            if (a[k] != 0) {
                // repeated indices add up
                MPVariable x = variables[index[k]];
                row.setCoefficient(x, row.getCoefficient(x) + a[k]);
            }
        }
        return this;
    }

    /**
     * Sets an upper bound on one variable, x<sub>j</sub> &le; u (+&infin; removes it). Changing a bound keeps the
     * last optimal basis, so the next solve starts from it.
     *
     * @param j     the variable
     * @param bound u &ge; 0, or +&infin;
     * @return this program
     * @throws IllegalArgumentException if u is negative or NaN
     */
    public LinearProgram upperBound(int j, double bound) {
        Objects.checkIndex(j, n);
        if (!(bound >= 0)) {
            throw new IllegalArgumentException("Upper bound is negative: " + bound);
        }
        variables[j].setUb(bound);
        return this;
    }

    private MPConstraint constraint(Relation relation, double b) {
        return switch (Objects.requireNonNull(relation, "relation")) {
            case EQUAL -> solver.makeConstraint(b, b);
            case AT_MOST -> solver.makeConstraint(Double.NEGATIVE_INFINITY, b);
            case AT_LEAST -> solver.makeConstraint(b, Double.POSITIVE_INFINITY);
        };
    }

    private void add(double[] a, Relation relation, double b) {
        MPConstraint row = constraint(relation, b);
        for (int j = 0; j < n; j++) {
            if (a[j] != 0) {
                row.setCoefficient(variables[j], a[j]);
            }
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
     * max c'x. Among optimal points, one with a larger &Sigma;x<sub>j</sub> is preferred: the simplex maximises
     * c'x + &epsilon;&Sigma;x<sub>j</sub> with &epsilon; = {@value #TIE_BREAK} max|c<sub>j</sub>|, a perturbation that
     * picks among tied optima (a controlled rounding with two roundings of the same distance rounds up) and changes the
     * value by at most &epsilon;&Sigma;x<sub>j</sub>; the value returned is c'x at the point found.
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
        double scale = 0;
        for (double c : objective) {
            scale = Math.max(scale, Math.abs(finite(c)));
        }
        double[] perturbed = new double[n];
        for (int j = 0; j < n; j++) {
            perturbed[j] = objective[j] + TIE_BREAK * scale;
        }
        solve(perturbed, true);
        if (solution == null) {
            return Double.POSITIVE_INFINITY;
        }
        double value = 0;
        for (int j = 0; j < n; j++) {
            value += objective[j] * solution[j];
        }
        return value;
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

    private double solve(double[] c, boolean maximise) {
        MPObjective goal = solver.objective();
        for (int j = 0; j < n; j++) {
            if (c[j] != objective[j]) {
                goal.setCoefficient(variables[j], finite(c[j]));
            }
        }
        objective = c.clone();
        goal.setOptimizationDirection(maximise);
        MPSolver.ResultStatus state = solver.solve();
        solution = null;
        switch (state) {
            case OPTIMAL -> {
                // read below
            }
            case UNBOUNDED -> {
                return maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            case INFEASIBLE -> throw new InfeasibleException("Linear program has no feasible solution");
            default -> throw new IllegalStateException("Linear program was not solved: " + state);
        }
        solution = new double[n];
        double value = 0;
        for (int j = 0; j < n; j++) {
            solution[j] = Math.max(0, variables[j].solutionValue());
            value += c[j] * solution[j];
        }
        return value;
    }
}

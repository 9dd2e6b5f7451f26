package org.tipmonitor.indicators.internal;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.linear.LinearSolver;

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
 * {@code ortools-java} artifact's platform jars ship it for Linux, macOS and Windows (x86-64 and arm64), loaded once
 * by {@link Loader#loadNativeLibraries()} when this class is first used.
 *
 * <p><b>Fallback.</b> The platform jars hold resources only and have names from which no module name can be derived
 * ({@code ortools-linux-x86-64}: "64" is not a Java identifier), so a library on the module path cannot carry them:
 * monitor-indicators depends on {@code ortools-java} without them, and an application adds its platform's jar on the
 * class path (the CLI's jar and the benchmarks carry all five) or puts the library on {@code java.library.path}.
 * Where GLOP's native library cannot be loaded, the program is solved by ojAlgo's simplex
 * ({@code org.ojalgo:ojalgo}, {@link LinearSolver#newBuilder()}, pure Java), the engine before GLOP, exactly as before:
 * the same optima on small programs (every test of the module passes with either), far slower on large ones.
 * {@link #solver()} names the one in use.
 *
 * <p>Each {@link #minimum}/{@link #maximum} sets a new objective and re-solves. Optima are vertices (basic
 * solutions), as with any simplex method; among tied optima GLOP and ojAlgo may return different vertices, so a
 * caller that uses {@link #lastSolution()} as more than a feasible point breaks ties itself (see
 * {@link #maximum(double[])}). The native program is freed when this object is garbage-collected. Not thread-safe:
 * build one per thread.
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

    /** Whether GLOP's native library loaded; else ojAlgo solves. */
    private static final boolean GLOP = loadGlop();

    private static boolean loadGlop() {
        if (Boolean.getBoolean("tipmonitor.lp.ojalgo")) {
            return false;
        }
        try {
            Loader.loadNativeLibraries();
            MPSolver probe = MPSolver.createSolver("GLOP");
            if (probe == null) {
                return false;
            }
            probe.delete();
            return true;
        } catch (RuntimeException | LinkageError e) {
            // no native library for this platform or path: ojAlgo solves
            return false;
        }
    }

    static {
        // ojAlgo prints a notice about unknown hardware profiles to standard output when it first loads unless this
        // property is set; the property is set only while the class loads, and only if the caller has not set it.
        if (!GLOP && System.getProperty("shut.up.ojAlgo") == null) {
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

    /**
     * GLOP's parameters: no presolve, so that a re-solve after an objective change starts from the previous optimal
     * basis (GLOP's presolve would rebuild the program).
     */
    private static final String PARAMETERS = "use_preprocessing: false";

    /** The relative weight of &Sigma;x in {@link #maximum(double[])}'s tie-break. */
    private static final double TIE_BREAK = 1e-6;

    private final MPSolver solver;
    private final MPVariable[] variables;
    private final List<double[]> rows;
    private final List<Boolean> equalities;
    private final List<Double> rhs;
    private final double[] upper;
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
        objective = new double[n];
        if (GLOP) {
            solver = MPSolver.createSolver("GLOP");
            if (!solver.setSolverSpecificParametersAsString(PARAMETERS)) {
                throw new IllegalStateException("GLOP rejected its parameters: " + PARAMETERS);
            }
            variables = solver.makeNumVarArray(n, 0, Double.POSITIVE_INFINITY);
            rows = null;
            equalities = null;
            rhs = null;
            upper = null;
        } else {
            solver = null;
            variables = null;
            rows = new ArrayList<>();
            equalities = new ArrayList<>();
            rhs = new ArrayList<>();
            upper = new double[n];
            Arrays.fill(upper, Double.POSITIVE_INFINITY);
        }
    }

    /**
     * The solver in use: {@code "glop"} (OR-Tools' GLOP) or {@code "ojalgo"} (the fallback, see the class).
     *
     * @return the name
     */
    public static String solver() {
        return GLOP ? "glop" : "ojalgo";
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
        double b = finite(rhs);
        if (!GLOP) {
            double[] dense = new double[n];
            for (int k = 0; k < index.length; k++) {
                dense[index[k]] += a[k];
            }
            add(dense, relation, b);
            return this;
        }
        MPConstraint row = constraint(relation, b);
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
        if (GLOP) {
            variables[j].setUb(bound);
        } else {
            upper[j] = bound;
        }
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
        if (!GLOP) {
            // kept for ojAlgo's builder, an AT_LEAST row negated to AT_MOST
            boolean atLeast = Objects.requireNonNull(relation, "relation") == Relation.AT_LEAST;
            double[] row = a.clone();
            if (atLeast) {
                for (int j = 0; j < n; j++) {
                    row[j] = -row[j];
                }
            }
            rows.add(row);
            equalities.add(relation == Relation.EQUAL);
            rhs.add(atLeast ? -b : b);
            return;
        }
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
     * max c'x. With GLOP, among optimal points one with a larger &Sigma;x<sub>j</sub> is preferred: GLOP maximises
     * c'x + &epsilon;&Sigma;x<sub>j</sub> with &epsilon; = {@value #TIE_BREAK} max|c<sub>j</sub>|, a perturbation that
     * picks among tied optima (a controlled rounding with two roundings of the same distance rounds up, the choice ojAlgo
     * made in {@code ControlledRoundingTest}) and changes the value by at most &epsilon;&Sigma;x<sub>j</sub>; the value
     * returned is c'x at the point found. ojAlgo, the fallback, solves c'x as before.
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
            perturbed[j] = objective[j] + (GLOP ? TIE_BREAK * scale : 0);
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
        if (!GLOP) {
            return solveWithOjAlgo(c, maximise);
        }
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
        // if-else, not a switch: a switch over an OR-Tools enum would make javac's switch-map class touch the native
        // library when ojAlgo solves
        if (state == MPSolver.ResultStatus.UNBOUNDED) {
            return maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        if (state == MPSolver.ResultStatus.INFEASIBLE) {
            throw new InfeasibleException("Linear program has no feasible solution");
        }
        if (state != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("Linear program was not solved: " + state);
        }
        solution = new double[n];
        double value = 0;
        for (int j = 0; j < n; j++) {
            solution[j] = Math.max(0, variables[j].solutionValue());
            value += c[j] * solution[j];
        }
        return value;
    }

    /** The fallback: ojAlgo's builder, which minimises c'x from scratch each time. */
    private double solveWithOjAlgo(double[] objective, boolean maximise) {
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            c[j] = maximise ? -objective[j] : objective[j];
        }
        // a builder per solve: ojAlgo's keeps its rows, and upper bounds change between solves
        LinearSolver.Builder builder = LinearSolver.newBuilder();
        builder.objective(c);
        for (int r = 0; r < rows.size(); r++) {
            if (equalities.get(r)) {
                builder.equality(rhs.get(r), rows.get(r));
            } else {
                builder.inequality(rhs.get(r), rows.get(r));
            }
        }
        for (int j = 0; j < n; j++) {
            if (Double.isFinite(upper[j])) {
                double[] unit = new double[n];
                unit[j] = 1;
                builder.inequality(upper[j], unit);
            }
        }
        // x >= 0 is stated as a lower bound
        Optimisation.Result result = builder.lower(0).build().solve();
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

package org.tipmonitor.indicators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.tipmonitor.indicators.internal.LinearProgram.Relation;

/**
 * A 0/1 linear program, min c'u subject to rows a'u {=, &le;, &ge;} b and u &isin; {0, 1}<sup>n</sup>, solved by
 * ojAlgo's branch and bound ({@code ExpressionsBasedModel} with binary variables, single-threaded so that equal
 * programs give equal optima). The integer counterpart of {@link LinearProgram}, kept apart from it so that the LP
 * engine stays unchanged: controlled rounding of a linked set of tables, whose constraint matrix need not be totally
 * unimodular, uses it. The model is built once per solve (ojAlgo's presolve changes a model in place). No ojAlgo type
 * appears in its signatures. Not thread-safe: build one per thread.
 */
public final class ZeroOneProgram {

    private record Row(int[] index, double[] coefficients, Relation relation, double rhs) {
    }

    static {
        // LinearProgram's initialiser keeps ojAlgo from printing its hardware notice when ojAlgo first loads
        try {
            Class.forName(LinearProgram.class.getName(), true, ZeroOneProgram.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int n;
    private final List<Row> rows = new ArrayList<>();

    /**
     * A program with no rows over n binary variables.
     *
     * @param n the number of variables, &ge; 0
     * @throws IllegalArgumentException if n &lt; 0
     */
    public ZeroOneProgram(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Number of variables is negative: " + n);
        }
        this.n = n;
    }

    /**
     * Adds a sparse row &Sigma;<sub>k</sub> a<sub>k</sub>u<sub>index[k]</sub> (relation) b.
     *
     * @param index        the variables with a coefficient
     * @param coefficients their coefficients, one per index
     * @param relation     =, &le; or &ge;
     * @param rhs          b
     * @return this program
     * @throws IllegalArgumentException if the arrays differ in length, an index is out of range or a value is not
     *         finite
     */
    public ZeroOneProgram addSparseRow(int[] index, double[] coefficients, Relation relation, double rhs) {
        if (index.length != coefficients.length) {
            throw new IllegalArgumentException("Row has " + index.length + " indices and " + coefficients.length
                    + " coefficients");
        }
        for (int k = 0; k < index.length; k++) {
            Objects.checkIndex(index[k], n);
            finite(coefficients[k]);
        }
        rows.add(new Row(index.clone(), coefficients.clone(), Objects.requireNonNull(relation, "relation"),
                finite(rhs)));
        return this;
    }

    private static double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Coefficient or bound is not finite: " + value);
        }
        return value;
    }

    /**
     * min c'u over u &isin; {0, 1}<sup>n</sup> satisfying every row.
     *
     * @param objective c, one per variable
     * @return an optimal u, or empty if no 0/1 point satisfies the rows
     * @throws IllegalArgumentException if c has the wrong length
     * @throws IllegalStateException if the solver stops without an optimum or a proof of infeasibility
     */
    public Optional<boolean[]> minimum(double[] objective) {
        if (objective.length != n) {
            throw new IllegalArgumentException("Objective has " + objective.length + " coefficients for "
                    + n + " variables");
        }
        if (n == 0) {
            boolean feasible = rows.stream().allMatch(r -> holds(r.relation(), 0, r.rhs()));
            return feasible ? Optional.of(new boolean[0]) : Optional.empty();
        }
        Optimisation.Options options = new Optimisation.Options();
        options.integer(IntegerStrategy.DEFAULT.withParallelism(() -> 1));
        ExpressionsBasedModel model = new ExpressionsBasedModel(options);
        Variable[] u = new Variable[n];
        for (int j = 0; j < n; j++) {
            u[j] = model.addVariable("u" + j).binary().weight(finite(objective[j]));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            Expression e = model.addExpression("r" + r);
            for (int k = 0; k < row.index().length; k++) {
                e.add(u[row.index()[k]], row.coefficients()[k]);
            }
            switch (row.relation()) {
                case EQUAL -> e.level(row.rhs());
                case AT_MOST -> e.upper(row.rhs());
                case AT_LEAST -> e.lower(row.rhs());
                default -> throw new AssertionError(row.relation());
            }
        }
        Optimisation.Result result = model.minimise();
        Optimisation.State state = result.getState();
        if (state == Optimisation.State.INFEASIBLE) {
            return Optional.empty();
        }
        if (!state.isOptimal()) {
            throw new IllegalStateException("0/1 program was not solved: " + state);
        }
        boolean[] x = new boolean[n];
        for (int j = 0; j < n; j++) {
            x[j] = result.doubleValue(j) > 0.5;
        }
        // the solver's point, rounded, must satisfy every row exactly
        for (Row row : rows) {
            double lhs = 0;
            for (int k = 0; k < row.index().length; k++) {
                lhs += x[row.index()[k]] ? row.coefficients()[k] : 0;
            }
            if (!holds(row.relation(), lhs, row.rhs())) {
                throw new IllegalStateException("0/1 program's solution violates a row: " + lhs + " "
                        + row.relation() + " " + row.rhs());
            }
        }
        return Optional.of(x);
    }

    private static boolean holds(Relation relation, double lhs, double rhs) {
        double tolerance = 1e-9 * Math.max(1, Math.abs(rhs));
        return switch (relation) {
            case EQUAL -> Math.abs(lhs - rhs) <= tolerance;
            case AT_MOST -> lhs <= rhs + tolerance;
            case AT_LEAST -> lhs >= rhs - tolerance;
        };
    }
}

package org.tipmonitor.indicators.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * The feasible interval of each suppressed cell of a table extended with its margins, as an intruder can compute it
 * from the published cells: min and max of the cell over all nonnegative real tables that agree with every published
 * value and satisfy the table's line constraints, by linear programming (commons-math3 {@link SimplexSolver}).
 *
 * <p>Variables: one per suppressed cell (interior or margin). Per line of the extended table (a margin m and its
 * children c<sub>1</sub>..c<sub>k</sub> along one dimension): an additive table gives m = &Sigma;c<sub>j</sub>; a table
 * of distinct counts gives c<sub>j</sub> &le; m &le; &Sigma;c<sub>j</sub>. Published values are constants.
 */
final class FeasibleIntervals {

    /** Tolerance for rounding LP bounds to the integers they stand for. */
    static final double INTEGER_TOLERANCE = 1e-6;

    private final int[] variableOf;
    private final int variables;
    private final boolean integral;
    private final LinearConstraintSet constraints;

    FeasibleIntervals(ExtendedIndex index, boolean additive, long[] values, boolean[] suppressed) {
        this(index, additive, java.util.Arrays.stream(values).asDoubleStream().toArray(), suppressed, true);
    }

    /**
     * The LP for a table with the given values.
     *
     * @param integral whether the values are integers (counts), so that bounds may be tightened to integers
     */
    FeasibleIntervals(ExtendedIndex index, boolean additive, double[] values, boolean[] suppressed,
            boolean integral) {
        this.integral = integral;
        variableOf = new int[values.length];
        Arrays.fill(variableOf, -1);
        int v = 0;
        for (int o = 0; o < values.length; o++) {
            if (suppressed[o]) {
                variableOf[o] = v++;
            }
        }
        variables = v;
        List<LinearConstraint> list = new ArrayList<>();
        for (ExtendedIndex.Line line : index.lines()) {
            int[] children = line.children();
            int margin = line.margin();
            if (additive) {
                // sum(children) - margin = 0
                add(list, values, children, margin, -1, Relationship.EQ);
            } else {
                // margin - sum(children) <= 0 and child - margin <= 0
                double[] c = new double[variables];
                double rhs = 0;
                rhs -= term(c, values, margin, 1);
                for (int child : children) {
                    rhs -= term(c, values, child, -1);
                }
                addIfVariable(list, c, Relationship.LEQ, rhs);
                for (int child : children) {
                    double[] d = new double[variables];
                    double r = 0;
                    r -= term(d, values, child, 1);
                    r -= term(d, values, margin, -1);
                    addIfVariable(list, d, Relationship.LEQ, r);
                }
            }
        }
        // Explicit rows x >= 0 besides NonNegativeConstraint: commons-math3 3.6.1's SimplexSolver returns a wrong
        // optimum for some problems with only equality rows (max x1 subject to x0 + x1 + x2 = 46 gives 0, not 46);
        // with the explicit rows it solves them correctly. FeasibleIntervalsTest checks the intervals against
        // brute-force enumeration.
        for (int i = 0; i < variables; i++) {
            double[] unit = new double[variables];
            unit[i] = 1;
            list.add(new LinearConstraint(unit, Relationship.GEQ, 0));
        }
        constraints = new LinearConstraintSet(list);
    }

    private void add(List<LinearConstraint> list, double[] values, int[] children, int margin, double marginSign,
            Relationship relationship) {
        double[] c = new double[variables];
        double rhs = 0;
        for (int child : children) {
            rhs -= term(c, values, child, 1);
        }
        rhs -= term(c, values, margin, marginSign);
        addIfVariable(list, c, relationship, rhs);
    }

    /** Adds coefficient to the variable of a cell, or returns the constant contribution of a published cell. */
    private double term(double[] coefficients, double[] values, int cell, double coefficient) {
        int variable = variableOf[cell];
        if (variable >= 0) {
            coefficients[variable] += coefficient;
            return 0;
        }
        return coefficient * values[cell];
    }

    private static void addIfVariable(List<LinearConstraint> list, double[] c, Relationship r, double rhs) {
        for (double x : c) {
            if (x != 0) {
                list.add(new LinearConstraint(c, r, rhs));
                return;
            }
        }
    }

    /**
     * The feasible interval of a suppressed cell, {min, max}, with +&infin; when the maximum is unbounded; for integral
     * values tightened to integers, {ceil(min), floor(max)}.
     */
    double[] interval(int cell) {
        int variable = variableOf[cell];
        if (variable < 0) {
            throw new IllegalArgumentException("Cell is not suppressed: " + cell);
        }
        double[] objective = new double[variables];
        objective[variable] = 1;
        double min = solve(objective, GoalType.MINIMIZE);
        double max;
        try {
            max = solve(objective, GoalType.MAXIMIZE);
        } catch (UnboundedSolutionException e) {
            max = Double.POSITIVE_INFINITY;
        }
        if (integral) {
            min = Math.ceil(min - INTEGER_TOLERANCE);
            max = Math.floor(max + INTEGER_TOLERANCE);
        }
        return new double[] {Math.max(0, min), Math.max(Math.max(0, min), max)};
    }

    private double solve(double[] objective, GoalType goal) {
        try {
            PointValuePair p = new SimplexSolver().optimize(new MaxIter(100_000), constraints,
                    new LinearObjectiveFunction(objective, 0), goal, new NonNegativeConstraint(true));
            return p.getValue();
        } catch (NoFeasibleSolutionException e) {
            throw IndicatorException.of("Published values are inconsistent with the table's constraints: %s",
                    "no feasible table");
        } catch (TooManyIterationsException e) {
            throw new IllegalStateException("Simplex did not finish within 100000 iterations", e);
        }
    }
}

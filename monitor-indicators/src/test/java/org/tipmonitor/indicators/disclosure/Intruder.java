package org.tipmonitor.indicators.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.tipmonitor.indicators.tables.CountTable;

/**
 * A small intruder, written apart from {@link FeasibleIntervals} and with another LP solver (commons-math3's
 * {@link SimplexSolver}, with explicit x &ge; 0 rows against its equality-only bug): from the public view of a set of
 * additive protected tables alone ({@link ProtectedTable#value}, {@link ProtectedTable#status}), the links between
 * them and the stated facts, the exact LP bounds [&lceil;min&rceil;, &lfloor;max&rfloor;] of every withheld cell.
 */
final class Intruder {

    private final Map<String, Integer> variable = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<LinearConstraint> constraints = new ArrayList<>();

    private Intruder() {
    }

    /** The bounds of every withheld cell, keyed "table(c1, c2)" as {@link CellRef#toString()}. */
    static Map<String, long[]> attack(ProtectedLinkedTables set, List<StatedFact> facts) {
        Intruder intruder = new Intruder();
        set.tables().forEach((name, table) -> forEachCell(table, c -> {
            if (table.status(c).isSuppressed()) {
                intruder.variable.put(CellRef.of(name, c).toString(), intruder.names.size());
                intruder.names.add(CellRef.of(name, c).toString());
            }
        }));
        int n = intruder.names.size();
        // lines: each margin equals the sum of its cells along one dimension
        set.tables().forEach((name, table) -> forEachCell(table, c -> {
            for (int d = 0; d < c.length; d++) {
                if (c[d] == CountTable.ALL) {
                    List<CellRef> children = new ArrayList<>();
                    for (int k = 0; k < table.dimensions().get(d).size(); k++) {
                        int[] child = c.clone();
                        child[d] = k;
                        children.add(CellRef.of(name, child));
                    }
                    intruder.add(set, List.of(CellRef.of(name, c)), children, Relationship.EQ, 0);
                }
            }
        }));
        for (LinkedTables.Link link : set.links()) {
            intruder.add(set, List.of(link.total()), link.parts(), Relationship.EQ, 0);
        }
        for (StatedFact fact : facts) {
            double[] a = new double[n];
            double constant = 0;
            for (int k = 0; k < fact.cells().size(); k++) {
                constant += intruder.term(set, a, fact.cells().get(k), fact.coefficients().get(k));
            }
            if (fact.lower() > Double.NEGATIVE_INFINITY) {
                intruder.constraints.add(new LinearConstraint(a, Relationship.GEQ, fact.lower() - constant));
            }
            if (fact.upper() < Double.POSITIVE_INFINITY) {
                intruder.constraints.add(new LinearConstraint(a, Relationship.LEQ, fact.upper() - constant));
            }
        }
        for (int j = 0; j < n; j++) {
            double[] unit = new double[n];
            unit[j] = 1;
            intruder.constraints.add(new LinearConstraint(unit, Relationship.GEQ, 0));
        }
        Map<String, long[]> bounds = new HashMap<>();
        LinearConstraintSet all = new LinearConstraintSet(intruder.constraints);
        for (int j = 0; j < n; j++) {
            double[] c = new double[n];
            c[j] = 1;
            double min = solve(all, c, GoalType.MINIMIZE);
            double max = solve(all, c, GoalType.MAXIMIZE);
            bounds.put(intruder.names.get(j), new long[] {(long) Math.ceil(min - 1e-6),
                    Double.isInfinite(max) ? Long.MAX_VALUE : (long) Math.floor(max + 1e-6)});
        }
        return bounds;
    }

    private static double solve(LinearConstraintSet constraints, double[] c, GoalType goal) {
        try {
            return new SimplexSolver().optimize(new MaxIter(1_000_000), constraints,
                    new LinearObjectiveFunction(c, 0), goal, new NonNegativeConstraint(true)).getValue();
        } catch (UnboundedSolutionException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** sum(left) - sum(right) (relation) rhs. */
    private void add(ProtectedLinkedTables set, List<CellRef> left, List<CellRef> right, Relationship r, double rhs) {
        double[] a = new double[names.size()];
        double constant = 0;
        for (CellRef cell : left) {
            constant += term(set, a, cell, 1);
        }
        for (CellRef cell : right) {
            constant += term(set, a, cell, -1);
        }
        for (double x : a) {
            if (x != 0) {
                constraints.add(new LinearConstraint(a, r, rhs - constant));
                return;
            }
        }
    }

    private double term(ProtectedLinkedTables set, double[] a, CellRef cell, double coefficient) {
        OptionalLong value = set.table(cell.table()).value(cell.coords());
        if (value.isPresent()) {
            return coefficient * value.getAsLong();
        }
        a[variable.get(cell.toString())] += coefficient;
        return 0;
    }

    private static void forEachCell(ProtectedTable table, java.util.function.Consumer<int[]> action) {
        int rank = table.dimensions().size();
        int[] c = new int[rank];
        int[] sizes = table.dimensions().stream().mapToInt(d -> d.size() + 1).toArray();
        int total = 1;
        for (int s : sizes) {
            total *= s;
        }
        for (int i = 0; i < total; i++) {
            int rest = i;
            for (int d = rank - 1; d >= 0; d--) {
                int v = rest % sizes[d];
                rest /= sizes[d];
                c[d] = v == sizes[d] - 1 ? CountTable.ALL : v;
            }
            action.accept(c.clone());
        }
    }
}

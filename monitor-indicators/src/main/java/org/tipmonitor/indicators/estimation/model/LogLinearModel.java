package org.tipmonitor.indicators.estimation.model;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.internal.SelectionAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;


/**
 * A hierarchical log-linear model for a K-list capture-history table: all K main effects plus a set of
 * interaction terms that is closed under taking margins of order &ge; 2 (Fienberg 1972; Bishop, Fienberg &amp;
 * Holland 1975, ch. 6):
 *
 * <blockquote>
 *   log &mu;<sub>h</sub> = &beta;<sub>0</sub> + &Sigma;<sub>i</sub> &beta;<sub>i</sub> h<sub>i</sub><br>
 *                 + &Sigma;<sub>S &isin; M</sub> &lambda;<sub>S</sub> &Pi;<sub>i &isin; S</sub> h<sub>i</sub><br>
 * </blockquote>
 *
 * <p>for every observable pattern h &ne; 0; the unobserved count is predicted as exp(&beta;<sub>0</sub>).
 * Written in R notation as {@code A + B + C + A:B}. Interactions are kept sorted by order, then by the lists'
 * column positions.
 */
public final class LogLinearModel {

    private final List<String> lists;
    private final int[] interactions; // masks, sorted by (order, lexicographic list positions)

    static {
        // The mask factories, for the selection package only (through the internal package).
        SelectionAccess.register(new SelectionAccess.Models() {
            @Override
            public LogLinearModel ofMasks(List<String> lists, int[] interactionMasks) {
                return LogLinearModel.ofMasks(lists, interactionMasks);
            }

            @Override
            public LogLinearModel ofCanonicalMasks(List<String> tableLists, int[] interactionMasks) {
                return LogLinearModel.ofCanonicalMasks(tableLists, interactionMasks);
            }
        });
    }

    private LogLinearModel(List<String> lists, int[] interactions) {
        this.lists = lists;
        this.interactions = interactions;
    }

    /**
     * The independence model: main effects only.
     *
     * @param lists the list names (as in the table)
     * @return the model
     * @throws IndicatorException if the number of lists is outside 2..12 or a name is invalid
     */
    public static LogLinearModel mainEffects(List<String> lists) {
        return new LogLinearModel(CaptureHistories.builder(lists).build().listNames(), new int[0]);
    }

    /**
     * The model with all two-way interactions.
     *
     * @param lists the list names
     * @return the model
     * @throws IndicatorException if the number of lists is outside 2..12 or a name is invalid
     */
    public static LogLinearModel allTwoWay(List<String> lists) {
        LogLinearModel m = mainEffects(lists);
        int k = lists.size();
        List<Integer> pairs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                pairs.add((1 << i) | (1 << j));
            }
        }
        return new LogLinearModel(m.lists, sorted(pairs.stream().mapToInt(Integer::intValue).toArray(), k));
    }

    /**
     * Parses a model formula in R notation: terms separated by {@code +}, the lists of an interaction joined by
     * {@code :}, an optional left-hand side ({@code count ~}) ignored, {@code .} standing for all main effects.
     * Every list must appear as a main effect and every interaction's margins of order &ge; 2 must be present.
     * Repeated terms are merged, as R does.
     *
     * @param lists   the list names
     * @param formula e.g. {@code "A + B + C + A:B"} or {@code "count ~ . + A:B"}
     * @return the model
     * @throws IndicatorException with the character position, if a term is empty, a name is unknown or repeated
     *                            within a term, a main effect is missing, or the set is not hierarchical
     */
    public static LogLinearModel parse(List<String> lists, String formula) {
        List<String> names = mainEffects(lists).lists;
        Objects.requireNonNull(formula, "formula");
        int k = names.size();
        String rhs = formula;
        int offset = 0;
        int tilde = formula.indexOf('~');
        if (tilde >= 0) {
            rhs = formula.substring(tilde + 1);
            offset = tilde + 1;
        }
        List<int[]> parsed = new ArrayList<>(); // {mask, position}
        int mains = 0;
        int start = 0;
        while (start <= rhs.length()) {
            int plus = rhs.indexOf('+', start);
            int end = plus < 0 ? rhs.length() : plus;
            String term = rhs.substring(start, end);
            int termPos = offset + start + leadingSpaces(term) + 1;
            if (term.isBlank()) {
                throw IndicatorException.of(IndicatorRule.FORMULA_EMPTY_TERM, offset + start + 1, formula);
            }
            if (term.strip().equals(".")) {
                mains = (1 << k) - 1;
            } else {
                int mask = 0;
                int partStart = 0;
                while (partStart <= term.length()) {
                    int colon = term.indexOf(':', partStart);
                    int partEnd = colon < 0 ? term.length() : colon;
                    String part = term.substring(partStart, partEnd);
                    int pos = offset + start + partStart + leadingSpaces(part) + 1;
                    String name = part.strip();
                    if (name.isEmpty()) {
                        throw IndicatorException.of(IndicatorRule.FORMULA_EMPTY_TERM, pos, formula);
                    }
                    int idx = names.indexOf(name);
                    if (idx < 0) {
                        for (char c : new char[] {'*', '^', '(', ')', '-', '~'}) {
                            int bad = name.indexOf(c);
                            if (bad >= 0) {
                                throw IndicatorException.of(
                                        IndicatorRule.FORMULA_BAD_CHARACTER, String.valueOf(c), pos + bad, formula);
                            }
                        }
                        throw IndicatorException.of(IndicatorRule.FORMULA_UNKNOWN_LIST, name, pos, formula, names);
                    }
                    if ((mask & (1 << idx)) != 0) {
                        throw IndicatorException.of(IndicatorRule.FORMULA_REPEATED_LIST, name, pos, formula);
                    }
                    mask |= 1 << idx;
                    if (colon < 0) {
                        break;
                    }
                    partStart = colon + 1;
                }
                if (Integer.bitCount(mask) == 1) {
                    mains |= mask;
                } else {
                    parsed.add(new int[] {mask, termPos});
                }
            }
            if (plus < 0) {
                break;
            }
            start = plus + 1;
        }
        for (int i = 0; i < k; i++) {
            if ((mains & (1 << i)) == 0) {
                throw IndicatorException.of(IndicatorRule.FORMULA_MISSING_MAIN_EFFECT, formula, names.get(i));
            }
        }
        TreeSet<Integer> set = new TreeSet<>();
        for (int[] t : parsed) {
            set.add(t[0]);
        }
        for (int[] t : parsed) {
            int missing = missingMargin(t[0], set);
            if (missing != 0) {
                throw IndicatorException.of(IndicatorRule.FORMULA_NOT_HIERARCHICAL,
                        termName(t[0], names), t[1], formula, termName(missing, names));
            }
        }
        return new LogLinearModel(names, sorted(set.stream().mapToInt(Integer::intValue).toArray(), k));
    }

    /**
     * A model from interaction masks (list i is bit i), for the selection package (through the internal package).
     */
    static LogLinearModel ofMasks(List<String> lists, int[] interactionMasks) {
        int k = lists.size();
        TreeSet<Integer> set = new TreeSet<>();
        for (int m : interactionMasks) {
            if (Integer.bitCount(m) < 2 || m >= (1 << k)) {
                throw IndicatorException.of(IndicatorRule.MASK_OUT_OF_RANGE, k, m);
            }
            set.add(m);
        }
        for (int m : set) {
            if (missingMargin(m, set) != 0) {
                // not hierarchical: let the parser report it with its position
                StringBuilder formula = new StringBuilder(String.join(" + ", lists));
                for (int t : interactionMasks) {
                    formula.append(" + ").append(termName(t, lists));
                }
                return parse(lists, formula.toString());
            }
        }
        return new LogLinearModel(List.copyOf(lists), sorted(set.stream().mapToInt(Integer::intValue).toArray(), k));
    }

    /**
     * A model from interaction masks that are already hierarchical, within range and in this class's term order
     * (the {@link org.tipmonitor.indicators.estimation.selection.ExhaustiveSearch} catalogue), on list names as {@link CaptureHistories#listNames()} returns
     * them: no checks, no copies (the search ranks tens of thousands of models).
     */
    static LogLinearModel ofCanonicalMasks(List<String> tableLists, int[] interactionMasks) {
        return new LogLinearModel(tableLists, interactionMasks);
    }

    /**
     * This model with one more interaction.
     *
     * @param listNames the lists of the interaction (two or more)
     * @return the new model
     * @throws IndicatorException if a name is unknown or repeated, fewer than two names are given, or a margin
     *                            of the new term is missing from this model
     */
    public LogLinearModel withInteraction(String... listNames) {
        if (listNames.length < 2) {
            throw IndicatorException.of(IndicatorRule.INTERACTION_ORDER, listNames.length);
        }
        return parse(lists, formula() + " + " + String.join(":", listNames));
    }

    /**
     * The list names, in the table's column order.
     *
     * @return the names (unmodifiable)
     */
    public List<String> lists() {
        return lists;
    }

    /**
     * The interaction terms, each the list of its list names in column order.
     *
     * @return the terms (unmodifiable)
     */
    public List<List<String>> interactions() {
        List<List<String>> out = new ArrayList<>();
        for (int m : interactions) {
            List<String> t = new ArrayList<>();
            for (int i = 0; i < lists.size(); i++) {
                if ((m & (1 << i)) != 0) {
                    t.add(lists.get(i));
                }
            }
            out.add(List.copyOf(t));
        }
        return List.copyOf(out);
    }

    /**
     * The interaction terms as masks (list i is bit i).
     *
     * @return a fresh array, sorted by order then column positions
     */
    public int[] interactionMasks() {
        return interactions.clone();
    }

    /**
     * The number of interaction terms.
     *
     * @return the count
     */
    public int interactionCount() {
        return interactions.length;
    }

    /**
     * All terms as masks: the K main effects, then the interactions.
     */
    public int[] termMasks() {
        int k = lists.size();
        int[] t = new int[k + interactions.length];
        for (int i = 0; i < k; i++) {
            t[i] = 1 << i;
        }
        System.arraycopy(interactions, 0, t, k, interactions.length);
        return t;
    }

    /**
     * The model in R notation, e.g. {@code A + B + C + A:B}.
     *
     * @return the formula
     */
    public String formula() {
        StringBuilder sb = new StringBuilder(String.join(" + ", lists));
        for (int m : interactions) {
            sb.append(" + ").append(termName(m, lists));
        }
        return sb.toString();
    }

    /**
     * The name of a term mask, list names joined by {@code :}.
     */
    public static String termName(int mask, List<String> lists) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lists.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : ":").append(lists.get(i));
            }
        }
        return sb.length() == 0 ? "(Intercept)" : sb.toString();
    }

    private static int missingMargin(int mask, java.util.Set<Integer> set) {
        if (Integer.bitCount(mask) <= 2) {
            return 0;
        }
        for (int bit = Integer.highestOneBit(mask); bit != 0; bit >>>= 1) {
            if ((mask & bit) != 0 && !set.contains(mask & ~bit)) {
                return mask & ~bit;
            }
        }
        return 0;
    }

    private static int[] sorted(int[] masks, int k) {
        Integer[] boxed = Arrays.stream(masks).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.<Integer>comparingInt(Integer::bitCount)
                .thenComparing(m -> positions(m, k), LogLinearModel::compareLex));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static int[] positions(int mask, int k) {
        int[] p = new int[Integer.bitCount(mask)];
        int n = 0;
        for (int i = 0; i < k; i++) {
            if ((mask & (1 << i)) != 0) {
                p[n++] = i;
            }
        }
        return p;
    }

    private static int compareLex(int[] a, int[] b) {
        return Arrays.compare(a, b);
    }

    private static int leadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogLinearModel other
                && lists.equals(other.lists) && Arrays.equals(interactions, other.interactions);
    }

    @Override
    public int hashCode() {
        return 31 * lists.hashCode() + Arrays.hashCode(interactions);
    }

    @Override
    public String toString() {
        return formula();
    }
}

package org.tipmonitor.indicators.estimation.model;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.internal.CovariateMessages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;


/**
 * A hierarchical log-linear model for a lists &times; covariates table (van der Heijden et al. 2012): for list
 * pattern h &ne; 0 in covariate cell c,
 *
 * <blockquote>
 *   log &mu;<sub>hc</sub> = &Sigma;<sub>T = (S, C) &isin; M</sub> &lambda;<sub>T</sub>(c<sub>C</sub>)
 *   &middot; [h &supe; S],
 * </blockquote>
 *
 * <p>a sum over the model's terms T, each a set S of lists and a set C of covariates: list terms (S only,
 * {@code P:O}), covariate terms (C only, {@code year:minor}), and list &times; covariate terms ({@code P:minor}:
 * list P catches minors with another probability than adults). The unobserved count of covariate cell c is
 * U<sub>c</sub> = exp(&Sigma;<sub>T = (&empty;, C)</sub> &lambda;<sub>T</sub>(c<sub>C</sub>)), predicted from the
 * covariate terms alone. Every list and every covariate enters as a main effect, and the term set is hierarchical
 * (every sub-term of a term is in the model), so that each term's sufficient statistics are the margins of the
 * table over its lists and covariates; what a term's parameters are (treatment contrasts and the reference
 * levels) never changes the fitted table.
 *
 * <p>Written in R notation over list and covariate names: terms joined by {@code +}, the names of an interaction by
 * {@code :}; {@code a*b} stands for {@code a + b + a:b} (all sub-terms), {@code .} for all main effects, and a left
 * side {@code count ~} is ignored. Terms are kept sorted by order, then by position (lists before covariates).
 * Instances are immutable.
 */
public final class JointModel {

    private final List<String> lists;
    private final List<String> covariates;
    private final int[] terms; // bit i < K: list i; bit K + j: covariate j; never 0; sorted

    private JointModel(List<String> lists, List<String> covariates, int[] terms) {
        this.lists = lists;
        this.covariates = covariates;
        this.terms = terms;
    }

    /**
     * The base model for estimation with covariates: every list's main effect, and the covariates fully crossed
     * with each other (their joint distribution free); lists independent of each other and of the covariates.
     *
     * @param lists      the list names
     * @param covariates the covariate names
     * @return the model
     * @throws IndicatorException if the names are invalid (as {@link CovariateTable#builder})
     */
    public static JointModel baseline(List<String> lists, List<String> covariates) {
        CovariateTable.builder(lists, covariates);
        int k = lists.size();
        List<Integer> t = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            t.add(1 << i);
        }
        for (int s = 1; s < 1 << covariates.size(); s++) {
            t.add(s << k);
        }
        return new JointModel(List.copyOf(lists), List.copyOf(covariates), sort(t, k + covariates.size()));
    }

    /**
     * Parses a formula in R notation.
     *
     * @param lists      the list names
     * @param covariates the covariate names
     * @param formula    e.g. {@code "P + O + R + minor + year + P:minor + O:year + O:P"}
     * @return the model
     * @throws IndicatorException with the character position (1-based) if a term is empty, a name is neither a
     *                            list nor a covariate or is repeated in a term, an unsupported operator is used,
     *                            a main effect is missing, or the set is not hierarchical
     */
    public static JointModel parse(List<String> lists, List<String> covariates, String formula) {
        CovariateTable.builder(lists, covariates);
        Objects.requireNonNull(formula, "formula");
        List<String> names = new ArrayList<>(lists);
        names.addAll(covariates);
        int k = lists.size();
        int width = names.size();
        String shown = CovariateMessages.echo(formula);
        int tilde = formula.indexOf('~');
        int offset = tilde < 0 ? 0 : tilde + 1;
        String rhs = formula.substring(offset);
        TreeSet<Integer> set = new TreeSet<>();
        int start = 0;
        while (start <= rhs.length()) {
            int plus = rhs.indexOf('+', start);
            int end = plus < 0 ? rhs.length() : plus;
            String term = rhs.substring(start, end);
            if (term.isBlank()) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_FORMULA_EMPTY_TERM, offset + start + 1, shown);
            }
            if (term.strip().equals(".")) {
                for (int i = 0; i < width; i++) {
                    set.add(1 << i);
                }
            } else {
                int mask = 0;
                boolean star = false;
                int partStart = 0;
                while (partStart <= term.length()) {
                    int colon = nextOperator(term, partStart);
                    int partEnd = colon < 0 ? term.length() : colon;
                    String part = term.substring(partStart, partEnd);
                    String name = part.strip();
                    int pos = offset + start + partStart + (part.length() - part.stripLeading().length()) + 1;
                    if (name.isEmpty()) {
                        throw IndicatorException.of(IndicatorRule.COVARIATE_FORMULA_EMPTY_TERM, pos, shown);
                    }
                    int idx = names.indexOf(name);
                    if (idx < 0) {
                        for (int i = 0; i < name.length(); i++) {
                            char c = name.charAt(i);
                            if ("^()-~/|%".indexOf(c) >= 0) {
                                throw IndicatorException.of(IndicatorRule.COVARIATE_FORMULA_BAD_CHARACTER, String.valueOf(c),
                                        pos + i, shown);
                            }
                        }
                        throw IndicatorException.of(IndicatorRule.COVARIATE_FORMULA_UNKNOWN_NAME, CovariateMessages.echo(name), pos, lists,
                                covariates);
                    }
                    if ((mask & 1 << idx) != 0) {
                        throw IndicatorException.of(IndicatorRule.COVARIATE_FORMULA_REPEATED_NAME, name, pos);
                    }
                    mask |= 1 << idx;
                    if (colon < 0) {
                        break;
                    }
                    star |= term.charAt(colon) == '*';
                    partStart = colon + 1;
                }
                if (star) {
                    for (int s = mask; s > 0; s = (s - 1) & mask) {
                        set.add(s);
                    }
                } else {
                    set.add(mask);
                }
            }
            if (plus < 0) {
                break;
            }
            start = plus + 1;
        }
        int[] t = sort(set, width);
        checkHierarchy(t, names, shown);
        return new JointModel(List.copyOf(lists), List.copyOf(covariates), t);
    }

    private static int nextOperator(String term, int from) {
        for (int i = from; i < term.length(); i++) {
            if (term.charAt(i) == ':' || term.charAt(i) == '*') {
                return i;
            }
        }
        return -1;
    }

    private static void checkHierarchy(int[] t, List<String> names, String formula) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int s : t) {
            set.add(s);
        }
        for (int i = 0; i < names.size(); i++) {
            if (!set.contains(1 << i)) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_FORMULA_MISSING_MAIN, formula, names.get(i));
            }
        }
        for (int s : t) {
            for (int i = 0; i < names.size(); i++) {
                int sub = s & ~(1 << i);
                if ((s & 1 << i) != 0 && Integer.bitCount(sub) >= 1 && !set.contains(sub)) {
                    throw IndicatorException.of(IndicatorRule.COVARIATE_FORMULA_NOT_HIERARCHICAL, formula, name(s, names),
                            name(sub, names));
                }
            }
        }
    }

    private static int[] sort(Collection<Integer> t, int width) {
        return t.stream().distinct().sorted((a, b) -> {
            int c = Integer.compare(Integer.bitCount(a), Integer.bitCount(b));
            if (c != 0) {
                return c;
            }
            for (int i = 0; i < width; i++) {
                int x = a >> i & 1;
                int y = b >> i & 1;
                if (x != y) {
                    return y - x;
                }
            }
            return 0;
        }).mapToInt(Integer::intValue).toArray();
    }

    /**
     * A term's name in R notation: the names of its bits joined by {@code ':'}, e.g. {@code "P:minor"}.
     *
     * @param term  a term mask (list bits, then covariate bits)
     * @param names the lists' names, then the covariates' ({@link #names()})
     * @return the name
     */
    public static String name(int term, List<String> names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if ((term >> i & 1) == 1) {
                if (b.length() > 0) {
                    b.append(':');
                }
                b.append(names.get(i));
            }
        }
        return b.toString();
    }

    /**
     * This model with one more term and the sub-terms it needs.
     *
     * @param term the term in R notation, e.g. {@code "P:minor"}
     * @return the model
     * @throws IndicatorException if a name is unknown
     */
    public JointModel with(String term) {
        return parse(lists, covariates, formula() + " + " + term.replace(':', '*'));
    }

    public JointModel withMask(int term) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int s : terms) {
            set.add(s);
        }
        for (int s = term; s > 0; s = (s - 1) & term) {
            set.add(s);
        }
        return new JointModel(lists, covariates, sort(set, width()));
    }

    public JointModel withoutMask(int term) {
        return new JointModel(lists, covariates, Arrays.stream(terms).filter(t -> t != term).toArray());
    }

    /**
     * Whether a term can be removed without breaking the hierarchy (no other term contains it).
     *
     * @param term the term mask
     * @return true if no larger term of the model contains it
     */
    public boolean removable(int term) {
        if (Integer.bitCount(term) == 1) {
            return false;
        }
        for (int s : terms) {
            if (s != term && (s & term) == term) {
                return false;
            }
        }
        return true;
    }

    int width() {
        return lists.size() + covariates.size();
    }

    /** @return the list names */
    public List<String> lists() {
        return lists;
    }

    /** @return the covariate names */
    public List<String> covariates() {
        return covariates;
    }

    /** @return the names of lists then covariates, the bit order of the term masks */
    public List<String> names() {
        List<String> names = new ArrayList<>(lists);
        names.addAll(covariates);
        return names;
    }

    /** @return the term masks (copy) */
    public int[] termMasks() {
        return terms.clone();
    }

    /** @return the list part of a term mask */
    public int listPart(int term) {
        return term & ((1 << lists.size()) - 1);
    }

    /** @return the covariate part of a term mask, covariate j as bit j */
    public int covariatePart(int term) {
        return term >>> lists.size();
    }

    /** @return the terms in R notation, in model order */
    public List<String> terms() {
        List<String> out = new ArrayList<>();
        for (int t : terms) {
            out.add(name(t, names()));
        }
        return out;
    }

    /** @return the formula in R notation, e.g. {@code "P + O + minor + P:minor"} */
    public String formula() {
        return String.join(" + ", terms());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JointModel m && lists.equals(m.lists) && covariates.equals(m.covariates)
                && Arrays.equals(terms, m.terms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lists, covariates, Arrays.hashCode(terms));
    }

    /** @return the formula */
    @Override
    public String toString() {
        return formula();
    }
}

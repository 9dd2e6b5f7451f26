package org.tipmonitor.indicators.estimation.data;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;


/**
 * Capture-history tables for the levels of one categorical covariate (e.g. year, sex, minor/adult, form of
 * exploitation), all on the same lists: the lists &times; covariate table of the Dutch monitors' estimates
 * (van Dijk, Cruyff, van der Heijden &amp; Kragten-Heerdink 2017). Each level must have at least one observed
 * case. Levels keep the order given; the first is the reference level of the model's contrasts.
 */
public final class StratifiedHistories {

    private final String covariate;
    private final List<String> levels;
    private final List<CaptureHistories> strata;

    private StratifiedHistories(String covariate, List<String> levels, List<CaptureHistories> strata) {
        this.covariate = covariate;
        this.levels = levels;
        this.strata = strata;
    }

    /**
     * Tables per level.
     *
     * @param covariate the covariate's name (used in model formulas; not a list name)
     * @param strata    per level, in order, its table; at least two levels, all on the same lists (at most 11)
     * @return the stratified tables
     * @throws IndicatorException if fewer than two levels are given, the lists differ between levels, there are
     *                            more than 11 lists, a level has no observed case, or the covariate's name is
     *                            invalid or equal to a list name
     */
    public static StratifiedHistories of(String covariate, Map<String, CaptureHistories> strata) {
        Objects.requireNonNull(covariate, "covariate");
        Objects.requireNonNull(strata, "strata");
        if (strata.size() < 2) {
            throw IndicatorException.of(IndicatorRule.STRATA_TOO_FEW, strata.size());
        }
        List<String> levels = new ArrayList<>();
        List<CaptureHistories> tables = new ArrayList<>();
        List<String> lists = null;
        for (Map.Entry<String, CaptureHistories> e : strata.entrySet()) {
            String level = Objects.requireNonNull(e.getKey(), "level");
            CaptureHistories t = Objects.requireNonNull(e.getValue(), "table");
            if (lists == null) {
                lists = t.listNames();
            } else if (!lists.equals(t.listNames())) {
                throw IndicatorException.of(IndicatorRule.STRATA_LISTS_DIFFER, level, t.listNames(), lists);
            }
            if (t.observed() == 0) {
                throw IndicatorException.of(IndicatorRule.STRATUM_EMPTY, level);
            }
            levels.add(level);
            tables.add(t);
        }
        if (lists.size() > CaptureHistories.MAX_LISTS - 1) {
            throw IndicatorException.of(IndicatorRule.LIST_COUNT_OUT_OF_RANGE, lists.size());
        }
        List<String> all = new ArrayList<>(lists);
        all.add(covariate);
        CaptureHistories.builder(all); // validates the covariate's name against the list names
        return new StratifiedHistories(covariate, List.copyOf(levels), List.copyOf(tables));
    }

    /**
     * Reads a counts CSV with a covariate column: one 0/1 column per list, the covariate's column (anywhere before
     * the last), and a final {@code count} (or {@code Freq}) column, one line per level and pattern; levels in
     * order of first appearance. The rules of {@link CaptureHistories#fromCsv(Reader)} apply per level.
     *
     * @param reader    the CSV text (not closed)
     * @param covariate the covariate column's name
     * @return the stratified tables
     * @throws IndicatorException naming the line number, for the errors of {@link CaptureHistories#fromCsv(Reader)},
     *                            a missing covariate column, an empty level or a pattern repeated within a level;
     *                            and as {@link #of(String, Map)} (e.g. a level with no observed case)
     */
    public static StratifiedHistories fromCsv(Reader reader, String covariate) {
        Objects.requireNonNull(covariate, "covariate");
        return of(covariate, CaptureHistories.parseCsv(reader, covariate));
    }

    /**
     * Reads a counts CSV file (UTF-8) with a covariate column, as {@link #fromCsv(Reader, String)} reads its text.
     *
     * @param file      the file
     * @param covariate the covariate column's name
     * @return the stratified tables
     * @throws IndicatorException            as {@link #fromCsv(Reader, String)}
     * @throws java.io.UncheckedIOException if the file cannot be opened
     */
    public static StratifiedHistories fromCsv(java.nio.file.Path file, String covariate) {
        Objects.requireNonNull(covariate, "covariate");
        return CsvLines.read(file, reader -> fromCsv(reader, covariate));
    }

    /**
     * A linker for records with a covariate: memberships as for {@link CaptureHistories#linker(List)}, and for
     * each person their level.
     *
     * @param listNames the lists
     * @param covariate the covariate's name
     * @param <K>       the person-key type
     * @return a new linker
     * @throws IndicatorException if the names are invalid
     */
    public static <K> Linker<K> linker(List<String> listNames, String covariate) {
        CaptureHistories.builder(listNames); // validates the names
        return new Linker<>(listNames, covariate);
    }

    /** @return the covariate's name */
    public String covariate() {
        return covariate;
    }

    /** @return the levels, in order (the first is the reference level) */
    public List<String> levels() {
        return levels;
    }

    /** @return the list names */
    public List<String> listNames() {
        return strata.get(0).listNames();
    }

    /**
     * The table of one level.
     *
     * @param level the level
     * @return its table
     * @throws IndicatorException if the level is unknown
     */
    public CaptureHistories stratum(String level) {
        int i = levels.indexOf(level);
        if (i < 0) {
            throw IndicatorException.of(IndicatorRule.UNKNOWN_LEVEL, level, levels);
        }
        return strata.get(i);
    }

    /**
     * The table of all levels together.
     *
     * @return the pooled table
     */
    public CaptureHistories pooled() {
        CaptureHistories.Builder b = CaptureHistories.builder(listNames());
        for (CaptureHistories t : strata) {
            long[] c = t.countsByMask();
            for (int h = 1; h < c.length; h++) {
                b.addMask(h, c[h]);
            }
        }
        return b.build();
    }

    /** @return the observed total over all levels */
    public long observed() {
        long n = 0;
        for (CaptureHistories t : strata) {
            n += t.observed();
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StratifiedHistories s && covariate.equals(s.covariate) && levels.equals(s.levels)
                && strata.equals(s.strata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(covariate, levels, strata);
    }

    @Override
    public String toString() {
        return "StratifiedHistories[covariate=" + covariate + ", levels=" + levels + ", lists=" + listNames()
                + ", observed=" + observed() + "]";
    }

    /**
     * Collects memberships and levels per person. Not thread-safe.
     *
     * @param <K> the person-key type
     */
    public static final class Linker<K> {

        private final List<String> listNames;
        private final String covariate;
        private final Map<K, Map<String, Boolean>> perPerson = new LinkedHashMap<>();
        private final Map<K, String> levelOf = new LinkedHashMap<>();

        private Linker(List<String> listNames, String covariate) {
            this.listNames = List.copyOf(listNames);
            this.covariate = Objects.requireNonNull(covariate, "covariate");
        }

        /**
         * Records that a person is on a list.
         *
         * @param person   the person key
         * @param listName the list
         * @return this linker
         * @throws IndicatorException if the list is unknown
         */
        public Linker<K> addMembership(K person, String listName) {
            Objects.requireNonNull(person, "person");
            if (!listNames.contains(listName)) {
                throw IndicatorException.of(IndicatorRule.UNKNOWN_LIST, listName, listNames);
            }
            perPerson.computeIfAbsent(person, p -> new LinkedHashMap<>()).put(listName, Boolean.TRUE);
            return this;
        }

        /**
         * Sets a person's level of the covariate.
         *
         * @param person the person key
         * @param level  the level
         * @return this linker
         * @throws IndicatorException if the person already has another level
         */
        public Linker<K> setLevel(K person, String level) {
            Objects.requireNonNull(level, "level");
            String old = levelOf.putIfAbsent(Objects.requireNonNull(person, "person"), level);
            if (old != null && !old.equals(level)) {
                throw IndicatorException.of(IndicatorRule.LEVEL_CONFLICT, old, level);
            }
            return this;
        }

        /**
         * The stratified tables; levels in order of first appearance.
         *
         * @return the tables
         * @throws IndicatorException if a person on a list has no level, or as {@link StratifiedHistories#of}
         */
        public StratifiedHistories build() {
            Map<String, CaptureHistories.Builder> builders = new LinkedHashMap<>();
            for (Map.Entry<K, Map<String, Boolean>> e : perPerson.entrySet()) {
                String level = levelOf.get(e.getKey());
                if (level == null) {
                    throw IndicatorException.of(IndicatorRule.LEVEL_MISSING, covariate);
                }
                int mask = 0;
                for (String list : e.getValue().keySet()) {
                    mask |= 1 << listNames.indexOf(list);
                }
                builders.computeIfAbsent(level, l -> CaptureHistories.builder(listNames)).addMask(mask, 1);
            }
            Map<String, CaptureHistories> strata = new LinkedHashMap<>();
            builders.forEach((level, b) -> strata.put(level, b.build()));
            return StratifiedHistories.of(covariate, strata);
        }
    }
}

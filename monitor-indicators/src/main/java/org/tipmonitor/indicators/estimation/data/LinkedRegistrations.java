package org.tipmonitor.indicators.estimation.data;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.model.AgeGroup;
import org.tipmonitor.model.NationalityRegion;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;

/**
 * Capture histories from linked registrations: the registrations of a period are grouped by the victim's
 * {@link PersonKey}, and each person's pattern marks the lists (by a {@link ListDefinition}) whose organisations
 * reported them. A person reported twice by one list counts once on it; reporter types in no list are ignored, and
 * a person reported only by them is not observed.
 *
 * <p>For stratified tables each person gets one level of a {@link Covariate}, or of several crossed: the year,
 * form and age of their first registration in the period (earliest report date), and the sex and nationality of
 * their victim record.
 * Memory grows with the number of distinct persons, not with the number of registrations.
 */
public final class LinkedRegistrations {

    /** A person-level covariate for stratified estimation, with its levels. */
    public enum Covariate {
        /** Year of the first registration in the period. */
        YEAR("year"),
        /** Sex of the victim: female, male, unknown. */
        SEX("sex"),
        /** Minor (under 18) or adult at the first registration, or unknown. */
        MINOR("minor"),
        /** Exploitation form of the first registration. */
        FORM("form"),
        /** Dutch or non-Dutch nationality, or unknown. */
        DUTCH("dutch");

        private final String code;

        Covariate(String code) {
            this.code = code;
        }

        /**
         * The covariate's name in formulas and tables.
         *
         * @return e.g. {@code "minor"}
         */
        public String code() {
            return code;
        }

        String levelOf(Registration first, Victim victim) {
            switch (this) {
                case YEAR:
                    return Integer.toString(first.reportYear());
                case FORM:
                    return first.form().code();
                case SEX:
                    return victim == null ? "unknown" : victim.sex().code();
                case MINOR:
                    if (victim == null) {
                        return "unknown";
                    }
                    AgeGroup group = victim.ageGroupAt(first.reportDate());
                    return group == AgeGroup.UNKNOWN ? "unknown" : group.isMinor() ? "minor" : "adult";
                default:
                    if (victim == null) {
                        return "unknown";
                    }
                    NationalityRegion region = victim.nationalityRegion();
                    return region == NationalityRegion.UNKNOWN ? "unknown"
                            : region == NationalityRegion.NETHERLANDS ? "dutch" : "non_dutch";
            }
        }
    }

    private LinkedRegistrations() {
    }

    /**
     * The capture histories of the persons registered in a period.
     *
     * @param registrations the registrations (of any period; those outside it are skipped)
     * @param lists         which reporter types make up each list
     * @param period        the registration years to include
     * @return the table over the definition's lists
     */
    public static CaptureHistories of(Iterable<Registration> registrations, ListDefinition lists, YearRange period) {
        Objects.requireNonNull(lists, "lists");
        CaptureHistories.Linker<PersonKey> linker = CaptureHistories.linker(lists.listNames());
        for (Registration registration : Objects.requireNonNull(registrations, "registrations")) {
            if (period.contains(registration.reportDate())) {
                lists.listOf(registration.reporterType())
                        .ifPresent(list -> linker.addMembership(registration.victimKey(), list));
            }
        }
        return linker.build();
    }

    /**
     * Capture histories per level of a person-level covariate.
     *
     * @param registrations the registrations (those outside the period are skipped)
     * @param victims       the victims by key, for sex, age and nationality; a person without a victim record
     *                      gets the level {@code unknown} for those covariates
     * @param lists         which reporter types make up each list
     * @param period        the registration years to include
     * @param covariate     the covariate
     * @return the stratified tables
     */
    public static StratifiedHistories stratified(Iterable<Registration> registrations, Map<PersonKey, Victim> victims,
                                                 ListDefinition lists, YearRange period, Covariate covariate) {
        return stratified(registrations, victims, lists, period, List.of(Objects.requireNonNull(covariate,
                "covariate")));
    }

    /**
     * Capture histories per combination of levels of several person-level covariates (crossed strata), such as
     * minor &times; form for "minors of domestic sexual exploitation". The stratifying covariate is named by the
     * covariates' codes joined with {@code _} ({@code minor_form}), and its levels by their levels joined with
     * {@code /} ({@code minor/sexual_domestic}); only combinations with an observed person are levels. A model
     * with every list term crossed with this covariate fits each combination separately; a model with fewer such
     * terms shares the lists' dependence across the combinations.
     *
     * @param registrations the registrations (those outside the period are skipped)
     * @param victims       the victims by key, for sex, age and nationality
     * @param lists         which reporter types make up each list
     * @param period        the registration years to include
     * @param covariates    one or more different covariates, in the order their levels are joined
     * @return the stratified tables
     * @throws IndicatorException if no covariate is given or one is repeated
     */
    public static StratifiedHistories stratified(Iterable<Registration> registrations, Map<PersonKey, Victim> victims,
                                                 ListDefinition lists, YearRange period, List<Covariate> covariates) {
        Objects.requireNonNull(victims, "victims");
        if (covariates.isEmpty() || new java.util.HashSet<>(covariates).size() != covariates.size()) {
            throw IndicatorException.of(IndicatorRule.STRATIFY_COVARIATES, covariates);
        }
        String name = covariates.stream().map(Covariate::code).collect(Collectors.joining("_"));
        Map<PersonKey, Registration> first = new HashMap<>();
        StratifiedHistories.Linker<PersonKey> linker = StratifiedHistories.linker(lists.listNames(), name);
        for (Registration registration : Objects.requireNonNull(registrations, "registrations")) {
            LocalDate date = registration.reportDate();
            if (!period.contains(date)) {
                continue;
            }
            boolean inList = lists.listOf(registration.reporterType()).map(list -> {
                linker.addMembership(registration.victimKey(), list);
                return true;
            }).orElse(false);
            if (inList) {
                first.merge(registration.victimKey(), registration,
                        (a, b) -> b.reportDate().isBefore(a.reportDate()) ? b : a);
            }
        }
        first.forEach((key, registration) -> linker.setLevel(key, covariates.stream()
                .map(c -> c.levelOf(registration, victims.get(key))).collect(Collectors.joining("/"))));
        return linker.build();
    }

    /**
     * The lists &times; covariates table of the persons registered in a period, for several covariates at once
     * without collapsing them into one factor: each person's covariate values are those of their first
     * registration in the period (see {@link Covariate}); a value that is unknown (age, sex, nationality, or the
     * form {@code unknown}) makes the person partially classified ({@link CovariateTable#partialRows()}), never
     * dropped.
     *
     * @param registrations the registrations (those outside the period are skipped)
     * @param victims       the victims by key, for sex, age and nationality
     * @param lists         which reporter types make up each list
     * @param period        the registration years to include
     * @param covariates    one or more different covariates, in column order
     * @return the table
     * @throws IndicatorException if no covariate is given or one is repeated, or a covariate has fewer than two
     *                            known levels in the period
     */
    public static CovariateTable table(Iterable<Registration> registrations, Map<PersonKey, Victim> victims,
                                       ListDefinition lists, YearRange period, List<Covariate> covariates) {
        Objects.requireNonNull(victims, "victims");
        if (covariates.isEmpty() || new java.util.HashSet<>(covariates).size() != covariates.size()) {
            throw IndicatorException.of(IndicatorRule.STRATIFY_COVARIATES, covariates);
        }
        List<String> names = lists.listNames();
        Map<PersonKey, Registration> first = new HashMap<>();
        Map<PersonKey, Integer> masks = new HashMap<>();
        for (Registration registration : Objects.requireNonNull(registrations, "registrations")) {
            if (!period.contains(registration.reportDate())) {
                continue;
            }
            java.util.Optional<String> list = lists.listOf(registration.reporterType());
            if (list.isEmpty()) {
                continue;
            }
            masks.merge(registration.victimKey(), 1 << names.indexOf(list.get()), (a, b) -> a | b);
            first.merge(registration.victimKey(), registration,
                    (a, b) -> b.reportDate().isBefore(a.reportDate()) ? b : a);
        }
        CovariateTable.Builder builder = CovariateTable.builder(names,
                covariates.stream().map(Covariate::code).collect(Collectors.toList()));
        for (Map.Entry<PersonKey, Integer> e : masks.entrySet()) {
            Registration registration = first.get(e.getKey());
            Victim victim = victims.get(e.getKey());
            List<String> values = new java.util.ArrayList<>(covariates.size());
            for (Covariate c : covariates) {
                String v = c.levelOf(registration, victim);
                values.add("unknown".equals(v) ? null : v);
            }
            builder.add(e.getValue(), values, 1);
        }
        for (Covariate c : covariates) {
            if (c == Covariate.YEAR) {
                for (int y = period.firstYear(); y <= period.lastYear(); y++) {
                    builder.level(c.code(), Integer.toString(y));
                }
            }
        }
        return builder.build();
    }
}

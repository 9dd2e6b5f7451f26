package org.tipmonitor.model.internal;

import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.Country;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.ProsecutionDecision;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.ResidenceStageChange;
import org.tipmonitor.model.Sentence;
import org.tipmonitor.model.StatusChange;
import org.tipmonitor.model.Verdict;
import org.tipmonitor.model.Victim;

/**
 * A fast screen in front of Bean Validation (issue 14): for each record type of the exchange format, whether Bean
 * Validation would find no violation at all, checked directly, without Hibernate Validator's per-record metadata
 * walk, property paths and message interpolation. It answers {@code true} only when every constraint of the record
 * holds - the same constraints, in the same terms: {@code @NotNull}, the {@code @Pattern}s of keys and ids,
 * {@code @PastOrPresent} against the clock's day, {@code @NonNegative}, the code lists of countries and
 * nationalities, the monitor year, and the class-level rules, which it runs through the model's own validators.
 * Whenever it answers {@code false}, the caller runs Bean Validation, which produces the violations with their
 * messages; the screen never produces a message of its own.
 *
 * <p>"Today" is the clock's date when the record is screened; Bean Validation reads its clock per constraint, so
 * the two can differ only for a record validated across midnight. Thread-safe. Not part of the API: the reader of
 * monitor-io uses it, and {@code RecordScreenTest} holds it equal to Bean Validation's verdict.
 */
public final class RecordScreen {

    private static final RuntimeException BROKEN = new RuntimeException("rule broken", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    /** A validator context that ends the screen at the first violation a class-level validator reports. */
    private static final ConstraintValidatorContext FAIL_ON_USE = (ConstraintValidatorContext) Proxy.newProxyInstance(
            RecordScreen.class.getClassLoader(), new Class<?>[] {ConstraintValidatorContext.class},
            (proxy, method, args) -> {
                throw BROKEN;
            });

    private static final RegistrationValidator REGISTRATION = new RegistrationValidator();
    private static final OffenderCaseValidator OFFENDER_CASE = new OffenderCaseValidator();
    private static final BirthDateValidator BIRTH_DATE = new BirthDateValidator();
    private static final MeasureValidator MEASURE = new MeasureValidator();
    private static final ResidenceHistoryValidator HISTORY = new ResidenceHistoryValidator();

    private final Clock clock;
    /** Today and the instants it spans in the clock's zone, read again when the clock leaves them. */
    private volatile Day day;

    /** A day and the epoch milliseconds it spans, [from, until). */
    private record Day(LocalDate date, long from, long until) {
    }

    private RecordScreen(Clock clock) {
        this.clock = clock;
    }

    /**
     * A screen whose "today" comes from a clock, as Bean Validation's clock provider gives it.
     *
     * @param clock the clock
     * @return the screen
     */
    public static RecordScreen of(Clock clock) {
        return new RecordScreen(clock);
    }

    /**
     * Whether Bean Validation would find no violation on a record of the exchange format.
     *
     * @param record a {@link Victim}, {@link Registration}, {@link Offender}, {@link OffenderCase},
     *               {@link PoliceSignalCount}, {@link PoliceReport}, {@link ProgrammeMeasure} or
     *               {@link ResidenceHistory}; any other value
     *               gets {@code false} (Bean Validation then decides)
     * @return true if every constraint holds; false if one may be broken
     */
    public boolean isValid(Object record) {
        try {
            LocalDate today = today();
            if (record instanceof Victim v) {
                return key(v.key()) && v.sex() != null && birthDate(v.birthDate(), today)
                        && nationality(v.nationality());
            } else if (record instanceof Registration r) {
                return id(r.id()) && key(r.victimKey()) && notAfter(r.reportDate(), today) && r.reportDate() != null
                        && r.reporterType() != null && r.form() != null && r.route() != null && r.sector() != null
                        && r.legalBasis() != null && r.dublinStatus() != null && r.residenceStage() != null
                        && r.policeReportFiled() != null && REGISTRATION.isValid(r, FAIL_ON_USE);
            } else if (record instanceof Offender o) {
                return key(o.key()) && o.sex() != null && birthDate(o.birthDate(), today)
                        && country(o.countryOfBirth()) && nationality(o.nationality());
            } else if (record instanceof OffenderCase c) {
                return caseId(c.id()) && key(c.offenderKey()) && notAfter(c.offenceDate(), today)
                        && c.prosecutorRegistrationDate() != null && notAfter(c.prosecutorRegistrationDate(), today)
                        && c.form() != null && c.subsection() != null && decision(c.decision(), today)
                        && verdict(c.verdict(), today) && sentence(c.sentence())
                        && OFFENDER_CASE.isValid(c, FAIL_ON_USE);
            } else if (record instanceof PoliceSignalCount s) {
                return s.year() >= MonitorYearValidator.FIRST_YEAR && s.year() <= today.getYear()
                        && s.series() != null && s.form() != null && s.origin() != null && s.dublinStatus() != null
                        && s.count() >= 0;
            } else if (record instanceof PoliceReport p) {
                return p.registrationId() != null && recordId(p.registrationId().value()) && p.filedDate() != null
                        && notAfter(p.filedDate(), today) && caseIds(p.caseIds());
            } else if (record instanceof ProgrammeMeasure m) {
                return measure(m, today);
            } else if (record instanceof ResidenceHistory h) {
                return history(h, today);
            }
            return false;
        } catch (RuntimeException e) {
            // BROKEN from a class-level validator, or anything unexpected: Bean Validation decides.
            return false;
        }
    }

    /**
     * {@code LocalDate.now(clock)}, without the time-zone rules on every record: the clock's milliseconds are
     * compared with the span of the day found last.
     */
    private LocalDate today() {
        long now = clock.millis();
        Day d = day;
        if (d == null || now < d.from() || now >= d.until()) {
            LocalDate date = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(now), clock.getZone());
            d = new Day(date, date.atStartOfDay(clock.getZone()).toInstant().toEpochMilli(),
                    date.plusDays(1).atStartOfDay(clock.getZone()).toInstant().toEpochMilli());
            day = d;
        }
        return d.date();
    }

    /**
     * A residence-stage history: its registration id, each stage and effective date present, no date after today
     * ({@code @PastOrPresent}), and the class-level rules (order, no stage after a terminal one).
     */
    private static boolean history(ResidenceHistory h, LocalDate today) {
        if (!id(h.registrationId()) || h.stages() == null) {
            return false;
        }
        for (ResidenceStageChange change : h.stages()) {
            if (change == null || change.stage() == null || change.effectiveDate() == null
                    || !notAfter(change.effectiveDate(), today)) {
                return false;
            }
        }
        return HISTORY.isValid(h, FAIL_ON_USE);
    }

    private static boolean measure(ProgrammeMeasure m, LocalDate today) {
        if (m.id() == null || !recordId(m.id()) || m.programme() == null || m.title() == null
                || m.responsibleOrganisation() == null || m.statusHistory() == null || m.outcomeIndicators() == null
                || m.outcomeIndicators().size() > 20) {
            return false;
        }
        for (StatusChange change : m.statusHistory()) {
            if (change == null || change.status() == null || change.effectiveDate() == null
                    || !notAfter(change.effectiveDate(), today)) {
                return false;
            }
        }
        for (String indicator : m.outcomeIndicators()) {
            if (indicator == null || !indicator(indicator)) {
                return false;
            }
        }
        return MEASURE.isValid(m, FAIL_ON_USE);
    }

    private static boolean caseIds(List<CaseId> ids) {
        if (ids == null) {
            return false;
        }
        for (CaseId id : ids) {
            if (!caseId(id)) {
                return false;
            }
        }
        return true;
    }

    private static boolean birthDate(BirthDate birthDate, LocalDate today) {
        return birthDate != null && birthDate.precision() != null && notAfter(birthDate.date(), today)
                && BIRTH_DATE.isValid(birthDate, FAIL_ON_USE);
    }

    private static boolean decision(ProsecutionDecision decision, LocalDate today) {
        return decision != null && decision.type() != null && notAfter(decision.date(), today);
    }

    private static boolean verdict(Verdict verdict, LocalDate today) {
        return verdict != null && verdict.outcome() != null && notAfter(verdict.date(), today);
    }

    private static boolean sentence(Sentence sentence) {
        return sentence != null && sentence.unconditionalCustodialMonths() >= 0
                && sentence.conditionalCustodialMonths() >= 0 && sentence.communityServiceHours() >= 0
                && sentence.fineEuros() >= 0 && sentence.measure() != null;
    }

    private static boolean nationality(Nationality nationality) {
        if (nationality == null || nationality.code() == null) {
            return false;
        }
        String code = nationality.code();
        return Nationality.UNKNOWN_CODE.equals(code) || Nationality.STATELESS_CODE.equals(code)
                || CountryRegions.isKnown(code);
    }

    private static boolean country(Country country) {
        if (country == null || country.code() == null) {
            return false;
        }
        String code = country.code();
        return Country.UNKNOWN_CODE.equals(code) || CountryRegions.isKnown(code);
    }

    /** {@code @PastOrPresent}: null holds; otherwise not after today. */
    private static boolean notAfter(LocalDate date, LocalDate today) {
        return date == null || !date.isAfter(today);
    }

    /** {@link PersonKey#PATTERN}: 16 to 64 of {@code [A-Za-z0-9_-]}, at least one of them not a digit. */
    static boolean key(PersonKey key) {
        if (key == null || key.value() == null) {
            return false;
        }
        String value = key.value();
        int length = value.length();
        if (length < 16 || length > 64) {
            return false;
        }
        boolean other = false;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                continue;
            }
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-')) {
                return false;
            }
            other = true;
        }
        return other;
    }

    private static boolean id(RegistrationId id) {
        return id != null && recordId(id.value());
    }

    private static boolean caseId(CaseId id) {
        return id != null && recordId(id.value());
    }

    /** {@link CaseId#PATTERN} (and {@link RegistrationId#PATTERN}): {@code [A-Za-z0-9][A-Za-z0-9_.-]{0,63}}. */
    static boolean recordId(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alnum && (i == 0 || c != '_' && c != '.' && c != '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@link ProgrammeMeasure#INDICATOR_PATTERN}: {@code [a-z0-9][a-z0-9-]{0,63}}. */
    static boolean indicator(String value) {
        if (value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lowerAlnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!lowerAlnum && (i == 0 || c != '-')) {
                return false;
            }
        }
        return true;
    }
}

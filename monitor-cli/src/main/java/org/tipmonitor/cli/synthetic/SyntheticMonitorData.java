package org.tipmonitor.cli.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tipmonitor.model.Article273fSubsection;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.Country;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.NationalityRegion;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.PoliceSeries;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.ProsecutionDecision;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.ResidenceStageChange;
import org.tipmonitor.model.Sector;
import org.tipmonitor.model.Sentence;
import org.tipmonitor.model.SentenceMeasure;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.TraffickingRoute;
import org.tipmonitor.model.Verdict;
import org.tipmonitor.model.VerdictOutcome;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.VictimOriginGroup;
import org.tipmonitor.model.YesNoUnknown;

/**
 * A seeded generator of <b>synthetic</b> monitor data: presumed victims with their registrations, offenders with
 * their prosecution chains, and the police-signal series. Nothing in it describes a real person.
 *
 * <p><b>The victims come from a known true population.</b> For each year 2014–2018 a true population of victims
 * is drawn (form of exploitation, minor or adult, origin, sex), and each of six lists ({@link CaptureList}) finds
 * each victim with a probability that depends on the list, the year, the form and whether the victim is a minor.
 * Shelters and care coordinators find victims the police found more often (positive list dependence). Only the
 * victims found by at least one list appear in the data, with one registration per list that found them; the
 * size of the true population is returned by {@link #truth()}, and its split by year, form and age group by
 * {@link #trueStrata()}, so that a population estimate can be compared with it. {@link #withHeterogeneity(double)}
 * adds catchability that no covariate explains.
 *
 * <p><b>The margins follow the published figures</b> (National Rapporteur, Victims Monitor 2014–2018 and
 * CoMensha's figures, as collected in the project's domain notes): registered persons per year 1,255 (2014),
 * about 1,300 (2015, uncertain in the sources), 952 (2016), 958 (2017) and 668 (2018); the police's share of the
 * reports falling from about three quarters to about a third; non-investigative organisations reporting about
 * 550 victims a year until the GDPR applied on 2018-05-25 and about 150 in 2018, after which they report with
 * consent at a fifth of the former rate; about one in five victims in view in 2014 and one in nine in 2018; almost
 * half of the true victims of domestic sexual exploitation minors, but few of them in view. The police-signal
 * series falls for four years and rises in 2018 only because of African victims, mostly Dublin claimants, as the
 * 2019 letter to parliament states. Offender cases at the public prosecutor fall from 250 (2013) to 140 (2017),
 * with about a quarter of offenders under 23 (almost four in ten for domestic sexual exploitation), one in six
 * female, dismissals rising from about a fifth to over a third.
 *
 * <p><b>Police reports and the cases they led to</b> ({@link #policeReports()}): every registration that records a
 * police report (aangifte) gets one, filed up to a month before the registration; it leads to a case at the public
 * prosecutor with a probability that is lower for Dublin claimants ({@value #LINK_DUBLIN}) than for others
 * ({@value #LINK_NOT_DUBLIN}; {@value #LINK_UNKNOWN} when the Dublin status is unknown), as the 2019 letter says
 * their reports "often do not lead to prosecution" (the shares are this generator's choice, not published
 * figures). The case is the first generated case of the same form registered at least an exponentially
 * distributed delay (mean {@value #LINK_MEAN_DELAY_DAYS} days) after the filing; a report whose delay runs past the
 * last case stays without one. The links are drawn from their own seeded stream, so the victims, offenders and
 * police signals are the same with or without them.
 *
 * <p><b>Dated residence stages</b> ({@link #residenceHistories(LocalDate)}): nine in ten registrations whose victim is
 * in the B8/3 scheme at the report (reflection period or temporary permit) get a history that starts with that stage
 * on the report date. A reflection period lasts up to three months (Aliens Circular 2000, B8/3), for Dublin claimants
 * entering from 2023-05-18 up to 30 days (Stcrt. 2023, 13577): its length is 1 + an exponential number of days (mean
 * {@value #REFLECTION_MEAN_DAYS}), cut at that maximum, and half of those who leave the scheme use it to the end.
 * It is followed by a temporary permit as victim or witness-reporter, none (the scheme left: no report, refused,
 * departed) or unknown, with Dublin claimants leaving the scheme more often ({@value #REFLECTION_LEFT_DUBLIN} against
 * {@value #REFLECTION_LEFT_OTHERS}); about a third of temporary permits become continued residence three years later.
 * These lengths and shares are this generator's choices, not published figures. Stages after the end of observation
 * (the dataset's creation) are not written, so a reflection period that runs past it is still open in the data. The
 * stages come from their own seeded stream: every other record is the same with or without them.
 *
 * <p>With {@link #withRegisteredVictims(int)} every count scales, so that large files can be generated; the
 * histories are produced lazily, one at a time, and the same seed always gives the same data, so a writer can
 * stream them twice (first the victims, then the registrations) in bounded memory.
 */
public final class SyntheticMonitorData {

    /** The first registration year of the victim data. */
    public static final int FIRST_YEAR = 2014;
    /** The last registration year of the victim data. */
    public static final int LAST_YEAR = 2018;

    /** Registered presumed victims per year, 2014–2018, as published (2015 uncertain in the sources). */
    static final int[] PUBLISHED_REGISTERED = {1255, 1300, 952, 958, 668};
    /** Offender cases registered at the public prosecutor per year, 2013–2017 (from about 300 in 2012 to 140). */
    static final int[] PUBLISHED_OFFENDER_CASES = {250, 220, 200, 170, 140};

    private static final ExploitationForm[] FORMS = {
        ExploitationForm.DOMESTIC_SEXUAL, ExploitationForm.CROSS_BORDER_SEXUAL, ExploitationForm.LABOUR,
        ExploitationForm.CRIMINAL, ExploitationForm.ORGAN_REMOVAL, ExploitationForm.OTHER};
    private static final double[] FORM_SHARES = {0.42, 0.22, 0.22, 0.10, 0.004, 0.036};
    /** Share of minors among the true victims of each form (domestic sexual: almost half). */
    private static final double[] MINOR_SHARES = {0.45, 0.08, 0.03, 0.30, 0.0, 0.05};
    private static final double[] FEMALE_SHARES = {0.92, 0.94, 0.30, 0.45, 0.4, 0.5};

    /**
     * Mean capture probability per list (rows P, K, I, R, O, Z) and year (columns 2014–2018) over the true
     * population, before the GDPR effect: the police's falling share, and non-investigative organisations
     * (R, O, Z together) finding about 550 victims a year of a true population of about 6,250.
     */
    private static final double[][] MEAN_CAPTURE = {
        {0.110, 0.100, 0.075, 0.057, 0.066},
        {0.025, 0.025, 0.024, 0.024, 0.024},
        {0.010, 0.010, 0.010, 0.011, 0.012},
        {0.035, 0.034, 0.037, 0.035, 0.024},
        {0.020, 0.019, 0.020, 0.019, 0.013},
        {0.033, 0.033, 0.035, 0.033, 0.023}};
    /** Multiplier per list (rows) and form (columns, in the order of FORMS). */
    private static final double[][] FORM_EFFECT = {
        {1.00, 0.70, 0.20, 0.50, 0.50, 0.30},
        {0.01, 1.00, 0.08, 0.02, 0.05, 0.02},
        {0.005, 0.01, 1.00, 0.10, 0.20, 0.20},
        {1.00, 1.00, 0.70, 0.80, 1.00, 0.60},
        {1.00, 1.20, 0.40, 0.50, 1.00, 0.50},
        {0.60, 0.90, 1.60, 1.00, 1.00, 1.00}};
    /** Multiplier per list for minors: the police and the border police rarely find minors. */
    private static final double[] MINOR_EFFECT = {0.25, 0.40, 0.20, 0.80, 0.50, 1.30};
    /** After the GDPR, non-investigative organisations report at this fraction of their former rate. */
    private static final double GDPR_EFFECT = 0.15;
    /** Dependence: shelters and care coordinators find victims the police found more often. */
    private static final double SHELTER_IF_POLICE = 2.5;
    private static final double COORDINATOR_IF_POLICE = 1.8;

    /** Base probability per list and year: the mean capture divided by the population mix's mean multiplier. */
    private static final double[][] BASE = baseProbabilities();

    private static final String KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    /** Mixed into a year's seed for the latent catchability classes (a stream apart from the victims' stream). */
    private static final long CLASS_STREAM = 0x6c61_7465_6e74_0001L;
    /** Mixed into a year's seed for the unreported victims' hypothetical first report dates (truth only). */
    private static final long TRUTH_STREAM = 0x7472_7574_6800_0001L;
    /** Days after coming into view within which a list reports a victim: 0 to this number less one. */
    private static final int REPORT_DELAY_DAYS = 45;
    /** Probability that a police report of a Dublin claimant leads to a case. */
    static final double LINK_DUBLIN = 0.12;
    /** Probability that a police report of a victim without a Dublin status leads to a case. */
    static final double LINK_NOT_DUBLIN = 0.40;
    /** Probability that a police report of a victim whose Dublin status is unknown leads to a case. */
    static final double LINK_UNKNOWN = 0.30;
    /** Mean of the exponential delay from filing to registration at the public prosecutor, in days. */
    static final int LINK_MEAN_DELAY_DAYS = 240;
    /** Mean of the exponential part of a reflection period's length, in days. */
    static final int REFLECTION_MEAN_DAYS = 35;
    /** Share of Dublin claimants whose reflection period ends with leaving the scheme. */
    static final double REFLECTION_LEFT_DUBLIN = 0.55;
    /** Share of other victims whose reflection period ends with leaving the scheme. */
    static final double REFLECTION_LEFT_OTHERS = 0.23;
    /** From this day Dublin claimants get a reflection period of 30 days instead of three months (Stcrt. 2023, 13577). */
    static final LocalDate DUBLIN_30_DAYS = LocalDate.of(2023, 5, 18);
    /** Probability that a registration in the scheme has a dated stage history. */
    private static final double STAGE_HISTORY = 0.9;
    /** Probability that a temporary permit becomes continued residence after three years. */
    private static final double CONTINUED = 0.35;
    /** Probability that a report that led to a case led to a second one (a co-suspect). */
    private static final double SECOND_CASE = 0.25;

    private final long seed;
    private final double scale;
    private final double heterogeneity;

    private SyntheticMonitorData(long seed, double scale, double heterogeneity) {
        this.seed = seed;
        this.scale = scale;
        this.heterogeneity = heterogeneity;
    }

    /**
     * Synthetic data at the published scale (about 5,100 registered victims over 2014–2018).
     *
     * @param seed the seed
     * @return the generator
     */
    public static SyntheticMonitorData of(long seed) {
        return new SyntheticMonitorData(seed, 1.0, 0.0);
    }

    /**
     * The same generator scaled so that about this many victims are registered over 2014–2018; offenders and
     * police signals scale alike.
     *
     * @param victims the expected number of registered victims, at least 1
     * @return the scaled generator
     * @throws IllegalArgumentException if victims is less than 1
     */
    public SyntheticMonitorData withRegisteredVictims(int victims) {
        if (victims < 1) {
            throw new IllegalArgumentException("Number of victims is less than 1: " + victims);
        }
        int published = 0;
        for (int count : PUBLISHED_REGISTERED) {
            published += count;
        }
        return new SyntheticMonitorData(seed, (double) victims / published, heterogeneity);
    }

    /**
     * The same generator with unobserved heterogeneity of catchability inside every stratum: each true victim
     * belongs to one of two latent classes of equal size, drawn independently of everything else, and every list
     * finds a victim of the more catchable class with probability {@code min(p (1 + h), 0.95)} and one of the less
     * catchable class with probability {@code min(p (1 - h), 0.95)}, where {@code p} is the list's probability
     * for the victim's year, form, age group, report date and police capture. Averaged over the classes the
     * stratum's catchability is {@code p} (exactly, unless the cap applies), but the lists now find the same
     * victims more often than their probabilities suggest: a dependence that no covariate in the data explains
     * (heterogeneous catchability: Chao 1987, Biometrics 43(4); Darroch, Fienberg, Glonek &amp; Junker 1993,
     * J. Amer. Statist. Assoc. 88(423)).
     *
     * <p>The registered margins keep following the published figures: the true population per year is
     * the registered count divided by the probability of being in view averaged over the two classes, which
     * heterogeneity lowers, so the hidden part of the population grows with {@code h}.
     *
     * <p>With {@code h = 0} (the default) there are no classes and the data are those of the generator without
     * this option, bit for bit: the classes come from a random stream of their own, drawn only when
     * {@code h > 0}.
     *
     * @param newHeterogeneity {@code h}, at least 0 and less than 1
     * @return the generator with heterogeneity
     * @throws IllegalArgumentException if newHeterogeneity is negative, not less than 1, or not a number
     */
    public SyntheticMonitorData withHeterogeneity(double newHeterogeneity) {
        if (!(newHeterogeneity >= 0 && newHeterogeneity < 1)) {
            throw new IllegalArgumentException("Heterogeneity is not at least 0 and less than 1: " + newHeterogeneity);
        }
        return new SyntheticMonitorData(seed, scale, newHeterogeneity);
    }

    /**
     * The unobserved heterogeneity of catchability, 0 when there is none (see {@link #withHeterogeneity}).
     *
     * @return {@code h}
     */
    public double heterogeneity() {
        return heterogeneity;
    }

    /**
     * The seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The true population behind the victim data: its size per year and the probability of being in view.
     *
     * @return the truth
     */
    public SyntheticTruth truth() {
        Map<Integer, Long> population = new LinkedHashMap<>();
        Map<Integer, Double> inView = new LinkedHashMap<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            double probability = probabilityInView(year, heterogeneity);
            inView.put(year, probability);
            population.put(year, truePopulation(year, probability));
        }
        return new SyntheticTruth(seed, scale, population, inView, heterogeneity);
    }

    /**
     * The true population per stratum of registration year, form of exploitation and age group: every true
     * victim counted once, whether any list found them or not. The strata come in the order year, form
     * ({@link ExploitationForm#DOMESTIC_SEXUAL}, {@code CROSS_BORDER_SEXUAL}, {@code LABOUR}, {@code CRIMINAL},
     * {@code ORGAN_REMOVAL}, {@code OTHER}), adult before minor, empty strata included; their victims add up to
     * {@link SyntheticTruth#truePopulation()} year by year.
     *
     * <p>A victim is a minor by the report's rule ({@link org.tipmonitor.indicators.victims.MinorShareEstimator},
     * persons: under {@value AgeGroup#MAJORITY_AGE} at the first report in the period), computed from the true
     * birth day: for a registered victim at their first report date; for a victim no list found, at the date
     * of the report had a list found them, which is drawn as a list draws it (0 to 44 days after the victim
     * comes into view, not past the year's end) from a random stream of its own, so the data do not change.
     * The data may classify a registered victim otherwise than the truth does only where they hide the truth:
     * a birth date known to the month or year only (its point age), an unknown birth date, or the form recorded
     * as unknown (3 % of registered victims; the truth keeps the true form).
     *
     * <p>The generator is run once more to count: the cost is that of writing the victims.
     *
     * @return the strata, 60 of them
     */
    public List<SyntheticTruth.Stratum> trueStrata() {
        long[][][] counts = new long[LAST_YEAR - FIRST_YEAR + 1][FORMS.length][2];
        VictimIterator iterator = new VictimIterator(truth(), counts);
        while (iterator.hasNext()) {
            iterator.next();
        }
        List<SyntheticTruth.Stratum> strata = new ArrayList<>();
        for (int y = 0; y < counts.length; y++) {
            for (int f = 0; f < FORMS.length; f++) {
                for (int minor = 0; minor <= 1; minor++) {
                    strata.add(new SyntheticTruth.Stratum(FIRST_YEAR + y, FORMS[f], minor == 1, counts[y][f][minor]));
                }
            }
        }
        return Collections.unmodifiableList(strata);
    }

    private long truePopulation(int year, double probabilityInView) {
        return Math.round(PUBLISHED_REGISTERED[year - FIRST_YEAR] * scale / probabilityInView);
    }

    /**
     * The probability that a victim of a year is found by at least one list, averaged over the population mix,
     * the latent catchability classes (none when heterogeneity is 0) and, in 2018, over the report dates before
     * and after the GDPR. Dependence between lists does not enter: a victim nobody found was not found by the
     * police either.
     */
    private static double probabilityInView(int year, double heterogeneity) {
        double[] classes = heterogeneity == 0 ? new double[] {1.0}
                : new double[] {1 + heterogeneity, 1 - heterogeneity};
        double total = 0;
        LocalDate gdpr = Registration.GDPR_DATE;
        double afterGdpr = year < gdpr.getYear() ? 0 : year > gdpr.getYear() ? 1
                : (double) (LocalDate.of(year, 12, 31).getDayOfYear() - gdpr.getDayOfYear() + 1)
                        / LocalDate.of(year, 12, 31).getDayOfYear();
        for (int f = 0; f < FORMS.length; f++) {
            for (int minor = 0; minor <= 1; minor++) {
                double weight = FORM_SHARES[f] * (minor == 1 ? MINOR_SHARES[f] : 1 - MINOR_SHARES[f]);
                double before = 0;
                double after = 0;
                for (double catchability : classes) {
                    before += 1 - missedByAll(year, f, minor == 1, false, catchability);
                    after += 1 - missedByAll(year, f, minor == 1, true, catchability);
                }
                before /= classes.length;
                after /= classes.length;
                total += weight * ((1 - afterGdpr) * before + afterGdpr * after);
            }
        }
        return total;
    }

    private static double missedByAll(int year, int form, boolean minor, boolean afterGdpr, double catchability) {
        double missed = 1;
        for (CaptureList list : CaptureList.values()) {
            missed *= 1 - capture(list, year, form, minor, afterGdpr, false, catchability);
        }
        return missed;
    }

    /** The capture probability; catchability is the latent class's multiplier, exactly 1 without classes. */
    private static double capture(CaptureList list, int year, int form, boolean minor, boolean afterGdpr,
                                  boolean foundByPolice, double catchability) {
        int l = list.ordinal();
        double p = BASE[l][year - FIRST_YEAR] * FORM_EFFECT[l][form] * (minor ? MINOR_EFFECT[l] : 1) * catchability;
        if (!list.isInvestigative() && afterGdpr) {
            p *= GDPR_EFFECT;
        }
        if (foundByPolice && list == CaptureList.O) {
            p *= SHELTER_IF_POLICE;
        } else if (foundByPolice && list == CaptureList.R) {
            p *= COORDINATOR_IF_POLICE;
        }
        return Math.min(p, 0.95);
    }

    private static double[][] baseProbabilities() {
        double[][] base = new double[MEAN_CAPTURE.length][];
        for (int l = 0; l < MEAN_CAPTURE.length; l++) {
            double mix = 0;
            for (int f = 0; f < FORMS.length; f++) {
                mix += FORM_SHARES[f] * FORM_EFFECT[l][f] * (1 - MINOR_SHARES[f] + MINOR_SHARES[f] * MINOR_EFFECT[l]);
            }
            base[l] = new double[MEAN_CAPTURE[l].length];
            for (int y = 0; y < MEAN_CAPTURE[l].length; y++) {
                base[l][y] = MEAN_CAPTURE[l][y] / mix;
            }
        }
        return base;
    }

    /**
     * The registered victims with their registrations, year by year, generated lazily. Iterating twice gives the
     * same histories.
     *
     * @return the histories
     */
    public Iterable<VictimHistory> victimHistories() {
        return () -> new VictimIterator(truth(), null);
    }

    /**
     * Offenders with their cases registered at the public prosecutor in 2013–2017, generated lazily. Iterating
     * twice gives the same histories.
     *
     * @return the histories
     */
    public Iterable<OffenderHistory> offenderHistories() {
        return () -> new OffenderIterator();
    }

    /**
     * The police-signal series 2013–2018: presumed victims identified by the police, by form, origin group and
     * Dublin status. Totals fall from 2013 to 2017 and rise in 2018, driven by African victims (most of them
     * Dublin claimants); without them 2018 would have fallen again.
     *
     * @return the cells, zero cells omitted
     */
    public List<PoliceSignalCount> policeSignals() {
        // Identified victims per origin group and year 2013-2018 at the published scale.
        Map<VictimOriginGroup, int[]> series = new EnumMap<>(VictimOriginGroup.class);
        series.put(VictimOriginGroup.DUTCH, new int[] {340, 320, 290, 260, 225, 190});
        series.put(VictimOriginGroup.EU, new int[] {270, 255, 230, 205, 180, 160});
        series.put(VictimOriginGroup.AFRICAN, new int[] {70, 66, 62, 60, 58, 205});
        series.put(VictimOriginGroup.OTHER, new int[] {110, 106, 100, 95, 90, 86});
        SplittableRandom random = new SplittableRandom(seed ^ 0x5eed_0001L);
        List<PoliceSignalCount> cells = new ArrayList<>();
        for (int y = 0; y < 6; y++) {
            int year = 2013 + y;
            for (Map.Entry<VictimOriginGroup, int[]> entry : series.entrySet()) {
                VictimOriginGroup origin = entry.getKey();
                long total = Math.round(entry.getValue()[y] * scale);
                double dublinShare = origin == VictimOriginGroup.AFRICAN ? (year == 2018 ? 0.75 : 0.35)
                        : origin == VictimOriginGroup.OTHER ? 0.15 : 0.0;
                double[] formShares = origin == VictimOriginGroup.DUTCH ? new double[] {0.80, 0.02, 0.05, 0.13}
                        : origin == VictimOriginGroup.AFRICAN ? new double[] {0.10, 0.75, 0.10, 0.05}
                        : new double[] {0.15, 0.45, 0.30, 0.10};
                long[] byCell = new long[8];
                for (long v = 0; v < total; v++) {
                    int form = pick(random, formShares);
                    int dublin = random.nextDouble() < dublinShare ? 1 : 0;
                    byCell[form * 2 + dublin]++;
                }
                for (int c = 0; c < byCell.length; c++) {
                    if (byCell[c] > 0) {
                        cells.add(new PoliceSignalCount(year, PoliceSeries.IDENTIFIED_VICTIMS, FORMS[c / 2], origin,
                                c % 2 == 1 ? DublinStatus.DUBLIN : DublinStatus.NOT_DUBLIN, byCell[c]));
                    }
                }
            }
        }
        return Collections.unmodifiableList(cells);
    }

    /**
     * The police reports of the registered victims, with the cases they led to (format 1.1), in the order of the
     * registrations. Generated from their own seeded stream; iterating twice gives the same reports. Holds an
     * index of the cases (date, form and id) in memory while iterating.
     *
     * @return the reports
     */
    public Iterable<PoliceReport> policeReports() {
        return () -> {
            // The cases by form and date of registration at the public prosecutor.
            Map<ExploitationForm, TreeMap<LocalDate, List<CaseId>>> cases = new EnumMap<>(ExploitationForm.class);
            for (OffenderHistory history : offenderHistories()) {
                for (OffenderCase offenderCase : history.cases()) {
                    cases.computeIfAbsent(offenderCase.form(), f -> new TreeMap<>())
                            .computeIfAbsent(offenderCase.prosecutorRegistrationDate(), d -> new ArrayList<>())
                            .add(offenderCase.id());
                }
            }
            SplittableRandom random = new SplittableRandom(seed ^ 0x5eed_0002L);
            List<PoliceReport> reports = new ArrayList<>();
            Iterator<VictimHistory> victims = victimHistories().iterator();
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    while (next == reports.size() && victims.hasNext()) {
                        reports.clear();
                        next = 0;
                        for (Registration registration : victims.next().registrations()) {
                            if (registration.policeReportFiled() == YesNoUnknown.YES) {
                                reports.add(policeReport(registration, cases, random));
                            }
                        }
                    }
                    return next < reports.size();
                }

                @Override
                public PoliceReport next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return reports.get(next++);
                }
            };
        };
    }

    /**
     * The dated residence stages of the registrations whose victim is in the scheme at the report (format 1.1), in
     * the order of the registrations; see the class description. Generated from their own seeded stream; iterating
     * twice gives the same histories.
     *
     * @param observedUntil the end of observation (the dataset's creation): later stages are not written
     * @return the histories
     * @throws NullPointerException if observedUntil is null
     */
    public Iterable<ResidenceHistory> residenceHistories(LocalDate observedUntil) {
        Objects.requireNonNull(observedUntil, "observedUntil");
        return () -> {
            SplittableRandom random = new SplittableRandom(seed ^ 0x5eed_0003L);
            List<ResidenceHistory> histories = new ArrayList<>();
            Iterator<VictimHistory> victims = victimHistories().iterator();
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    while (next == histories.size() && victims.hasNext()) {
                        histories.clear();
                        next = 0;
                        for (Registration registration : victims.next().registrations()) {
                            residenceHistory(registration, observedUntil, random).ifPresent(histories::add);
                        }
                    }
                    return next < histories.size();
                }

                @Override
                public ResidenceHistory next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return histories.get(next++);
                }
            };
        };
    }

    private static Optional<ResidenceHistory> residenceHistory(Registration registration,
                                                                         LocalDate observedUntil,
                                                                         SplittableRandom random) {
        ResidenceSchemeStage stage = registration.residenceStage();
        // Every draw is made whatever the outcome, so that one registration's stages never shift another's.
        double kept = random.nextDouble();
        double exponential = -Math.log(1 - random.nextDouble()) * REFLECTION_MEAN_DAYS;
        double fullLength = random.nextDouble();
        double next = random.nextDouble();
        double continued = random.nextDouble();
        if (!stage.isInScheme() || stage == ResidenceSchemeStage.CONTINUED_RESIDENCE || kept >= STAGE_HISTORY
                || registration.reportDate().isAfter(observedUntil)) {
            return Optional.empty();
        }
        LocalDate entered = registration.reportDate();
        List<ResidenceStageChange> stages = new ArrayList<>();
        stages.add(new ResidenceStageChange(stage, entered));
        LocalDate permit = stage == ResidenceSchemeStage.REFLECTION_PERIOD ? null : entered;
        if (stage == ResidenceSchemeStage.REFLECTION_PERIOD) {
            boolean dublin = registration.dublinStatus() == DublinStatus.DUBLIN;
            double left = dublin ? REFLECTION_LEFT_DUBLIN : REFLECTION_LEFT_OTHERS;
            ResidenceSchemeStage after = next < left ? ResidenceSchemeStage.NONE
                    : next < left + (dublin ? 0.15 : 0.10) ? ResidenceSchemeStage.UNKNOWN
                    : next < left + (dublin ? 0.20 : 0.22) ? ResidenceSchemeStage.TEMPORARY_PERMIT_WITNESS
                    : ResidenceSchemeStage.TEMPORARY_PERMIT_VICTIM;
            LocalDate latest = dublin && !entered.isBefore(DUBLIN_30_DAYS) ? entered.plusDays(30)
                    : entered.plusMonths(3);
            LocalDate end = after == ResidenceSchemeStage.NONE && fullLength < 0.5 ? latest
                    : entered.plusDays(1 + Math.round(exponential));
            end = end.isAfter(latest) ? latest : end;
            if (!end.isAfter(observedUntil)) {
                stages.add(new ResidenceStageChange(after, end));
                permit = after == ResidenceSchemeStage.TEMPORARY_PERMIT_VICTIM
                        || after == ResidenceSchemeStage.TEMPORARY_PERMIT_WITNESS ? end : null;
            }
        }
        if (permit != null && continued < CONTINUED && !permit.plusYears(3).isAfter(observedUntil)) {
            stages.add(new ResidenceStageChange(ResidenceSchemeStage.CONTINUED_RESIDENCE, permit.plusYears(3)));
        }
        return Optional.of(new ResidenceHistory(registration.id(), stages));
    }

    private static PoliceReport policeReport(Registration registration,
                                             Map<ExploitationForm, TreeMap<LocalDate, List<CaseId>>> cases,
                                             SplittableRandom random) {
        LocalDate filed = registration.reportDate().minusDays(random.nextInt(31));
        double link = registration.dublinStatus() == DublinStatus.DUBLIN ? LINK_DUBLIN
                : registration.dublinStatus() == DublinStatus.NOT_DUBLIN ? LINK_NOT_DUBLIN : LINK_UNKNOWN;
        boolean linked = random.nextDouble() < link;
        long delay = Math.round(-Math.log(1 - random.nextDouble()) * LINK_MEAN_DELAY_DAYS);
        boolean second = random.nextDouble() < SECOND_CASE;
        TreeMap<LocalDate, List<CaseId>> sameForm = cases.get(registration.form());
        if (!linked || sameForm == null) {
            return PoliceReport.withoutCase(registration.id(), filed);
        }
        List<CaseId> found = new ArrayList<>();
        for (List<CaseId> onDay : sameForm.tailMap(filed.plusDays(delay), true).values()) {
            for (CaseId id : onDay) {
                if (found.size() < (second ? 2 : 1)) {
                    found.add(id);
                }
            }
            if (found.size() == (second ? 2 : 1)) {
                break;
            }
        }
        return new PoliceReport(registration.id(), filed, found);
    }

    /** Generates the true population year by year and yields the victims found by at least one list. */
    private final class VictimIterator implements Iterator<VictimHistory> {
        private final SyntheticTruth truth;
        /** True victims per year, form and minor (0/1) when counting the truth, else null. */
        private final long[][][] counts;
        private int year = FIRST_YEAR;
        private long remainingInYear;
        private SplittableRandom random;
        /** The latent classes' stream, only with heterogeneity. */
        private SplittableRandom classRandom;
        /** The hypothetical report dates' stream, only when counting the truth. */
        private SplittableRandom truthRandom;
        private VictimHistory next;
        private int registrationNumber;

        VictimIterator(SyntheticTruth truth, long[][][] counts) {
            this.truth = truth;
            this.counts = counts;
            startYear();
        }

        private void startYear() {
            remainingInYear = truth.truePopulation().get(year);
            random = new SplittableRandom(seed * 31 + year);
            classRandom = heterogeneity > 0 ? new SplittableRandom((seed * 31 + year) ^ CLASS_STREAM) : null;
            truthRandom = counts != null ? new SplittableRandom((seed * 31 + year) ^ TRUTH_STREAM) : null;
            registrationNumber = 0;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (remainingInYear == 0) {
                    if (year == LAST_YEAR) {
                        return false;
                    }
                    year++;
                    startYear();
                    continue;
                }
                remainingInYear--;
                next = trueVictim();
            }
            return true;
        }

        @Override
        public VictimHistory next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            VictimHistory result = next;
            next = null;
            return result;
        }

        /** Draws one true victim and returns their history, or null if no list found them. */
        private VictimHistory trueVictim() {
            int form = pick(random, FORM_SHARES);
            boolean minor = random.nextDouble() < MINOR_SHARES[form];
            LocalDate found = LocalDate.ofYearDay(year, 1 + random.nextInt(LocalDate.of(year, 12, 31).getDayOfYear()));
            boolean afterGdpr = !found.isBefore(Registration.GDPR_DATE);
            double catchability = classRandom == null ? 1.0
                    : classRandom.nextBoolean() ? 1 + heterogeneity : 1 - heterogeneity;
            boolean police = random.nextDouble()
                    < capture(CaptureList.P, year, form, minor, afterGdpr, false, catchability);
            List<CaptureList> lists = new ArrayList<>();
            if (police) {
                lists.add(CaptureList.P);
            }
            for (CaptureList list : CaptureList.values()) {
                if (list != CaptureList.P
                        && random.nextDouble() < capture(list, year, form, minor, afterGdpr, police, catchability)) {
                    lists.add(list);
                }
            }
            // Draw the person's attributes even when unseen, so that the random stream does not depend on capture.
            NationalityRegion region = origin(form);
            String nationality = nationality(region);
            Sex sex = random.nextDouble() < 0.01 ? Sex.UNKNOWN
                    : random.nextDouble() < FEMALE_SHARES[form] ? Sex.FEMALE : Sex.MALE;
            int age = minor ? 12 + random.nextInt(6) : 18 + (int) Math.min(50, Math.abs(random.nextDouble()
                    + random.nextDouble() + random.nextDouble() - 1.5) * 16);
            LocalDate trueBirth = found.minusYears(age).minusDays(random.nextInt(365));
            BirthDate birth = recordedBirthDate(trueBirth);
            PersonKey key = personKey(random);
            boolean dublin = region != NationalityRegion.NETHERLANDS && region != NationalityRegion.EU_EEA && !minor
                    && random.nextDouble() < 0.3;
            if (lists.isEmpty()) {
                count(form, trueBirth, hypotheticalReport(found));
                return null;
            }
            Victim victim = new Victim(key, sex, birth, Nationality.of(nationality));
            List<Registration> registrations = new ArrayList<>();
            boolean unknownForm = random.nextDouble() < 0.03;
            for (CaptureList list : lists) {
                LocalDate reported = found.plusDays(random.nextInt(REPORT_DELAY_DAYS));
                if (reported.getYear() != year) {
                    reported = LocalDate.of(year, 12, 31);
                }
                if (!list.isInvestigative() && afterGdpr != !reported.isBefore(Registration.GDPR_DATE)) {
                    reported = found;
                }
                registrations.add(registration(list, key, reported, form, unknownForm, minor, region, dublin));
            }
            if (counts != null) {
                count(form, trueBirth, registrations.stream().map(Registration::reportDate).min(LocalDate::compareTo)
                        .orElseThrow());
            }
            return new VictimHistory(victim, registrations);
        }

        /** Counts a true victim in the truth, a minor by their age at the (first or hypothetical) report. */
        private void count(int form, LocalDate trueBirth, LocalDate report) {
            if (counts != null) {
                boolean minorAtReport = BirthDate.ofDay(trueBirth).ageGroupAt(report).isMinor();
                counts[year - FIRST_YEAR][form][minorAtReport ? 1 : 0]++;
            }
        }

        /** The report date of a victim no list found, had one found them; null unless counting the truth. */
        private LocalDate hypotheticalReport(LocalDate found) {
            if (truthRandom == null) {
                return null;
            }
            LocalDate reported = found.plusDays(truthRandom.nextInt(REPORT_DELAY_DAYS));
            return reported.getYear() != year ? LocalDate.of(year, 12, 31) : reported;
        }

        private Registration registration(CaptureList list, PersonKey key, LocalDate reported, int form,
                                          boolean unknownForm, boolean minor, NationalityRegion region,
                                          boolean dublin) {
            ReporterType reporter = reporter(list, form, minor);
            LegalBasis basis;
            if (list.isInvestigative()) {
                basis = LegalBasis.STATUTORY_DUTY;
            } else if (!reported.isBefore(Registration.GDPR_DATE)) {
                basis = random.nextDouble() < 0.85 ? LegalBasis.EXPLICIT_CONSENT : LegalBasis.OTHER_BASIS;
            } else {
                double u = random.nextDouble();
                basis = u < 0.6 ? LegalBasis.UNKNOWN : u < 0.9 ? LegalBasis.EXPLICIT_CONSENT : LegalBasis.OTHER_BASIS;
            }
            ExploitationForm exploitation = FORMS[form];
            TraffickingRoute route;
            if (exploitation == ExploitationForm.DOMESTIC_SEXUAL) {
                route = TraffickingRoute.DOMESTIC;
            } else if (exploitation == ExploitationForm.CROSS_BORDER_SEXUAL) {
                route = TraffickingRoute.CROSS_BORDER;
            } else {
                boolean domestic = region == NationalityRegion.NETHERLANDS ? random.nextDouble() < 0.8
                        : random.nextDouble() < 0.25;
                route = domestic ? TraffickingRoute.DOMESTIC : TraffickingRoute.CROSS_BORDER;
            }
            Sector sector = sector(exploitation);
            ResidenceSchemeStage stage;
            if (region == NationalityRegion.NETHERLANDS || region == NationalityRegion.EU_EEA) {
                stage = ResidenceSchemeStage.NONE;
            } else {
                double u = random.nextDouble();
                stage = u < 0.5 ? ResidenceSchemeStage.REFLECTION_PERIOD
                        : u < 0.75 ? ResidenceSchemeStage.TEMPORARY_PERMIT_VICTIM
                        : u < 0.88 ? ResidenceSchemeStage.TEMPORARY_PERMIT_WITNESS : ResidenceSchemeStage.UNKNOWN;
            }
            YesNoUnknown aangifte = list == CaptureList.P ? (random.nextDouble() < 0.55 ? YesNoUnknown.YES
                    : YesNoUnknown.NO) : random.nextDouble() < 0.5 ? YesNoUnknown.UNKNOWN : YesNoUnknown.NO;
            registrationNumber++;
            return new Registration(RegistrationId.of("r" + year + "-" + registrationNumber), key, reported,
                    reporter, unknownForm ? ExploitationForm.UNKNOWN : exploitation, route,
                    unknownForm ? Sector.UNKNOWN : sector, basis, dublin ? DublinStatus.DUBLIN
                    : region == NationalityRegion.NETHERLANDS || region == NationalityRegion.EU_EEA
                    ? DublinStatus.NOT_DUBLIN : DublinStatus.UNKNOWN, stage, aangifte);
        }

        private ReporterType reporter(CaptureList list, int form, boolean minor) {
            switch (list) {
                case P:
                    return ReporterType.POLICE;
                case K:
                    return ReporterType.ROYAL_MARECHAUSSEE;
                case I:
                    return ReporterType.LABOUR_INSPECTORATE;
                case R:
                    return ReporterType.CARE_COORDINATOR;
                case O:
                    return ReporterType.SHELTER;
                default:
                    if (FORMS[form] == ExploitationForm.LABOUR && random.nextDouble() < 0.6) {
                        return ReporterType.FAIRWORK;
                    }
                    if (minor && random.nextDouble() < 0.6) {
                        return ReporterType.YOUTH_CARE;
                    }
                    ReporterType[] others = {ReporterType.ASYLUM_RECEPTION, ReporterType.IMMIGRATION_SERVICE,
                        ReporterType.LAWYER, ReporterType.SELF, ReporterType.OTHER, ReporterType.FAIRWORK};
                    return others[random.nextInt(others.length)];
            }
        }

        private Sector sector(ExploitationForm form) {
            switch (form) {
                case DOMESTIC_SEXUAL:
                case CROSS_BORDER_SEXUAL:
                    return random.nextDouble() < 0.8 ? Sector.SEX_INDUSTRY_LESS_VISIBLE : Sector.SEX_INDUSTRY_VISIBLE;
                case LABOUR:
                    Sector[] labour = {Sector.AGRICULTURE, Sector.MANUFACTURING, Sector.CONSTRUCTION,
                        Sector.HOSPITALITY, Sector.CLEANING, Sector.TRANSPORT, Sector.DOMESTIC_WORK,
                        Sector.RETAIL_AND_BEAUTY};
                    return labour[random.nextInt(labour.length)];
                case CRIMINAL:
                    return Sector.CRIMINAL_ACTIVITIES;
                default:
                    return random.nextDouble() < 0.5 ? Sector.OTHER : Sector.UNKNOWN;
            }
        }

        private NationalityRegion origin(int form) {
            double[] shares;
            switch (FORMS[form]) {
                case DOMESTIC_SEXUAL:
                    shares = new double[] {0.85, 0.08, 0.02, 0.03, 0.01, 0.01};
                    break;
                case CROSS_BORDER_SEXUAL:
                    shares = new double[] {0.02, 0.50, 0.08, 0.22, 0.10, 0.08};
                    break;
                case LABOUR:
                    shares = new double[] {0.05, 0.45, 0.15, 0.10, 0.20, 0.05};
                    break;
                case CRIMINAL:
                    shares = new double[] {0.40, 0.30, 0.05, 0.12, 0.10, 0.03};
                    break;
                default:
                    shares = new double[] {0.20, 0.30, 0.10, 0.20, 0.15, 0.05};
            }
            NationalityRegion[] regions = {NationalityRegion.NETHERLANDS, NationalityRegion.EU_EEA,
                NationalityRegion.OTHER_EUROPE, NationalityRegion.AFRICA, NationalityRegion.ASIA,
                NationalityRegion.AMERICAS};
            return regions[pick(random, shares)];
        }

        private String nationality(NationalityRegion region) {
            if (random.nextDouble() < 0.02) {
                return random.nextBoolean() ? Nationality.UNKNOWN_CODE : Nationality.STATELESS_CODE;
            }
            String[] codes;
            switch (region) {
                case NETHERLANDS:
                    return "NL";
                case EU_EEA:
                    codes = new String[] {"RO", "RO", "BG", "BG", "PL", "HU", "LT", "SK"};
                    break;
                case OTHER_EUROPE:
                    codes = new String[] {"UA", "MD", "AL", "GB", "RS"};
                    break;
                case AFRICA:
                    codes = new String[] {"NG", "NG", "UG", "ER", "GN", "SL", "MA"};
                    break;
                case ASIA:
                    codes = new String[] {"VN", "VN", "CN", "IN", "PH", "TH"};
                    break;
                default:
                    codes = new String[] {"VE", "CO", "BR", "DO"};
            }
            return codes[random.nextInt(codes.length)];
        }

        /** The birth date as registered: unknown, to the year, to the month or to the day. */
        private BirthDate recordedBirthDate(LocalDate birth) {
            double u = random.nextDouble();
            if (u < 0.05) {
                return BirthDate.UNKNOWN;
            } else if (u < 0.13) {
                return BirthDate.ofYear(birth.getYear());
            } else if (u < 0.15) {
                return BirthDate.ofMonth(java.time.YearMonth.from(birth));
            }
            return BirthDate.ofDay(birth);
        }
    }

    /** Generates offenders and their cases, year by year. */
    private final class OffenderIterator implements Iterator<OffenderHistory> {
        private int year = 2013;
        private long remainingInYear;
        private SplittableRandom random;
        private int caseNumber;

        OffenderIterator() {
            startYear();
        }

        private void startYear() {
            remainingInYear = Math.round(PUBLISHED_OFFENDER_CASES[year - 2013] * scale);
            random = new SplittableRandom(seed * 37 + year);
            caseNumber = 0;
        }

        @Override
        public boolean hasNext() {
            while (remainingInYear == 0) {
                if (year == 2017) {
                    return false;
                }
                year++;
                startYear();
            }
            return true;
        }

        @Override
        public OffenderHistory next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            remainingInYear--;
            int form = pick(random, new double[] {0.55, 0.20, 0.15, 0.10});
            ExploitationForm exploitation = FORMS[form];
            double under23Share = form == 0 ? 0.41 : form == 3 ? 0.20 : 0.12;
            boolean under23 = random.nextDouble() < under23Share;
            LocalDate registered = LocalDate.ofYearDay(year, 1 + random.nextInt(365));
            LocalDate offence = registered.minusDays(30 + random.nextInt(600));
            int age = under23 ? 16 + random.nextInt(7) : 23 + (int) Math.abs((random.nextDouble()
                    + random.nextDouble() + random.nextDouble() - 1.5) * 22);
            LocalDate birthDay = offence.minusYears(age).minusDays(random.nextInt(365));
            BirthDate birth = random.nextDouble() < 0.03 ? BirthDate.UNKNOWN : BirthDate.ofDay(birthDay);
            Sex sex = random.nextDouble() < 1.0 / 6 ? Sex.FEMALE : Sex.MALE;
            String[] countries = {"NL", "NL", "NL", "NL", "RO", "BG", "NG", "MA", "SR", "TR", "PL", "HU"};
            String country = countries[random.nextInt(countries.length)];
            Offender offender = new Offender(personKey(random), sex, birth, Country.of(country),
                    Nationality.of("SR".equals(country) || "MA".equals(country) || "TR".equals(country)
                            ? (random.nextBoolean() ? "NL" : country) : country));
            double dismissal = 0.20 + 0.04 * (year - 2013);
            double u = random.nextDouble();
            ProsecutorDecisionType type = u < dismissal * 0.3 ? ProsecutorDecisionType.POLICY_DISMISSAL
                    : u < dismissal ? ProsecutorDecisionType.TECHNICAL_DISMISSAL
                    : u < dismissal + 0.03 ? ProsecutorDecisionType.PENALTY_ORDER
                    : u < dismissal + 0.07 ? ProsecutorDecisionType.JOINED
                    : u < dismissal + 0.09 ? ProsecutorDecisionType.TRANSFERRED
                    : u < dismissal + 0.09 + (year == 2017 ? 0.06 : 0.0) ? ProsecutorDecisionType.PENDING
                    : ProsecutorDecisionType.SUMMONS;
            LocalDate decided = type == ProsecutorDecisionType.PENDING ? null
                    : registered.plusDays(30 + random.nextInt(300));
            Verdict verdict = Verdict.NOT_APPLICABLE;
            Sentence sentence = Sentence.NONE;
            if (type == ProsecutorDecisionType.SUMMONS) {
                double v = random.nextDouble();
                VerdictOutcome outcome = v < 0.70 ? VerdictOutcome.CONVICTED : v < 0.88 ? VerdictOutcome.ACQUITTED
                        : v < 0.92 ? VerdictOutcome.DISCHARGED : VerdictOutcome.PENDING;
                verdict = outcome == VerdictOutcome.PENDING ? Verdict.PENDING
                        : Verdict.of(outcome, decided.plusDays(60 + random.nextInt(400)));
                if (outcome == VerdictOutcome.CONVICTED) {
                    boolean custody = random.nextDouble() < 0.8;
                    sentence = new Sentence(custody ? 3 + random.nextInt(58) : 0,
                            random.nextDouble() < 0.5 ? 1 + random.nextInt(12) : 0,
                            custody ? 0 : 40 + random.nextInt(200), random.nextDouble() < 0.1 ? 1000 : 0,
                            random.nextDouble() < 0.2 ? SentenceMeasure.CONFISCATION : SentenceMeasure.NONE);
                }
            }
            Article273fSubsection subsection = exploitation == ExploitationForm.LABOUR
                    || exploitation == ExploitationForm.CRIMINAL ? Article273fSubsection.SUB_4
                    : under23 && random.nextBoolean() ? Article273fSubsection.SUB_2 : Article273fSubsection.SUB_1;
            caseNumber++;
            OffenderCase offenderCase = new OffenderCase(CaseId.of("c" + year + "-" + caseNumber), offender.key(),
                    offence, registered, exploitation, subsection, new ProsecutionDecision(type, decided), verdict,
                    sentence);
            return new OffenderHistory(offender, List.of(offenderCase));
        }
    }

    private static PersonKey personKey(SplittableRandom random) {
        StringBuilder key = new StringBuilder("s");
        for (int i = 0; i < 25; i++) {
            key.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
        }
        return PersonKey.of(key.toString());
    }

    private static int pick(SplittableRandom random, double[] shares) {
        double total = 0;
        for (double share : shares) {
            total += share;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < shares.length; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}

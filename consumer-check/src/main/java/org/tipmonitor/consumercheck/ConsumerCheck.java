package org.tipmonitor.consumercheck;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.StringReader;
import java.lang.invoke.MethodHandles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.estimation.Estimate;
import org.tipmonitor.indicators.estimation.data.CaptureHistories;
import org.tipmonitor.indicators.estimation.fit.LogLinearEstimator;
import org.tipmonitor.indicators.estimation.fit.TwoListEstimator;
import org.tipmonitor.indicators.tables.CountingUnit;
import org.tipmonitor.indicators.trends.AnnualSeries;
import org.tipmonitor.indicators.victims.VictimTabulation;
import org.tipmonitor.io.ExchangeFile;
import org.tipmonitor.io.ExchangeReader;
import org.tipmonitor.io.ExchangeWriter;
import org.tipmonitor.io.RecordKind;
import org.tipmonitor.io.ValidationReport;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.VictimHistory;

/**
 * What a library user does, printed as one line per step for {@code ConsumerCheckTest} to compare: validate an
 * exchange file with a rule violation (Hibernate Validator reports it), read a valid file, write it and read the
 * copy back, count persons per year, estimate a population, and try to reach an internal package.
 *
 * <p>Arguments: a valid exchange file, an exchange file with a violation, and the file to write.
 */
public final class ConsumerCheck {

    /** An internal package of monitor-indicators: not exported, so not accessible on the module path. */
    static final String INTERNAL_CLASS = "org.tipmonitor.indicators.estimation.internal.PoissonGlm";

    private ConsumerCheck() {
    }

    /**
     * Runs the check.
     *
     * @param args the valid file, the invalid file and the output file
     * @throws Exception if a step fails (the test then sees no complete output)
     */
    public static void main(String[] args) throws Exception {
        Path valid = Path.of(args[0]);
        Path invalid = Path.of(args[1]);
        Path copy = Path.of(args[2]);

        Module self = ConsumerCheck.class.getModule();
        System.out.println("path: " + (self.isNamed() ? "module path, " + self.getName() : "class path"));
        System.out.println("library modules: " + moduleName(VictimHistory.class) + ", "
                + moduleName(VictimTabulation.class) + ", " + moduleName(ExchangeReader.class));

        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            System.out.println("bean validation provider: " + factory.getValidator().getClass().getName());
        }

        ExchangeReader reader = ExchangeReader.withDefaults();
        ValidationReport report = reader.validate(invalid);
        System.out.println("invalid file: valid " + report.isValid() + ", codes " + report.codes() + ", victims "
                + report.counts(RecordKind.VICTIM));

        ExchangeFile file = reader.readFile(valid);
        ExchangeWriter.withDefaults().write(file, copy);
        ExchangeFile back = reader.readFile(copy);
        System.out.println("valid file: " + file.victims().size() + " victims, " + file.registrations().size()
                + " registrations; written and read back equal: " + back.equals(file));

        Map<PersonKey, List<Registration>> byVictim = file.registrations().stream()
                .collect(Collectors.groupingBy(Registration::victimKey));
        List<VictimHistory> histories = new ArrayList<>();
        file.victims().forEach(v -> histories.add(new VictimHistory(v, byVictim.getOrDefault(v.key(), List.of()))));
        AnnualSeries persons = VictimTabulation.of(CountingUnit.PERSONS, new YearRange(2017, 2019))
                .annualSeries(histories);
        System.out.println("persons registered 2017-2019: " + persons.count(2017) + ", " + persons.count(2018) + ", "
                + persons.count(2019));

        // Two lists A and B: 30 on A only, 40 on B only, 20 on both (n1 = 50, n2 = 60, m = 20).
        CaptureHistories table = CaptureHistories.fromCsv(new StringReader("A,B,count\n1,0,30\n0,1,40\n1,1,20\n"));
        Estimate independence = LogLinearEstimator.withDefaults().estimate(table, "A + B").orElseThrow();
        Estimate chapman = TwoListEstimator.CHAPMAN.estimate(table).orElseThrow();
        System.out.println(String.format(Locale.ROOT, "population estimate: observed %d, log-linear A + B %.6f,"
                + " Chapman %.6f", independence.observed(), independence.estimate(), chapman.estimate()));

        Class<?> internal = Class.forName(INTERNAL_CLASS);
        String access;
        try {
            MethodHandles.publicLookup().accessClass(internal);
            access = "accessible";
        } catch (IllegalAccessException e) {
            access = "not accessible";
        }
        System.out.println("internal package " + internal.getPackageName() + ": exported "
                + internal.getModule().isExported(internal.getPackageName()) + ", " + access);
    }

    private static String moduleName(Class<?> type) {
        Module module = type.getModule();
        return module.isNamed() ? module.getName() : "unnamed";
    }
}

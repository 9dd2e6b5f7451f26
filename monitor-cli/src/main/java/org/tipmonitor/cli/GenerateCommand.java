package org.tipmonitor.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tipmonitor.cli.synthetic.SyntheticMonitorData;
import org.tipmonitor.cli.synthetic.SyntheticTruth;
import org.tipmonitor.io.Dataset;
import org.tipmonitor.io.ExchangeFormat;
import org.tipmonitor.io.ExchangeWriter;
import org.tipmonitor.io.ProducerType;
import org.tipmonitor.io.RecordWriter;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.VictimHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code monitor generate}: a synthetic exchange file from {@link SyntheticMonitorData}. The records are streamed:
 * the generator is run once per array (victims, registrations, offenders, cases) with the same seed, so memory
 * does not grow with the number of victims; the police-signal cells (a few hundred) follow.
 *
 * <p>{@code --truth FILE} also writes the true population behind the data ({@link SyntheticMonitorData#trueStrata()})
 * as CSV with the header {@value #TRUTH_HEADER}: one row per registration year, form (its exchange-file code) and
 * age group ({@code minor} {@code true} or {@code false}: under 18 at the first report), every true victim
 * counted, seen or not. {@code --heterogeneity H} gives the victims two latent catchability classes
 * ({@link SyntheticMonitorData#withHeterogeneity(double)}); 0, the default, is none.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic exchange file (a known true population, the monitors' published margins).")
final class GenerateCommand implements Callable<Integer> {

    /** The most victims: about 1.5 GB of JSON, a few minutes. */
    static final int MAX_VICTIMS = 10_000_000;

    @Option(names = "--victims", required = true, paramLabel = "N",
            description = "About how many registered victims (2014-2018), 1 to " + MAX_VICTIMS
                    + "; offenders scale alike.")
    int victims;

    @Option(names = "--seed", defaultValue = "20191018", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file, replaced only once complete (written"
            + " to a temporary file beside it, then renamed); default: standard output.")
    Path out;

    @Option(names = "--pretty", description = "Indent the JSON.")
    boolean pretty;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "Also write the true population as CSV " + TRUTH_HEADER + ": every true victim, seen or"
                    + " not, by year, form and minor (under 18 at the first report). Default: not written.")
    Path truth;

    @Option(names = "--heterogeneity", defaultValue = "0", paramLabel = "H",
            description = "Unobserved heterogeneity, 0 <= H < 1: two latent classes of victims in every stratum,"
                    + " found by every list with probability p(1+H) and p(1-H) (default: ${DEFAULT-VALUE}, none).")
    double heterogeneity;

    @Spec
    CommandSpec spec;

    /** The truth file's header. */
    static final String TRUTH_HEADER = "year,form,minor,victims";

    private static final CSVFormat TRUTH_FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(TRUTH_HEADER.split(","))
            .setRecordSeparator('\n')
            .get();
    @ParentCommand
    MonitorCli parent;

    @Override
    public Integer call() throws IOException {
        if (victims < 1 || victims > MAX_VICTIMS) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--victims must be from 1 to " + MAX_VICTIMS + ": " + victims);
        }
        if (!(heterogeneity >= 0 && heterogeneity < 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--heterogeneity must be at least 0 and less than 1: " + heterogeneity);
        }
        if (truth != null && out != null
                && truth.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "--truth names the same file as --out: " + truth);
        }
        SyntheticMonitorData data = SyntheticMonitorData.of(seed).withRegisteredVictims(victims)
                .withHeterogeneity(heterogeneity);
        if (out == null) {
            OutputStream stdout = new BufferedOutputStream(new StopOnErrorOutputStream(parent.stdout), 1 << 16);
            write(data, stdout, seed, pretty);
            stdout.flush();
        } else {
            AtomicFile.write(out, file -> write(data, file, seed, pretty));
        }
        if (truth != null) {
            writeTruthAtomically(data.trueStrata(), truth);
        }
        return MonitorCli.OK;
    }

    /**
     * Writes the true population as CSV ({@value #TRUTH_HEADER}, RFC 4180, {@code \n} line ends): first to a
     * temporary file beside the target, then moved over it, so that a reader never sees half a file.
     *
     * @param strata the true population per stratum
     * @param file   the target; replaced if it exists
     * @throws IOException if the file cannot be written or moved
     */
    static void writeTruthAtomically(List<SyntheticTruth.Stratum> strata, Path file) throws IOException {
        AtomicFile.write(file, out -> {
            Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            writeTruth(strata, writer);
            writer.flush();
        });
    }

    /**
     * Writes the true population as CSV with the header {@value #TRUTH_HEADER}.
     *
     * @param strata the true population per stratum
     * @param target where to write; flushed, not closed
     * @throws IOException if writing fails
     */
    static void writeTruth(List<SyntheticTruth.Stratum> strata, Appendable target) throws IOException {
        CSVPrinter printer = TRUTH_FORMAT.print(target);
        for (SyntheticTruth.Stratum stratum : strata) {
            printer.printRecord(stratum.year(), stratum.form().code(), stratum.minor(), stratum.victims());
        }
        printer.flush();
    }

    /**
     * Streams the synthetic data as an exchange file.
     *
     * @param data   the generator
     * @param target where to write; not closed
     * @param seed   the seed, for the dataset id
     * @param pretty whether to indent
     */
    static void write(SyntheticMonitorData data, OutputStream target, long seed, boolean pretty) {
        String description = "Synthetic data by tipmonitor's generator, after the margins of the Victims Monitor"
                + " 2014-2018" + (data.heterogeneity() > 0 ? String.format(Locale.ROOT,
                        ", unobserved heterogeneity %s (two latent classes)", data.heterogeneity()) : "");
        Dataset dataset = new Dataset("synthetic-" + Long.toUnsignedString(seed), ProducerType.RESEARCH,
                LocalDate.of(2013, 1, 1), LocalDate.of(2018, 12, 31), Instant.parse("2019-10-18T00:00:00Z"),
                description, null);
        try (RecordWriter writer = ExchangeWriter.withDefaults().withPrettyPrint(pretty)
                .withFormatVersion(ExchangeFormat.FORMAT_VERSION_1_1).open(target, dataset);
             Progress progress = Progress.of(System.err, "records written")) {
            long written = 0;
            for (VictimHistory history : data.victimHistories()) {
                writer.victim(history.victim());
                progress.update(++written, 0);
            }
            for (VictimHistory history : data.victimHistories()) {
                for (Registration registration : history.registrations()) {
                    writer.registration(registration);
                    progress.update(++written, 0);
                }
            }
            for (OffenderHistory history : data.offenderHistories()) {
                writer.offender(history.offender());
                progress.update(++written, 0);
            }
            for (OffenderHistory history : data.offenderHistories()) {
                for (OffenderCase offenderCase : history.cases()) {
                    writer.offenderCase(offenderCase);
                    progress.update(++written, 0);
                }
            }
            for (PoliceSignalCount cell : data.policeSignals()) {
                writer.policeSignal(cell);
            }
            for (PoliceReport report : data.policeReports()) {
                writer.policeReport(report);
                progress.update(++written, 0);
            }
            LocalDate observedUntil = LocalDate.ofInstant(dataset.created(), ZoneOffset.UTC);
            for (ResidenceHistory history : data.residenceHistories(observedUntil)) {
                writer.residenceHistory(history);
                progress.update(++written, 0);
            }
        }
    }
}

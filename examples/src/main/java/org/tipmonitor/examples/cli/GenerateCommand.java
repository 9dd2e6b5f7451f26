package org.tipmonitor.examples.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.tipmonitor.examples.synthetic.SyntheticMonitorData;
import org.tipmonitor.io.Dataset;
import org.tipmonitor.io.ExchangeWriter;
import org.tipmonitor.io.ProducerType;
import org.tipmonitor.io.RecordWriter;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.OffenderHistory;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.VictimHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code monitor generate}: a synthetic exchange file from {@link SyntheticMonitorData}. The records are streamed:
 * the generator is run once per array (victims, registrations, offenders, cases) with the same seed, so memory
 * does not grow with the number of victims; the police-signal cells (a few hundred) follow.
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

    @Spec
    CommandSpec spec;

    @ParentCommand
    MonitorCli parent;

    @Override
    public Integer call() throws IOException {
        if (victims < 1 || victims > MAX_VICTIMS) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--victims must be from 1 to " + MAX_VICTIMS + ": " + victims);
        }
        SyntheticMonitorData data = SyntheticMonitorData.of(seed).withRegisteredVictims(victims);
        if (out == null) {
            OutputStream stdout = new BufferedOutputStream(new StopOnErrorOutputStream(parent.stdout), 1 << 16);
            write(data, stdout, seed, pretty);
            stdout.flush();
        } else {
            AtomicFile.write(out, file -> write(data, file, seed, pretty));
        }
        return MonitorCli.OK;
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
        Dataset dataset = new Dataset("synthetic-" + Long.toUnsignedString(seed), ProducerType.RESEARCH,
                LocalDate.of(2013, 1, 1), LocalDate.of(2018, 12, 31), Instant.parse("2019-10-18T00:00:00Z"),
                "Synthetic data by tipmonitor's generator, after the margins of the Victims Monitor 2014-2018",
                null);
        try (RecordWriter writer = ExchangeWriter.withDefaults().withPrettyPrint(pretty).open(target, dataset);
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
        }
    }
}

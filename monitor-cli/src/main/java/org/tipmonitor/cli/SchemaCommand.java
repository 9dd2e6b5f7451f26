package org.tipmonitor.cli;

import java.util.concurrent.Callable;
import org.tipmonitor.io.ExchangeFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code monitor schema}: prints the JSON Schema of the exchange format. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of the exchange format v1.")
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(text());
        spec.commandLine().getOut().flush();
        return MonitorCli.OK;
    }

    /** What the command prints: the schema, ending with a line feed (also printed by MonitorCli's quick path). */
    static String text() {
        String schema = ExchangeFormat.schema();
        return schema.endsWith("\n") ? schema : schema + "\n";
    }
}

package org.tipmonitor.cli;

import java.util.concurrent.Callable;
import org.tipmonitor.io.ExchangeFormat;
import org.tipmonitor.io.ResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code monitor schema}: prints the JSON Schema of the exchange format, or of the result documents. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of the exchange format v1, or with --results of the"
                + " result documents v1 (estimate and report --format json).")
final class SchemaCommand implements Callable<Integer> {

    @Option(names = "--results", description = "The result schema instead of the exchange schema.")
    boolean results;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(text(results));
        spec.commandLine().getOut().flush();
        return MonitorCli.OK;
    }

    /**
     * What the command prints: the schema, ending with a line feed ({@code monitor schema} alone is also printed
     * by MonitorCli's quick path, with {@code results} false).
     *
     * @param results the result schema instead of the exchange schema
     */
    static String text(boolean results) {
        String schema = results ? ResultJson.schema() : ExchangeFormat.schema();
        return schema.endsWith("\n") ? schema : schema + "\n";
    }
}

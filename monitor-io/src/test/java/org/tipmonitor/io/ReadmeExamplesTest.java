package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report shown in the README's "Exchange files" section is what the reader prints for that golden file. */
class ReadmeExamplesTest {

    @Test
    void theReportShownInTheReadmeIsTheReadersOutput() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Exchange files (monitor-io)"),
                readme.indexOf("## Testing"));
        List<String> shown = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("// ") && !line.equals("// ...")) {
                shown.add(line.substring(3));
            }
        }
        assertTrue(shown.size() >= 4, shown.toString());
        String actual = Fixtures.validate(Fixtures.goldenText("invalid/TM-M-005-nationality-code.json")).toText();
        for (String line : shown) {
            assertTrue(actual.contains(line), "README shows a line the reader does not print: " + line + "\n"
                    + actual);
        }
    }
}

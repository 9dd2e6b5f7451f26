package org.tipmonitor.examples.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What fails the notebook's class-data training: JShell's output with a rejected snippet or an exception (the
 * build runs the training itself: examples/pom.xml, execution notebook-class-data).
 */
class NotebookTrainingTest {

    static Stream<Arguments> outputs() {
        String welcome = "|  Welcome to JShell -- Version 17.0.15\n|  For an introduction type: /help intro\n\njshell> ";
        return Stream.of(
                Arguments.of("the console's greeting and prompt", welcome, true),
                Arguments.of("a rejected snippet", "|  Error:\n|  cannot find symbol\n" + welcome, false),
                Arguments.of("an exception in a snippet",
                        "|  Exception java.lang.IllegalStateException: x\n|        at (#12:1)\n" + welcome, false),
                Arguments.of("a cause", "Caused by: java.io.IOException: gone\n" + welcome, false),
                Arguments.of("an error after other output", "|  created method errorRate()\n"
                        + "|  Error:\n|  incompatible types\n", false),
                Arguments.of("an error word that starts no line", "jshell> show(\"Error: none\")\n" + welcome,
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void aRejectedSnippetOrAnExceptionFailsTheTraining(String what, String output, boolean passed) {
        assertEquals(passed, NotebookTraining.passed(output));
    }
}

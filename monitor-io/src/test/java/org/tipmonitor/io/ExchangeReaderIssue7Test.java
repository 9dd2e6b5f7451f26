package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression test of issue 7 (found by {@link ExchangeReaderFuzzTest}): zero bytes after a UTF-8 byte-order mark
 * reached Jackson's encoding detection, which reported "Unsupported UCS-4 endianness" without a location.
 */
class ExchangeReaderIssue7Test {

    @Test
    void zeroBytesAfterAByteOrderMarkAreAnEncodingProblemAtTheStart() {
        byte[] input = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 0, 0, (byte) 0xFF, 0, '{', '}'};
        ValidationReport report = Fixtures.READER.validate(new ByteArrayInputStream(input));
        assertEquals(List.of("1:1 TM-IO-0004", "1:1 TM-IO-0005"),
                report.problems().stream().map(p -> p.location() + " " + p.code()).toList(), report::toText);
    }
}

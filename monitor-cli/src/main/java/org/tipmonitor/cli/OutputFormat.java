package org.tipmonitor.cli;

/** Output format of a command; picocli matches the names case-insensitively. */
enum OutputFormat {
    /** Human-readable text. */
    TEXT,
    /** JSON for other programs. */
    JSON,
    /** CSV tables (the report only). */
    CSV
}

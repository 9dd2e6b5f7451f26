package org.tipmonitor.indicators.estimation.internal;

/**
 * How the covariate models echo an input value in a message (the templates and their codes are in
 * {@link org.tipmonitor.indicators.IndicatorRule}): shortened to {@value #ECHO_LIMIT} characters, with control
 * and format characters escaped.
 */
public final class CovariateMessages {

    /** Longest echo of an input value in a message. */
    public static final int ECHO_LIMIT = 40;

    private CovariateMessages() {
    }

    /**
     * Shortens an input value for a message and escapes control and format characters.
     *
     * @param value the value read from input
     * @return at most {@value #ECHO_LIMIT} visible characters
     */
    public static String echo(String value) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (int i = 0; i < value.length() && n < ECHO_LIMIT; i++, n++) {
            char c = value.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (value.length() > ECHO_LIMIT) {
            b.append("...(").append(value.length()).append(" characters)");
        }
        return b.toString();
    }
}

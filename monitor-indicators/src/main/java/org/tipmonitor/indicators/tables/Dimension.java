package org.tipmonitor.indicators.tables;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;

/**
 * A named dimension of a count table with its category labels in display order, e.g. {@code exploitationForm} with
 * {@code domestic-sexual, cross-border-sexual, labour, criminal, other}. Include an explicit {@code unknown} category
 * where values can be missing.
 *
 * @param name   the dimension's name, not blank
 * @param labels the category labels, at least one, distinct, none blank (copied)
 */
public record Dimension(String name, List<String> labels) {

    /**
     * Validates and copies the labels.
     *
     * @throws IndicatorException if the name is blank, there are no labels, or a label is blank or repeated
     * @throws NullPointerException if the name, the list or a label is null
     */
    public Dimension {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw IndicatorException.of(IndicatorRule.TABLE_BLANK_DIMENSION_NAME, name);
        }
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw IndicatorException.of(IndicatorRule.TABLE_NO_CATEGORIES, name);
        }
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            if (label.isBlank()) {
                throw IndicatorException.of(IndicatorRule.TABLE_BLANK_CATEGORY, name, label);
            }
            if (!seen.add(label)) {
                throw IndicatorException.of(IndicatorRule.TABLE_REPEATED_CATEGORY, name, label);
            }
        }
    }

    /**
     * A dimension from labels given inline.
     *
     * @param name   the name
     * @param labels the labels
     * @return the dimension
     */
    public static Dimension of(String name, String... labels) {
        return new Dimension(name, List.of(labels));
    }

    /**
     * The number of categories.
     *
     * @return the size &ge; 1
     */
    public int size() {
        return labels.size();
    }

    /**
     * The position of a label.
     *
     * @param label a category label
     * @return its index
     * @throws IndicatorException if the label is not a category of this dimension
     */
    public int indexOf(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw IndicatorException.of(IndicatorRule.TABLE_NO_SUCH_CATEGORY, name, label);
        }
        return i;
    }
}

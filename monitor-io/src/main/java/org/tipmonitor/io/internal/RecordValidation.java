package org.tipmonitor.io.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.tipmonitor.io.Problem;
import org.tipmonitor.io.RecordKind;
import org.tipmonitor.model.ModelException;
import org.tipmonitor.model.ModelRule;
import org.tipmonitor.model.internal.RecordScreen;

/**
 * Runs the model's Bean Validation on one record and turns each violation into a located {@link Problem} with
 * the model rule's code. A record that {@link RecordScreen the model's screen} finds valid skips Bean Validation
 * (which would find nothing); every other record goes through it, so every problem and message comes from Bean
 * Validation as before (issue 14: the per-record walk of Hibernate Validator was a third of the time of
 * {@code monitor validate}). Not part of the API.
 */
public final class RecordValidation {

    /** Where a value sits in the input: the pointer and its line and column. */
    public record Location(String pointer, long line, long column) {
    }

    private final Validators.Lazy validator;
    private final RecordScreen screen;

    /**
     * Validation with a validator built on first use, behind the screen.
     *
     * @param validator the validator
     */
    public RecordValidation(Validators.Lazy validator) {
        this(validator, true);
    }

    /**
     * Validation with a validator built already, behind the screen (for tests).
     *
     * @param validator the validator
     * @param clock     its clock
     */
    public RecordValidation(Validator validator, java.time.Clock clock) {
        this(Validators.of(validator, clock), true);
    }

    /**
     * Validation with or without the screen (without: every record through Bean Validation, for the test that
     * holds both equal).
     *
     * @param validator the validator
     * @param screened  whether the screen runs first
     */
    public RecordValidation(Validators.Lazy validator, boolean screened) {
        this.validator = validator;
        this.screen = screened ? RecordScreen.of(validator.clock()) : null;
    }

    /**
     * Whether the model's screen finds a record valid: if so, {@link #check} would return true and add nothing.
     * Thread-safe, and depends on nothing but the record and the clock, so that another thread may run it ahead
     * of {@link #check}.
     *
     * @param record the record
     * @return true if the screen finds it valid; false if it may not be, or without a screen
     */
    public boolean screen(Object record) {
        return screen != null && screen.isValid(record);
    }

    /**
     * Validates a record and adds a problem per violation, sorted by pointer and code.
     *
     * @param record   the record
     * @param kind     its kind
     * @param index    its index
     * @param locate   maps a model property path such as {@code "decision.date"} (value-type nodes
     *                 {@code value} and {@code code} left out) to the location in the input
     * @param problems the collector
     * @return whether the record is valid
     */
    public boolean check(Object record, RecordKind kind, long index, Function<String, Location> locate,
                         Problems problems) {
        if (screen(record)) {
            return true;
        }
        var violations = validator.get().validate(record);
        if (violations.isEmpty()) {
            return true;
        }
        List<Problem> found = new ArrayList<>(violations.size());
        for (ConstraintViolation<Object> violation : violations) {
            String code;
            String message;
            try {
                ModelRule rule = ModelRule.of(violation);
                code = rule.code();
                message = violation.getMessage();
            } catch (ModelException e) {
                code = ModelRule.REQUIRED.code();
                message = code + ": constraint without a model rule code failed";
            }
            Location at = locate.apply(path(violation.getPropertyPath()));
            found.add(new Problem(kind, index, at.pointer(), at.line(), at.column(), code, message));
        }
        found.sort(Comparator.comparing(Problem::pointer).thenComparing(Problem::code));
        for (Problem problem : found) {
            problems.add(problem);
        }
        return false;
    }

    private static String path(Path path) {
        StringBuilder dotted = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                // An element of a list (a police report's case ids): its index is a segment of the pointer.
                dotted.append(dotted.length() == 0 ? "" : ".").append(node.getIndex());
            }
            String name = node.getName();
            if (name == null || name.equals("value") || name.equals("code") || name.startsWith("<")) {
                continue;
            }
            dotted.append(dotted.length() == 0 ? "" : ".").append(name);
        }
        return dotted.toString();
    }
}

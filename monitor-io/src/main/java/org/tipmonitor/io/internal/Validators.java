package org.tipmonitor.io.internal;

import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.spi.ValidationProvider;
import java.time.Clock;
import java.util.ServiceLoader;
import org.tipmonitor.io.ExchangeException;
import org.tipmonitor.io.IoRule;

/**
 * Builds Bean Validation validators, once per clock, on first use: a file whose records all pass
 * {@link org.tipmonitor.model.internal.RecordScreen the model's screen} never starts Hibernate Validator (its
 * bootstrap is a large part of a short command's time, issue 14). Not part of the API.
 */
public final class Validators {

    private static Validator systemDefault;
    private static Lazy systemDefaultLazy;

    /** A validator built on first use; thread-safe. */
    public static final class Lazy {
        private final Clock clock;
        private volatile Validator validator;

        private Lazy(Clock clock) {
            this.clock = clock;
        }

        /**
         * The validator, built on the first call.
         *
         * @return the validator
         * @throws ExchangeException if no provider is on the class path or it cannot start
         */
        public Validator get() {
            Validator v = validator;
            if (v == null) {
                synchronized (this) {
                    v = validator;
                    if (v == null) {
                        v = clock == null ? systemDefault() : build(clock);
                        validator = v;
                    }
                }
            }
            return v;
        }

        /**
         * The clock the validator's "now" comes from.
         *
         * @return the clock; the system clock in the default time zone when none was given, as Bean
         *         Validation's default clock provider
         */
        public Clock clock() {
            return clock == null ? Clock.systemDefaultZone() : clock;
        }
    }

    /**
     * The validator with the system clock, built on first use, after a check that a provider is on the class path.
     *
     * @return the lazy validator
     * @throws ExchangeException if no provider is on the class path
     */
    public static synchronized Lazy lazySystemDefault() {
        if (systemDefaultLazy == null) {
            requireProvider();
            systemDefaultLazy = new Lazy(null);
        }
        return systemDefaultLazy;
    }

    /**
     * A validator with a clock, built on first use, after a check that a provider is on the class path.
     *
     * @param clock the clock
     * @return the lazy validator
     * @throws ExchangeException if no provider is on the class path
     */
    public static Lazy lazy(Clock clock) {
        requireProvider();
        return new Lazy(clock);
    }

    /**
     * A validator already built, as a lazy one (for tests).
     *
     * @param validator the validator
     * @param clock     its clock
     * @return the holder
     */
    public static Lazy of(Validator validator, Clock clock) {
        Lazy lazy = new Lazy(clock);
        lazy.validator = validator;
        return lazy;
    }

    private static void requireProvider() {
        if (ServiceLoader.load(ValidationProvider.class).stream().findAny().isEmpty()) {
            throw new ExchangeException(IoRule.NO_VALIDATION_PROVIDER, NO_PROVIDER, null);
        }
    }

    private static final String NO_PROVIDER = "no Jakarta Bean Validation provider on the class path; add e.g."
            + " org.hibernate.validator:hibernate-validator and org.glassfish.expressly:expressly at run time";

    private Validators() {
    }

    /**
     * The validator with the system clock, built on first use and shared.
     *
     * @return the validator
     * @throws ExchangeException if no provider is on the class path
     */
    public static synchronized Validator systemDefault() {
        if (systemDefault == null) {
            systemDefault = build(null);
        }
        return systemDefault;
    }

    /**
     * A validator whose "now" (for dates in the future) comes from a clock.
     *
     * @param clock the clock, or null for the system clock
     * @return the validator
     * @throws ExchangeException if no provider is on the class path
     */
    public static Validator build(Clock clock) {
        try {
            var configuration = Validation.byDefaultProvider().configure();
            if (clock != null) {
                configuration.clockProvider(() -> clock);
            }
            return configuration.buildValidatorFactory().getValidator();
        } catch (NoProviderFoundException e) {
            throw new ExchangeException(IoRule.NO_VALIDATION_PROVIDER, NO_PROVIDER, e);
        } catch (ValidationException e) {
            throw new ExchangeException(IoRule.NO_VALIDATION_PROVIDER, "the Bean Validation provider cannot start: "
                    + e.getMessage(), e);
        }
    }
}

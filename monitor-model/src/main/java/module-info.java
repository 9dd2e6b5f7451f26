/**
 * The data model of the Dutch human-trafficking monitors: typed, immutable, validated records (see the package
 * {@link org.tipmonitor.model}).
 *
 * <p>Module graph: this module needs the Jakarta Bean Validation API only. Its records carry the constraints;
 * the provider that checks them (Hibernate Validator with expressly, an Expression Language implementation) comes
 * with {@code org.tipmonitor.io}, or with the application.
 */
@SuppressWarnings("module") // qualified exports/opens name modules that are not on this module's compile path
module org.tipmonitor.model {
    // API: the constraint annotations (payload()) and ModelRule.of(ConstraintViolation) show Bean Validation types.
    requires transitive jakarta.validation;

    // ---- API packages (a new API package gets its line here) ----
    exports org.tipmonitor.model;
    exports org.tipmonitor.model.constraints;
    // Seeded synthetic monitor data with a known truth (records and populations), for tests, teaching, simulation.
    exports org.tipmonitor.model.synthetic;

    // ---- Not API ----
    // RecordScreen, the fast check in front of Bean Validation, is read by monitor-io's reader only (issue 14).
    exports org.tipmonitor.model.internal to org.tipmonitor.io;

    // Hibernate Validator reads the constrained record components (their private fields) and instantiates the
    // constraint validators (public classes of the internal package) by reflection.
    opens org.tipmonitor.model to org.hibernate.validator;
    opens org.tipmonitor.model.internal to org.hibernate.validator;
}

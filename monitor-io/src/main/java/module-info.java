/**
 * Exchange files of the monitors: JSON and CSV reading and writing, the JSON Schema, validation reports and
 * pseudonymisation.
 *
 * <p>Module graph: the API takes and returns model types, and {@code ResultJson} writes the indicators' results,
 * so {@code requires org.tipmonitor.io} also reads {@code org.tipmonitor.model} and {@code org.tipmonitor.indicators} (and through it the Jakarta Bean Validation API). Jackson is an implementation
 * dependency (no Jackson type in a public signature). Every record read is validated: the provider, Hibernate
 * Validator, is found as a service ({@code uses} below) and its message interpolation needs an Expression
 * Language implementation, expressly; both come with this module's Maven dependencies and resolve on the module
 * path without {@code --add-modules}.
 */
module org.tipmonitor.io {
    requires transitive org.tipmonitor.model;
    // ResultJson (results as JSON) takes the indicators' result types in its public methods.
    requires transitive org.tipmonitor.indicators;

    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.dataformat.csv;

    // Not used by this module's code. Hibernate Validator reads jakarta.el only if something else resolves it
    // (its "requires static jakarta.el"); without it, message interpolation fails (HV000183, jakarta/el/ELManager).
    // Resolving jakarta.el also binds its ExpressionFactory provider, expressly.
    requires jakarta.el;

    // The Bean Validation provider (Hibernate Validator) is bound as a service of the Bean Validation API; this
    // module also looks it up itself, to fail early with TM-IO rule NO_VALIDATION_PROVIDER.
    uses jakarta.validation.spi.ValidationProvider;

    // ---- API packages (a new API package gets its line here) ----
    exports org.tipmonitor.io;

    // The published JSON Schema is a resource of the encapsulated package org.tipmonitor.io.schema: read it through
    // ExchangeFormat.schema() or ExchangeFormat.openSchema(), which work on the module path and the class path
    // alike (ClassLoader.getResource finds it on the class path only).

    // ---- Not API, not exported: org.tipmonitor.io.internal (Jackson configuration, parsers, validators). If a
    // type is ever bound by Jackson databind reflection (records read or written as POJOs), open its package to
    // com.fasterxml.jackson.databind here. ----
}

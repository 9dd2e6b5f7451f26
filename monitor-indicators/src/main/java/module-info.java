/**
 * Validated indicator calculations of the monitors: population estimates, shares, trends, the offender chain
 * and disclosure control.
 *
 * <p>Module graph: the API takes and returns model types, so {@code requires org.tipmonitor.indicators} also
 * reads {@code org.tipmonitor.model}. Commons Math, Commons CSV, ojAlgo and OR-Tools are implementation
 * dependencies: no type of theirs appears in a public signature. Commons Math 3.6.1, ojAlgo 55.0.1 and OR-Tools'
 * {@code ortools-java} 9.14 have no module name of their own, so on the module path they are automatic modules named
 * after their jar files ({@code commons.math3}, {@code ojalgo}, {@code ortools.java}): keep the jars' Maven file
 * names. OR-Tools' own dependencies (protobuf-java, JNA) and its native-library jars are automatic modules too, so
 * they are resolved with it; its loader reads the native library from a resource directory of the platform's jar.
 */
@SuppressWarnings({"requires-automatic"}) // commons.math3, ojalgo and ortools.java: see above
module org.tipmonitor.indicators {
    requires transitive org.tipmonitor.model;

    requires commons.math3;
    requires ojalgo;
    requires ortools.java;
    requires org.apache.commons.csv;

    // ---- API packages (a new API package gets its line here) ----
    exports org.tipmonitor.indicators;
    exports org.tipmonitor.indicators.disclosure;
    exports org.tipmonitor.indicators.estimation;
    exports org.tipmonitor.indicators.estimation.bootstrap;
    exports org.tipmonitor.indicators.estimation.data;
    exports org.tipmonitor.indicators.estimation.fit;
    exports org.tipmonitor.indicators.estimation.model;
    exports org.tipmonitor.indicators.estimation.selection;
    exports org.tipmonitor.indicators.followup;
    exports org.tipmonitor.indicators.offenders;
    exports org.tipmonitor.indicators.police;
    exports org.tipmonitor.indicators.programme;
    exports org.tipmonitor.indicators.residence;
    exports org.tipmonitor.indicators.shares;
    exports org.tipmonitor.indicators.tables;
    exports org.tipmonitor.indicators.trends;
    exports org.tipmonitor.indicators.victims;

    // ---- Not API, not exported: org.tipmonitor.indicators.internal (the LP solver),
    // org.tipmonitor.indicators.estimation.internal (design matrices, GLM/IRLS, samplers),
    // org.tipmonitor.indicators.tables.internal (text grids). ----
}

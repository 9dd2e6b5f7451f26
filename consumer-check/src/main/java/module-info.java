/**
 * A user of the library as a named module: it requires the three library modules and nothing else (Bean
 * Validation comes through {@code org.tipmonitor.model}); its run needs no {@code --add-modules}.
 */
module org.tipmonitor.consumercheck {
    requires org.tipmonitor.model;
    requires org.tipmonitor.indicators;
    requires org.tipmonitor.io;
}

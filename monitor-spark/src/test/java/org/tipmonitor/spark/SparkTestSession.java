package org.tipmonitor.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of the test JVM: two cores, two shuffle partitions, no UI, UTC. Starting Spark takes
 * seconds, so every test class shares it; surefire runs the module's classes in one forked JVM.
 */
final class SparkTestSession {

    private static SparkSession session;

    private SparkTestSession() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("tipmonitor-test")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}

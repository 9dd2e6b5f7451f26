package org.tipmonitor.spark;

import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.bootstrap.JointBootstrap;
import org.tipmonitor.indicators.estimation.fit.JointEstimator;
import org.tipmonitor.indicators.estimation.fit.JointFit;
import org.tipmonitor.indicators.estimation.model.JointModel;
import org.tipmonitor.indicators.estimation.fit.JointOutcome;
import org.tipmonitor.indicators.estimation.fit.UnknownValues;

/**
 * The parametric bootstrap of a lists &times; covariates fit ({@link JointBootstrap}) with its replicates spread over
 * Spark's executors: the table (counts only, never persons), the model, the reference levels and the treatment of
 * unknown values travel to each partition, which fits the model once and draws its share of the replicates with
 * the library's own code; the driver assembles them. Replicate b draws from a generator seeded with the seed and b
 * wherever it runs, so the result equals {@link JointBootstrap#parametric(JointFit)} in one JVM exactly, whatever the number of partitions.
 */
public final class SparkJointBootstrap {

    private SparkJointBootstrap() {
    }

    /**
     * Draws the replicates on the executors.
     *
     * @param spark      the session
     * @param fit        the fit to resample from (made by {@link JointEstimator} on a {@link CovariateTable})
     * @param bootstrap  the number of replicates and the seed
     * @param partitions how many tasks to split the replicates into, at least 1
     * @return the replicates, as {@link JointBootstrap#parametric(JointFit)} gives them
     * @throws SparkMonitorException with {@code TM-SP-030} if partitions is less than 1, or if an executor's refit
     *                               of the table does not reproduce the fit
     */
    public static JointBootstrap.Replicates parametric(SparkSession spark, JointFit fit, JointBootstrap bootstrap,
                                                       int partitions) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(bootstrap, "bootstrap");
        if (partitions < 1) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "partitions must be at least 1: " + partitions);
        }
        Payload payload = Payload.of(fit, bootstrap);
        List<Integer> indices = new ArrayList<>(bootstrap.replicates());
        for (int b = 0; b < bootstrap.replicates(); b++) {
            indices.add(b);
        }
        List<JointBootstrap.Replicate> drawn = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(indices, Math.min(partitions, indices.size()))
                .mapPartitions((Iterator<Integer> part) -> payload.draw(part)).collect();
        return bootstrap.assemble(fit, drawn);
    }

    /** What each partition needs: counts, names, model and settings; serializable, no person-level data. */
    private record Payload(String csv, List<String> covariates, List<List<String>> levels, String formula,
                           HashMap<String, String> references, double level, String unknown, int replicates,
                           long seed) implements Serializable {

        private static final long serialVersionUID = 1L;

        static Payload of(JointFit fit, JointBootstrap bootstrap) {
            StringBuilder csv = new StringBuilder();
            fit.table().toCsv(csv);
            List<List<String>> levels = new ArrayList<>();
            for (List<String> l : fit.table().levels()) {
                levels.add(new ArrayList<>(l));
            }
            return new Payload(csv.toString(), new ArrayList<>(fit.table().covariates()), levels,
                    fit.model().formula(), new HashMap<>(fit.referenceLevels()), fit.confidenceLevel(),
                    fit.unknownValues().name(), bootstrap.replicates(), bootstrap.seed());
        }

        Iterator<JointBootstrap.Replicate> draw(Iterator<Integer> indices) {
            JointFit fit = refit();
            JointBootstrap bootstrap = JointBootstrap.withDefaults().withReplicates(replicates).withSeed(seed);
            List<JointBootstrap.Replicate> out = new ArrayList<>();
            while (indices.hasNext()) {
                bootstrap.replicate(fit, indices.next()).ifPresent(out::add);
            }
            return out.iterator();
        }

        private JointFit refit() {
            CovariateTable parsed = CovariateTable.fromCsv(new StringReader(csv), covariates);
            CovariateTable.Builder builder = CovariateTable.builder(parsed.lists(), covariates);
            for (int j = 0; j < covariates.size(); j++) {
                for (String l : levels.get(j)) {
                    builder.level(covariates.get(j), l);
                }
            }
            for (int c = 0; c < parsed.cellCount(); c++) {
                for (int h = 1; h < 1 << parsed.lists().size(); h++) {
                    if (parsed.count(c, h) > 0) {
                        builder.add(h, parsed.levelsOfCell(c), parsed.count(c, h));
                    }
                }
            }
            for (CovariateTable.PartialRow p : parsed.partialRows()) {
                builder.add(p.mask(), p.values(), p.count());
            }
            CovariateTable table = builder.build();
            JointEstimator estimator = JointEstimator.withDefaults().withConfidenceLevel(level)
                    .withUnknownValues(UnknownValues.valueOf(unknown));
            for (Map.Entry<String, String> e : references.entrySet()) {
                estimator = estimator.withReference(e.getKey(), e.getValue());
            }
            JointOutcome o = estimator.fit(table, JointModel.parse(table.lists(), covariates, formula));
            if (!(o instanceof JointFit fit)) {
                throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT,
                        "an executor's refit of the table has no estimate: " + o.getClass().getSimpleName());
            }
            return fit;
        }
    }
}

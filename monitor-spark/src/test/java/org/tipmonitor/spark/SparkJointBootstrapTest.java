package org.tipmonitor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.fit.DerivedEstimate;
import org.tipmonitor.indicators.estimation.bootstrap.JointBootstrap;
import org.tipmonitor.indicators.estimation.fit.JointEstimator;
import org.tipmonitor.indicators.estimation.fit.JointFit;
import org.tipmonitor.indicators.estimation.model.JointModel;
import org.tipmonitor.indicators.estimation.fit.Selection;
import org.tipmonitor.indicators.estimation.fit.UnknownValues;

/** Issue 17, item 5: the bootstrap spread over executors equals the in-process one exactly. */
class SparkJointBootstrapTest {

    static CovariateTable table(String extra) throws IOException {
        // A copy of monitor-indicators' test table, written by monitor-indicators/src/test/python/covariate_models.py.
        try (InputStream in = SparkJointBootstrapTest.class.getResourceAsStream("three-lists-g-year.csv")) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8) + extra;
            return CovariateTable.fromCsv(new StringReader(csv), List.of("g", "year"));
        }
    }

    @Test
    void replicatesOnExecutorsEqualTheInProcessBootstrap() throws IOException {
        // With persons of unknown g, distributed by EM, so that the executors must repeat the EM fit as well.
        CovariateTable t = table("1,0,0,NA,2014,7\n");
        JointFit fit = assertInstanceOf(JointFit.class, JointEstimator.withDefaults()
                .withUnknownValues(UnknownValues.EM).withReference("g", "y")
                .fit(t, JointModel.parse(t.lists(), t.covariates(), "A + B + C + g + year + A:B + A:g + B:year")));
        JointBootstrap bootstrap = JointBootstrap.withDefaults().withReplicates(40).withSeed(11);
        JointBootstrap.Replicates local = bootstrap.parametric(fit);
        JointBootstrap.Replicates spread = SparkJointBootstrap.parametric(SparkTestSession.get(), fit, bootstrap, 3);
        assertEquals(local.size(), spread.size());
        assertEquals(local.failed(), spread.failed());
        for (Selection s : List.of(Selection.all(), Selection.where("g", "x"), Selection.where("year", "2016"))) {
            DerivedEstimate a = local.population(s);
            DerivedEstimate b = spread.population(s);
            assertEquals(a.lower(), b.lower(), 0);
            assertEquals(a.upper(), b.upper(), 0);
        }
        DerivedEstimate share = spread.share(Selection.where("g", "x"), Selection.all());
        assertEquals(local.share(Selection.where("g", "x"), Selection.all()).upper(), share.upper(), 0);
    }

    @Test
    void partitionsMustBePositive() throws IOException {
        CovariateTable t = table("");
        JointFit fit = assertInstanceOf(JointFit.class, JointEstimator.withDefaults().fit(t, JointModel.parse(
                t.lists(), t.covariates(), "A + B + C + g + year")));
        SparkMonitorException e = assertThrows(SparkMonitorException.class, () -> SparkJointBootstrap.parametric(
                SparkTestSession.get(), fit, JointBootstrap.withDefaults().withReplicates(10), 0));
        assertEquals(SparkRule.INVALID_ARGUMENT, e.rule());
    }
}

package org.tipmonitor.indicators.victims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.shares.BinomialInterval;
import org.tipmonitor.indicators.shares.RateRatio;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.UndefinedShare;
import org.tipmonitor.indicators.trends.AnnualSeries;

class LegalBasisComparisonTest {

    /** Issue 6: in JShell the comparison prints as a table, not as a record dump with its provenance (toString). */
    @Test
    void toStringIsATable() {
        LegalBasisComparison c = new LegalBasisComparison(LocalDate.of(2018, 5, 25), 2314, 35, 1605, 221, 4,
                AnnualSeries.of(2014, 550, 560, 540, 530, 169),
                new Share(30, 35, 0, 30 / 35.0, 0.706, 0.937, 0.95, BinomialInterval.WILSON, Provenance.of("wilson")),
                new UndefinedShare(35, Provenance.of("wilson")),
                Optional.of(new RateRatio(0.110, 0.079, 0.153, 0.95, BinomialInterval.WILSON)), Provenance.of("test"));
        assertEquals("""
                LegalBasisComparison of non-investigative registrations at 2018-05-25
                                     registrations  days  a year                                 explicit consent
                  before 2018-05-25           2314  1605   526.6  30 of 35 = 85.7% (95% wilson CI 70.6% to 93.7%)
                  from 2018-05-25               35   221    57.8                   no share: 0 trials; 35 unknown
                  rate ratio after/before: 0.110 (95% CI 0.079 to 0.153, from the wilson interval of the conditional binomial)
                  registrations by an unknown reporter, left out: 4
                """, c.toString());
    }
}

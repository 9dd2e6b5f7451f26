package org.tipmonitor.indicators.estimation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tipmonitor.indicators.IndicatorException;

class JointModelTest {

    static final List<String> LISTS = List.of("P", "O", "R");
    static final List<String> COVARIATES = List.of("minor", "year");

    @Test
    void parsesListCovariateAndCrossedTermsInRNotation() {
        JointModel m = JointModel.parse(LISTS, COVARIATES, "count ~ P + O + R + minor + year + P:minor + O:year"
                + " + O:P + minor:year");
        assertEquals("P + O + R + minor + year + P:O + P:minor + O:year + minor:year", m.formula());
    }

    @Test
    void starExpandsToEverySubTerm() {
        JointModel m = JointModel.parse(LISTS, COVARIATES, ". + P*minor*year");
        assertTrue(m.terms().containsAll(List.of("P:minor", "P:year", "minor:year", "P:minor:year")), m.formula());
    }

    @Test
    void theBaselineCrossesTheCovariatesAndKeepsListsIndependent() {
        assertEquals("P + O + R + minor + year + minor:year", JointModel.baseline(LISTS, COVARIATES).formula());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "P + O + R + minor + year + P:age|TM-MSE-522: 'age' at position 30",
        "P + O + R + minor|TM-MSE-524",
        "P + O + R + minor + year + P:minor:year|TM-MSE-525",
        "P + O + R + minor + year + |TM-MSE-521",
        "P + O + R + minor + year + P:P|TM-MSE-523",
        "P + O + R + minor + year + P^2|TM-MSE-526: Unsupported character '^' at position 29"})
    void badFormulasAreLocatedAndCoded(String formula, String start) {
        IndicatorException e = assertThrows(IndicatorException.class,
                () -> JointModel.parse(LISTS, COVARIATES, formula));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    @Test
    void namesMustBeDistinctPlainNames() {
        assertThrows(IndicatorException.class, () -> JointModel.baseline(LISTS, List.of("P")));
        assertThrows(IndicatorException.class, () -> JointModel.baseline(List.of("P"), COVARIATES));
    }
}

package org.tipmonitor.model;

/**
 * Subsection of article 273f(1) of the Dutch Criminal Code (Wetboek van Strafrecht) under which a case is
 * prosecuted. Sub 3 covers cross-border prostitution cases that the Royal Marechaussee reports.
 */
public enum Article273fSubsection implements CodeList {

    /** Art. 273f(1) sub 1: recruiting, transporting or harbouring by coercion for exploitation. */
    SUB_1("sub_1", "Art. 273f(1) sub 1", "artikel 273f lid 1 sub 1"),
    /** Art. 273f(1) sub 2: recruiting a minor for exploitation. */
    SUB_2("sub_2", "Art. 273f(1) sub 2", "artikel 273f lid 1 sub 2"),
    /** Art. 273f(1) sub 3: recruiting for prostitution in another country. */
    SUB_3("sub_3", "Art. 273f(1) sub 3", "artikel 273f lid 1 sub 3"),
    /** Art. 273f(1) sub 4: coercing into work or services, or organ removal. */
    SUB_4("sub_4", "Art. 273f(1) sub 4", "artikel 273f lid 1 sub 4"),
    /** Art. 273f(1) sub 5: inducing a minor into sexual acts for payment. */
    SUB_5("sub_5", "Art. 273f(1) sub 5", "artikel 273f lid 1 sub 5"),
    /** Art. 273f(1) sub 6: profiting from the exploitation of another. */
    SUB_6("sub_6", "Art. 273f(1) sub 6", "artikel 273f lid 1 sub 6"),
    /** Art. 273f(1) sub 7: profiting from a minor's sexual acts. */
    SUB_7("sub_7", "Art. 273f(1) sub 7", "artikel 273f lid 1 sub 7"),
    /** Art. 273f(1) sub 8: forcing to hand over the proceeds of sexual acts. */
    SUB_8("sub_8", "Art. 273f(1) sub 8", "artikel 273f lid 1 sub 8"),
    /** Art. 273f(1) sub 9: forcing to hand over the proceeds of organ removal or other exploitation. */
    SUB_9("sub_9", "Art. 273f(1) sub 9", "artikel 273f lid 1 sub 9"),
    /** Not known (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    Article273fSubsection(String code, String label, String dutchTerm) {
        this.code = code;
        this.label = label;
        this.dutchTerm = dutchTerm;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String dutchTerm() {
        return dutchTerm;
    }
}

package org.tipmonitor.model;

/**
 * The public prosecutor's (Openbaar Ministerie, OM) decision on a suspect's case.
 */
public enum ProsecutorDecisionType implements CodeList {

    /** Summons to appear in court (dagvaarding). */
    SUMMONS("summons", "Summons", "dagvaarding"),
    /** Dismissal for policy reasons (beleidssepot). */
    POLICY_DISMISSAL("policy_dismissal", "Policy dismissal", "beleidssepot"),
    /** Dismissal for technical reasons, e.g. insufficient evidence (technisch sepot). */
    TECHNICAL_DISMISSAL("technical_dismissal", "Technical dismissal", "technisch sepot"),
    /** Penalty order or transaction (strafbeschikking of transactie). */
    PENALTY_ORDER("penalty_order", "Penalty order or transaction", "strafbeschikking of transactie"),
    /** Joined to another case (gevoegd). */
    JOINED("joined", "Joined to another case", "ad informandum gevoegd"),
    /** Transferred to another jurisdiction (overgedragen). */
    TRANSFERRED("transferred", "Transferred", "overgedragen"),
    /** No decision yet (nog niet afgedaan). */
    PENDING("pending", "Pending", "nog niet afgedaan"),
    /** Not known (onbekend). */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    ProsecutorDecisionType(String code, String label, String dutchTerm) {
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

    /**
     * Whether this decision is a dismissal (sepot) of either kind.
     *
     * @return true for policy and technical dismissals
     */
    public boolean isDismissal() {
        return this == POLICY_DISMISSAL || this == TECHNICAL_DISMISSAL;
    }

    /**
     * Whether a decision has been taken (not pending, not unknown).
     *
     * @return true when the prosecutor has decided
     */
    public boolean isDecided() {
        return this != PENDING && this != UNKNOWN;
    }
}

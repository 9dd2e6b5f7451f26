package org.tipmonitor.cli.synthetic;

import org.tipmonitor.model.ReporterType;

/**
 * The six lists of the synthetic capture process, named as in the Dutch multiple-systems-estimation studies
 * (van Dijk, Cruyff, van der Heijden &amp; Kragten-Heerdink 2017): P police, K Royal Marechaussee, I labour
 * inspectorate, R regional care coordinators, O shelters, Z others.
 */
public enum CaptureList {

    /** National Police. */
    P(true),
    /** Royal Netherlands Marechaussee. */
    K(true),
    /** Labour inspectorate (Inspectorate SZW, Netherlands Labour Authority from 2022). */
    I(true),
    /** Regional care coordinators. */
    R(false),
    /** Shelters and residential care. */
    O(false),
    /** Others: FairWork, youth care, asylum reception, immigration service, lawyers, the victim, other. */
    Z(false);

    private final boolean investigative;

    CaptureList(boolean investigative) {
        this.investigative = investigative;
    }

    /**
     * Whether the list's organisations are investigative authorities (obliged to report, unaffected by the GDPR).
     *
     * @return true for P, K and I
     */
    public boolean isInvestigative() {
        return investigative;
    }

    /**
     * The list an organisation type belongs to.
     *
     * @param type the reporter type
     * @return the list
     */
    public static CaptureList of(ReporterType type) {
        switch (type) {
            case POLICE:
                return P;
            case ROYAL_MARECHAUSSEE:
                return K;
            case LABOUR_INSPECTORATE:
                return I;
            case CARE_COORDINATOR:
                return R;
            case SHELTER:
                return O;
            default:
                return Z;
        }
    }
}

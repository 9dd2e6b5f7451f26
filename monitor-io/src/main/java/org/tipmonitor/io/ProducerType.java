package org.tipmonitor.io;

import org.tipmonitor.model.CodeList;

/**
 * The type of organisation that produced an exchange file (the {@code producer} of its {@link Dataset}).
 */
public enum ProducerType implements CodeList {

    /** The national registration centre for presumed victims, CoMensha. */
    REGISTRATION_CENTRE("registration_centre", "National registration centre", "landelijk registratiecentrum"),
    /** The National Rapporteur on Trafficking in Human Beings. */
    NATIONAL_RAPPORTEUR("national_rapporteur", "National Rapporteur", "Nationaal Rapporteur"),
    /** The National Police. */
    POLICE("police", "National Police", "Nationale Politie"),
    /** The Public Prosecution Service. */
    PUBLIC_PROSECUTOR("public_prosecutor", "Public Prosecution Service", "Openbaar Ministerie"),
    /** The judiciary. */
    JUDICIARY("judiciary", "Judiciary", "Rechtspraak"),
    /** Statistics Netherlands. */
    STATISTICS_OFFICE("statistics_office", "Statistics Netherlands", "Centraal Bureau voor de Statistiek"),
    /** A research institute. */
    RESEARCH("research", "Research institute", "onderzoeksinstituut"),
    /** Another organisation. */
    OTHER("other", "Other organisation", "overige organisatie"),
    /** Not known. */
    UNKNOWN("unknown", "Unknown", "onbekend");

    private final String code;
    private final String label;
    private final String dutchTerm;

    ProducerType(String code, String label, String dutchTerm) {
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

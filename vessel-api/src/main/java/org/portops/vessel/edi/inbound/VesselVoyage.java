package org.portops.vessel.edi.inbound;

/**
 * The vessel and voyage a message is about, as sent (TDT+20, RFF+VON): texts, "" when absent, since matching them
 * to a vessel call is the receiver's business.
 */
public record VesselVoyage(String name, String imo, String callSign, String voyage, String carrier) {

    public static final VesselVoyage NONE = new VesselVoyage("", "", "", "", "");

    /** {@code OOCL BEIJING 042} for reports. */
    public String text() {
        return (name.isEmpty() ? (imo.isEmpty() ? callSign : "IMO " + imo) : name) + (voyage.isEmpty() ? "" : " " + voyage);
    }
}

package org.portops.vessel.edi.inbound;

/**
 * What identifies a message: its type and version ({@code D.95B SMDG20}), its reference and the position of its UNH
 * in the interchange, the sender (UNB), the document code (BGM element 1) and the vessel and voyage.
 */
public record MessageHeader(String type, String version, String reference, int position, String sender,
                            String documentCode, VesselVoyage vessel) {
}

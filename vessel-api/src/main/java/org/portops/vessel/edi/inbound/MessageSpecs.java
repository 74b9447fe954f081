package org.portops.vessel.edi.inbound;

import java.util.Map;
import java.util.Set;
import org.portops.vessel.edi.MessageSpec;

/**
 * The segments and qualifiers of each message type PortOps reads, after the SMDG implementation guides (BAPLIE
 * 2.0/2.1/2.2 and 3.x, MOVINS 2.x, COPRAR 1.x/2.x, VERMAS 1.x, COARRI and CODECO 1.x/2.x). Only the qualifiers of
 * segments whose content PortOps reads are checked; an empty set means any.
 */
final class MessageSpecs {

    private static final Set<String> ANY = Set.of();
    private static final Set<String> DATES = Set.of("7", "132", "133", "136", "137", "178", "203", "798");
    private static final Set<String> LOCATIONS = Set.of("5", "6", "7", "8", "9", "11", "12", "13", "61", "64", "76",
            "83", "88", "94", "97", "147", "165");
    private static final Set<String> MASSES = Set.of("WT", "VGM", "AAE");

    static final MessageSpec BAPLIE = new MessageSpec("BAPLIE", "SMDG BAPLIE 2.x/3.x", "LOC", Set.of("147"),
            Map.of("BGM", ANY, "DTM", Set.of("132", "133", "136", "137", "178"), "RFF", Set.of("VON"),
                    "NAD", Set.of("CA"), "TDT", Set.of("20"), "LOC", Set.of("5", "61"), "CTA", ANY, "COM", ANY),
            Map.ofEntries(Map.entry("LOC", LOCATIONS), Map.entry("GID", ANY), Map.entry("GDS", ANY),
                    Map.entry("FTX", Set.of("AAA", "AAI", "AAY", "CLR", "HAN", "SIN", "ZZZ")),
                    Map.entry("MEA", MASSES), Map.entry("DIM", ANY), Map.entry("TMP", Set.of("2")),
                    Map.entry("RNG", ANY), Map.entry("RFF", Set.of("BM", "BN", "ET")), Map.entry("EQD", Set.of("CN")),
                    Map.entry("EQA", ANY), Map.entry("NAD", Set.of("CA", "CF")), Map.entry("DGS", Set.of("IMD")),
                    Map.entry("ATT", ANY), Map.entry("HAN", ANY), Map.entry("DTM", DATES), Map.entry("CNT", ANY)));

    static final MessageSpec MOVINS = new MessageSpec("MOVINS", "SMDG MOVINS 2.x", "LOC", Set.of("147"),
            Map.of("BGM", ANY, "DTM", DATES, "RFF", ANY, "NAD", ANY, "TDT", Set.of("20"), "LOC", Set.of("5", "61")),
            Map.ofEntries(Map.entry("LOC", LOCATIONS), Map.entry("HAN", Set.of("LOA", "DIS", "RES", "SHI")),
                    Map.entry("RFF", ANY), Map.entry("EQD", Set.of("CN")), Map.entry("MEA", MASSES),
                    Map.entry("TMP", Set.of("2")), Map.entry("RNG", ANY), Map.entry("DGS", Set.of("IMD")),
                    Map.entry("NAD", ANY), Map.entry("FTX", ANY), Map.entry("GID", ANY), Map.entry("DIM", ANY),
                    Map.entry("EQA", ANY), Map.entry("CNT", ANY)));

    static final MessageSpec COPRAR = new MessageSpec("COPRAR", "SMDG COPRAR 1.x/2.x", "EQD", ANY,
            Map.of("BGM", ANY, "DTM", DATES, "FTX", ANY, "RFF", ANY, "TDT", Set.of("20"), "LOC", LOCATIONS,
                    "NAD", ANY, "CTA", ANY, "COM", ANY),
            Map.ofEntries(Map.entry("EQD", Set.of("CN")), Map.entry("RFF", ANY), Map.entry("EQN", ANY),
                    Map.entry("TMD", ANY), Map.entry("DTM", DATES), Map.entry("LOC", LOCATIONS),
                    Map.entry("MEA", MASSES), Map.entry("DIM", ANY), Map.entry("TMP", Set.of("2")),
                    Map.entry("RNG", ANY), Map.entry("SEL", ANY), Map.entry("FTX", ANY),
                    Map.entry("DGS", Set.of("IMD")), Map.entry("EQA", ANY), Map.entry("NAD", ANY),
                    Map.entry("TDT", ANY), Map.entry("CNT", ANY)));

    static final MessageSpec VERMAS = new MessageSpec("VERMAS", "SMDG VERMAS 1.x", "EQD", ANY,
            Map.of("BGM", ANY, "DTM", DATES, "RFF", ANY, "NAD", ANY, "CTA", ANY, "COM", ANY),
            Map.ofEntries(Map.entry("EQD", Set.of("CN")), Map.entry("RFF", ANY), Map.entry("LOC", LOCATIONS),
                    Map.entry("SEL", ANY), Map.entry("MEA", Set.of("AAE")), Map.entry("DTM", DATES),
                    Map.entry("TDT", ANY), Map.entry("NAD", ANY), Map.entry("DOC", ANY), Map.entry("CTA", ANY),
                    Map.entry("COM", ANY), Map.entry("CNT", ANY)));

    static final MessageSpec MOVE_REPORT = new MessageSpec("COARRI/CODECO", "SMDG COARRI/CODECO 1.x/2.x", "EQD", ANY,
            Map.of("BGM", ANY, "DTM", DATES, "FTX", ANY, "RFF", ANY, "TDT", ANY, "LOC", LOCATIONS, "NAD", ANY),
            Map.ofEntries(Map.entry("EQD", Set.of("CN")), Map.entry("RFF", ANY), Map.entry("TMD", ANY),
                    Map.entry("DTM", DATES), Map.entry("LOC", LOCATIONS), Map.entry("MEA", ANY),
                    Map.entry("DIM", ANY), Map.entry("TMP", Set.of("2")), Map.entry("RNG", ANY),
                    Map.entry("SEL", ANY), Map.entry("FTX", ANY), Map.entry("DGS", Set.of("IMD")),
                    Map.entry("EQA", ANY), Map.entry("DAM", ANY), Map.entry("TDT", ANY), Map.entry("NAD", ANY),
                    Map.entry("CNT", ANY)));

    private MessageSpecs() {
    }
}

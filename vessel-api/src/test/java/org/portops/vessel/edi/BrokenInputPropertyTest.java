package org.portops.vessel.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.portops.vessel.edi.inbound.BayPlanMessage;

/**
 * Partners' files broken at random: the reader never throws, a file the default profile can repair reads as the
 * clean file does, and anything broken beyond that is refused with errors that name a segment.
 */
class BrokenInputPropertyTest {

    private static final List<String> FILES = List.of("baplie-d95b-smdg22-msc-anna.edi",
            "baplie-d13b-smdg31-one-harmony.edi", "baplie-d95b-smdg20-oocl-beijing.edi",
            "coarri-d95b-itg13-cosco-africa.edi", "movins-d95b-smdg-msc-anna.edi",
            "coprar-d95b-smdg-loading-order.edi", "vermas-d16a-smdg-vgm.edi");

    @Test
    void repairableQuirksReadAsTheCleanFileDoes() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        PartnerProfiles lenient = PartnerProfiles.all(PartnerProfile.DEFAULT);
        for (int round = 0; round < 60; round++) {
            String name = "baplie-d95b-smdg22-msc-anna.edi";
            String clean = new String(EdiFiles.bytes(name));
            String quirky = quirks(clean, random);

            EdiIntake.Read expected = EdiIntake.read(clean.getBytes(), lenient);
            EdiIntake.Read read = EdiIntake.read(quirky.getBytes(), lenient);

            assertThat(read.allErrors()).as("seed %d round %d:%n%s", seed, round, quirky).isEmpty();
            assertThat(((BayPlanMessage) read.messages().getFirst()).stowage())
                    .as("seed %d round %d", seed, round)
                    .isEqualTo(((BayPlanMessage) expected.messages().getFirst()).stowage());
            if (!quirky.equals(clean)) {
                assertThat(read.allRepairs().size()).as("seed %d round %d", seed, round)
                        .isGreaterThan(expected.allRepairs().size());
                assertThat(EdiIntake.read(quirky.getBytes(), PartnerProfiles.all(PartnerProfile.STRICT)).accepted())
                        .as("seed %d round %d: strict refuses what lenient repaired", seed, round).isFalse();
            }
        }
    }

    @Test
    void randomlyDamagedFilesNeverThrowAndEveryRefusalNamesASegment() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int refused = 0;
        for (int round = 0; round < 300; round++) {
            byte[] content = EdiFiles.bytes(FILES.get(random.nextInt(FILES.size())));
            byte[] damaged = damage(content, random);

            EdiIntake.Read read = EdiIntake.read(damaged, PartnerProfiles.all(PartnerProfile.DEFAULT));

            if (!read.accepted()) {
                refused++;
                assertThat(read.allErrors()).as("seed %d round %d", seed, round).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.reason()).isNotBlank());
            }
            assertThat(EdiCheck.json("damaged", read).getInteger("containers")).isNotNegative();
        }
        assertThat(refused).as("seed %d: damage that is never refused tests nothing", seed).isGreaterThan(150);
    }

    /** Adds some of the quirks the default profile repairs: wrong counts, stray FTX, unknown RFF and DTM qualifiers. */
    private static String quirks(String clean, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(clean.split("\n")));
        if (random.nextBoolean()) {
            int unt = indexOf(lines, "UNT+");
            lines.set(unt, lines.get(unt).replaceFirst("UNT\\+\\d+", "UNT+" + (1 + random.nextInt(99))));
        }
        if (random.nextBoolean()) {
            lines.add(indexOf(lines, "BGM") + 1, "FTX+AAI+++PLEASE CHECK BAY " + random.nextInt(90) + "'");
        }
        if (random.nextBoolean()) {
            lines.add(indexOf(lines, "BGM") + 1, "RFF+Z" + random.nextInt(10) + ":X'");
        }
        if (random.nextBoolean()) {
            lines.add(indexOf(lines, "BGM") + 1, "DTM+99" + random.nextInt(10) + ":202611240000:203'");
        }
        if (random.nextBoolean()) {
            int unz = indexOf(lines, "UNZ+");
            lines.set(unz, lines.get(unz).replaceFirst("UNZ\\+\\d+", "UNZ+" + (2 + random.nextInt(8))));
        }
        return String.join("\n", lines) + "\n";
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + prefix);
    }

    /** Deletes, duplicates or overwrites a few bytes, or cuts the file short. */
    private static byte[] damage(byte[] content, Random random) {
        byte[] bytes = content.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 2; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = (byte) (32 + random.nextInt(95));
                case 1 -> bytes[at] = (byte) "+:'?".charAt(random.nextInt(4));
                case 2 -> bytes = Arrays.copyOf(bytes, at + 1);
                default -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = bytes[at];
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
            }
        }
        return bytes;
    }
}

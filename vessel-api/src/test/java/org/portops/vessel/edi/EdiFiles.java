package org.portops.vessel.edi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The test messages under {@code src/test/resources/edi} (see SOURCE.md there). */
public final class EdiFiles {

    private EdiFiles() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = EdiFiles.class.getResourceAsStream("/edi/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test message /edi/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a test message with one profile for every partner. */
    public static EdiIntake.Read read(String name, PartnerProfile profile) {
        return EdiIntake.read(bytes(name), PartnerProfiles.all(profile));
    }
}

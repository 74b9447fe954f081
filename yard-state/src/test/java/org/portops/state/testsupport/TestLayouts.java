package org.portops.state.testsupport;

import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Terminal layouts for tests: the small {@code terminals/test-terminal.yaml} and the sample terminal. */
public final class TestLayouts {

    private TestLayouts() {
    }

    /** Three blocks of 10 bays x 4 rows x 4 tiers; A02 has plugs on row 4. */
    public static TerminalLayout small() {
        try (InputStream in = TestLayouts.class.getResourceAsStream("/terminals/test-terminal.yaml")) {
            return TerminalLayoutLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    TerminalLayoutLoader.Format.YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TerminalLayout sample() {
        return TerminalLayoutLoader.sample();
    }
}

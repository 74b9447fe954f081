package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EdiCheckCommandTest {

    /** An SMDG 2.1 BAPLIE with a UNT count off by one and a stray FTX, a reefer and a class 3 container. */
    private static final String BAPLIE = """
            UNB+UNOA:2+MSCU+NLRTMPORTOPS+261123:1200+9001'
            UNH+1+BAPLIE:D:95B:UN:SMDG21'
            BGM++B1+9'
            FTX+AAI+++SEE YOU IN ROTTERDAM'
            TDT+20+2547W+++MSC:172:20+++9074729:146:11:MSC ANNA'
            LOC+5+BEANR:139:6'
            LOC+147+0020484::5'
            MEA+VGM++KGM:28100'
            TMP+2+-18.5:CEL'
            LOC+9+BEANR:139:6'
            LOC+11+NLRTM:139:6'
            EQD+CN+MSCU2345672+45R1+++5'
            NAD+CA+MSC:172:20'
            LOC+147+0030082::5'
            MEA+VGM++KGM:18000'
            LOC+9+BEANR:139:6'
            LOC+11+NLRTM:139:6'
            EQD+CN+MSCU1234566+22G1+++5'
            NAD+CA+MSC:172:20'
            DGS+IMD+3+1263'
            UNT+19+1'
            UNZ+1+9001'
            """;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path folder;

    private int execute(String... args) {
        CommandLine commandLine = PortOpsCli.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void printsWhatTheFileHoldsAndEndsWithOneJsonLine() throws IOException {
        Path file = Files.writeString(folder.resolve("baplie.edi"), BAPLIE);

        int exitCode = execute("edi", "check", file.toString());

        assertThat(exitCode).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(out.toString()).contains("message:    BAPLIE D.95B SMDG21", "vessel:     MSC ANNA 2547W",
                "containers: 2, reefers 1, dangerous goods 1",
                "repair: UNT (segment 21, element 1): UNT segment count 19 replaced by the true count 20",
                "repair: FTX (segment 4): stray FTX in the header dropped");
        JsonObject json = new JsonObject(lines[lines.length - 1]);
        assertThat(json.getString("message")).isEqualTo("BAPLIE");
        assertThat(json.getString("version")).isEqualTo("D.95B SMDG21");
        assertThat(json.getString("sender")).isEqualTo("MSCU");
        assertThat(json.getString("vessel")).isEqualTo("MSC ANNA 2547W");
        assertThat(json.getString("voyage")).isEqualTo("2547W");
        assertThat(json.getInteger("containers")).isEqualTo(2);
        assertThat(json.getInteger("reefers")).isEqualTo(1);
        assertThat(json.getInteger("dangerous")).isEqualTo(1);
        assertThat(json.getJsonArray("errors")).isEmpty();
        assertThat(json.getJsonArray("repairs")).hasSize(2);
        assertThat(json.getJsonArray("repairs").getJsonObject(0).getInteger("position")).isEqualTo(21);
    }

    @Test
    void strictProfileRefusesTheSameFileWithExitCodeOne() throws IOException {
        Path file = Files.writeString(folder.resolve("baplie.edi"), BAPLIE);

        int exitCode = execute("edi", "check", "--profile", "strict", file.toString());

        assertThat(exitCode).isEqualTo(1);
        String[] lines = out.toString().strip().split("\n");
        JsonObject json = new JsonObject(lines[lines.length - 1]);
        assertThat(json.getJsonArray("errors")).hasSize(2);
        assertThat(json.getJsonArray("errors").getJsonObject(1).getString("reason"))
                .isEqualTo("FTX is not part of the header of BAPLIE (SMDG BAPLIE 2.x/3.x)");
        assertThat(out.toString()).contains("REFUSED: 2 errors, 0 repairs");
    }

    @Test
    void aMissingFileIsAUsageError() {
        int exitCode = execute("edi", "check", folder.resolve("absent.edi").toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read");
    }
}

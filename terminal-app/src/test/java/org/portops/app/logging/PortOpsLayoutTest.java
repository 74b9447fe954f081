package org.portops.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PortOpsLayoutTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("org.portops.test");

    private LoggingEvent event(String message, Throwable error) {
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.WARN, message, error, new Object[] {"B07"});
        event.setTimeStamp(Instant.parse("2026-11-24T06:00:00.123Z").toEpochMilli());
        event.setThreadName("main");
        return event;
    }

    private PortOpsLayout layout(String format) {
        PortOpsLayout layout = new PortOpsLayout();
        layout.setContext(context);
        layout.setFormat(format);
        layout.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger - %msg%n");
        layout.start();
        return layout;
    }

    @Test
    void jsonLineIsOneObjectWithAnIsoUtcTimestamp() {
        String line = layout("json").doLayout(event("block {} \"full\"\nretrying", new IllegalStateException("boom")));

        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n");
        JsonObject json = new JsonObject(line);
        assertThat(json.getString("ts")).isEqualTo("2026-11-24T06:00:00.123Z");
        assertThat(json.getString("level")).isEqualTo("WARN");
        assertThat(json.getString("logger")).isEqualTo("org.portops.test");
        assertThat(json.getString("thread")).isEqualTo("main");
        assertThat(json.getString("msg")).isEqualTo("block B07 \"full\"\nretrying");
        assertThat(json.getString("error")).startsWith("java.lang.IllegalStateException: boom");
    }

    @Test
    void plainLineStartsWithTheUtcTimestamp() {
        String line = layout("plain").doLayout(event("block {} full", null));

        assertThat(line).isEqualTo("2026-11-24T06:00:00.123Z WARN  [main] org.portops.test - block B07 full"
                + System.lineSeparator());
    }
}

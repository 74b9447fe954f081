package org.portops.app.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * The launcher's log line: {@code plain} (the configured pattern) or {@code json}, one object per
 * line with {@code ts} (UTC ISO-8601), {@code level}, {@code logger}, {@code thread}, {@code msg},
 * {@code mdc} and {@code error} (the stack trace) when present. JSON is written here rather than by
 * logback's JsonEncoder because that one writes the timestamp as epoch milliseconds.
 */
public final class PortOpsLayout extends LayoutBase<ILoggingEvent> {

    private static final JsonFactory JSON = new JsonFactory();

    private String format = "plain";
    private String pattern = "%d %-5level [%thread] %logger - %msg%n";
    private PatternLayout plain;

    /** {@code plain} or {@code json}. */
    public void setFormat(String format) {
        this.format = format;
    }

    /** The pattern of {@code plain} lines. */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        if (!"json".equals(format)) {
            if (!"plain".equals(format)) {
                addWarn("log format '" + format + "' is neither plain nor json; writing plain");
            }
            plain = new PatternLayout();
            plain.setContext(getContext());
            plain.setPattern(pattern);
            plain.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        if (plain != null) {
            plain.stop();
        }
        super.stop();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return plain != null ? plain.doLayout(event) : json(event);
    }

    private static String json(ILoggingEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            json.writeStringField("msg", event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null && !mdc.isEmpty()) {
                json.writeObjectFieldStart("mdc");
                for (Map.Entry<String, String> entry : mdc.entrySet()) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
            }
            IThrowableProxy error = event.getThrowableProxy();
            if (error != null) {
                json.writeStringField("error", ThrowableProxyUtil.asString(error));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(CoreConstants.LINE_SEPARATOR).toString();
    }
}

package org.portops.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import java.net.URL;
import org.portops.app.config.LogFormat;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** Switches the log format once the configuration is known (logback starts before it is). */
public final class Logging {

    /** The system property {@code logback.xml} reads to pick its appender. */
    public static final String FORMAT_PROPERTY = "portops.log.format";

    private Logging() {
    }

    /**
     * Makes every following log line use {@code format}, re-reading the logback configuration
     * logback started with (the bundled {@code logback.xml} unless {@code -Dlogback.configurationFile}
     * named another one).
     */
    public static void use(LogFormat format) {
        String wanted = format.configName();
        String previous = System.setProperty(FORMAT_PROPERTY, wanted);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (wanted.equals(previous) || !(factory instanceof LoggerContext context)) {
            return;
        }
        URL configuration = ConfigurationWatchListUtil.getMainWatchURL(context);
        if (configuration == null) {
            return;
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot re-read the logging configuration " + configuration, e);
        }
    }
}

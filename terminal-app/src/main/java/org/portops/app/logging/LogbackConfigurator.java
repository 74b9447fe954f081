package org.portops.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;

/**
 * Configures logback from the launcher's own {@code logback.xml}. Logback's search would also find
 * the one inside the HiveMQ jar and warn about it at every start; this configurator takes the copy
 * that sits beside its own class. {@code -Dlogback.configurationFile=...} still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogbackConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        URL own = ownConfiguration();
        if (System.getProperty("logback.configurationFile") != null || own == null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(own);
        } catch (JoranException e) {
            addError("cannot read " + own, e);
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static URL ownConfiguration() {
        var codeSource = LogbackConfigurator.class.getProtectionDomain().getCodeSource();
        if (codeSource == null) {
            return null;
        }
        String home = codeSource.getLocation().toString();
        try {
            ClassLoader loader = LogbackConfigurator.class.getClassLoader();
            for (URL candidate : Collections.list(loader.getResources("logback.xml"))) {
                String text = candidate.toString();
                if (text.startsWith(home) || text.startsWith("jar:" + home + "!")) {
                    return candidate;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}

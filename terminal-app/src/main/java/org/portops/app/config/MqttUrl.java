package org.portops.app.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Where an external MQTT broker is: {@code tcp://host[:1883]} or, with TLS, {@code ssl://host[:8883]}. */
public record MqttUrl(String host, int port, boolean tls) {

    public MqttUrl {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
    }

    /** Parses the URL; the exception message says what is wrong with it. */
    public static MqttUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL (" + e.getReason() + "): '" + text + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        boolean tls = switch (scheme) {
            case "tcp", "mqtt" -> false;
            case "ssl", "mqtts" -> true;
            default -> throw new IllegalArgumentException(
                    "must start with tcp:// or ssl:// (mqtt:// and mqtts:// work too), was '" + text + "'");
        };
        int port = uri.getPort() == -1 ? (tls ? 8883 : 1883) : uri.getPort();
        return new MqttUrl(uri.getHost(), port, tls);
    }

    /** The URL in the form Paho clients take. */
    public String clientUrl() {
        return (tls ? "ssl" : "tcp") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return clientUrl();
    }
}

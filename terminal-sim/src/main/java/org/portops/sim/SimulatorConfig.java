package org.portops.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.telemetry.GeoReference;

/**
 * How to run the simulated terminal.
 *
 * @param brokerUrl      MQTT broker, e.g. {@code tcp://127.0.0.1:1883}
 * @param terminalCode   the terminal level of the topics; the layout's code when null
 * @param rateHz         readings per machine per simulated second, 1..10
 * @param speedUp        simulated seconds per wall-clock second (1 = real time); timestamps are simulated time
 * @param seed           seed of the inventory and of every random choice; same seed, same run
 * @param machineLimit   how many machines to simulate, fleets resized in proportion; 0 = the layout's fleets
 * @param connections    MQTT connections to share the machines over; 0 = one per machine (each with its will)
 * @param clock          gives the simulated start time
 * @param layout         the terminal; the sample terminal when null
 * @param clientIdPrefix prefix of the MQTT client ids
 * @param reeferPeriod   how often each plugged reefer is reported (simulated time)
 */
public record SimulatorConfig(String brokerUrl, String terminalCode, double rateHz, double speedUp, long seed,
                              int machineLimit, int connections, Clock clock, TerminalLayout layout,
                              String clientIdPrefix, Duration reeferPeriod, GeoReference geo) {

    public SimulatorConfig {
        Objects.requireNonNull(brokerUrl, "broker URL");
        if (!(rateHz >= 1 && rateHz <= 10)) {
            throw new IllegalArgumentException("rate must be 1..10 Hz, was " + rateHz);
        }
        if (!(speedUp > 0 && speedUp <= 1000)) {
            throw new IllegalArgumentException("speed-up must be > 0 and <= 1000, was " + speedUp);
        }
        if (machineLimit < 0 || connections < 0) {
            throw new IllegalArgumentException("machine limit and connections must be >= 0, were " + machineLimit
                    + " and " + connections);
        }
        Objects.requireNonNull(clock, "clock");
        layout = layout == null ? TerminalLayoutLoader.sample() : layout;
        terminalCode = terminalCode == null ? layout.terminalCode() : terminalCode;
        clientIdPrefix = clientIdPrefix == null ? "portops-sim" : clientIdPrefix;
        reeferPeriod = reeferPeriod == null ? Duration.ofMinutes(1) : reeferPeriod;
        geo = geo == null ? GeoReference.SAMPLE : geo;
    }

    /** The sample terminal in real time at 1 Hz, seed 1, every machine on its own connection. */
    public static SimulatorConfig defaults(String brokerUrl) {
        return new SimulatorConfig(brokerUrl, null, 1, 1, 1, 0, 0, Clock.systemUTC(), null, null, null, null);
    }

    public SimulatorConfig withRate(double hz) {
        return new SimulatorConfig(brokerUrl, terminalCode, hz, speedUp, seed, machineLimit, connections, clock, layout,
                clientIdPrefix, reeferPeriod, geo);
    }

    public SimulatorConfig withSpeedUp(double factor) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, factor, seed, machineLimit, connections, clock,
                layout, clientIdPrefix, reeferPeriod, geo);
    }

    public SimulatorConfig withMachines(int limit, int sharedConnections) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, seed, limit, sharedConnections, clock,
                layout, clientIdPrefix, reeferPeriod, geo);
    }

    public SimulatorConfig withSeed(long newSeed) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, newSeed, machineLimit, connections, clock,
                layout, clientIdPrefix, reeferPeriod, geo);
    }

    public SimulatorConfig withClock(Clock newClock) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, seed, machineLimit, connections, newClock,
                layout, clientIdPrefix, reeferPeriod, geo);
    }

    public SimulatorConfig withClientIdPrefix(String prefix) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, seed, machineLimit, connections, clock,
                layout, prefix, reeferPeriod, geo);
    }

    public SimulatorConfig withReeferPeriod(Duration period) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, seed, machineLimit, connections, clock,
                layout, clientIdPrefix, period, geo);
    }
}

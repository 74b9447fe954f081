package org.portops.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.telemetry.GeoReference;
import org.portops.sim.engine.OperatingMode;
import org.portops.sim.mqtt.MachineSockets;

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
 * @param geo            where the terminal lies on earth; the sample terminal's reference when null
 * @param inventory      the terminal to start from (containers in their yard slots, vessel calls with their bay
 *                       plans), e.g. a live yard's current state; null generates the sample inventory from
 *                       {@code seed} at the clock's start time. Containers may come in any order; together they
 *                       must obey the yard rules ({@link org.portops.sim.yard.SimYard}), else start fails naming
 *                       the first that does not
 * @param mode           who decides the machines' work: the simulator, PortOps's orders, or the simulator until a
 *                       machine's first order (mixed, the default)
 * @param visualizationHz positions per machine per simulated second on {@code visualization}, 1..10; 0 = none
 *                       (the default)
 * @param sockets        each machine's sockets, e.g. TLS with its own client certificate; null for Paho's default.
 *                       With it every machine and reefer monitor gets a connection of its own: one connection
 *                       speaking for several would be refused as spoofing
 */
public record SimulatorConfig(String brokerUrl, String terminalCode, double rateHz, double speedUp, long seed,
                              int machineLimit, int connections, Clock clock, TerminalLayout layout,
                              String clientIdPrefix, Duration reeferPeriod, GeoReference geo,
                              Inventory inventory, OperatingMode mode, double visualizationHz,
                              MachineSockets sockets) {

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
        mode = mode == null ? OperatingMode.MIXED : mode;
        if (!(visualizationHz == 0 || visualizationHz >= 1 && visualizationHz <= 10)) {
            throw new IllegalArgumentException("visualization rate must be 0 (off) or 1..10 Hz, was " + visualizationHz);
        }
        if (sockets != null && connections != 0) {
            throw new IllegalArgumentException("machine sockets need a connection per machine (connections 0), were "
                    + connections + " shared connections");
        }
    }

    /** Every machine with Paho's default sockets. */
    public SimulatorConfig(String brokerUrl, String terminalCode, double rateHz, double speedUp, long seed,
                           int machineLimit, int connections, Clock clock, TerminalLayout layout,
                           String clientIdPrefix, Duration reeferPeriod, GeoReference geo, Inventory inventory,
                           OperatingMode mode, double visualizationHz) {
        this(brokerUrl, terminalCode, rateHz, speedUp, seed, machineLimit, connections, clock, layout, clientIdPrefix,
                reeferPeriod, geo, inventory, mode, visualizationHz, null);
    }

    /** Without a starting inventory (the sample inventory generated from {@code seed}), mixed, no visualization. */
    public SimulatorConfig(String brokerUrl, String terminalCode, double rateHz, double speedUp, long seed,
                           int machineLimit, int connections, Clock clock, TerminalLayout layout,
                           String clientIdPrefix, Duration reeferPeriod, GeoReference geo) {
        this(brokerUrl, terminalCode, rateHz, speedUp, seed, machineLimit, connections, clock, layout, clientIdPrefix,
                reeferPeriod, geo, null, null, 0);
    }

    /** The sample terminal in real time at 1 Hz, seed 1, every machine on its own connection. */
    public static SimulatorConfig defaults(String brokerUrl) {
        return new SimulatorConfig(brokerUrl, null, 1, 1, 1, 0, 0, Clock.systemUTC(), null, null, null, null);
    }

    public SimulatorConfig withRate(double hz) {
        return new SimulatorConfig(brokerUrl, terminalCode, hz, speedUp, seed, machineLimit, connections, clock, layout,
                clientIdPrefix, reeferPeriod, geo, inventory, mode, visualizationHz, sockets);
    }

    public SimulatorConfig withSpeedUp(double factor) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, factor, seed, machineLimit, connections, clock,
                layout, clientIdPrefix, reeferPeriod, geo, inventory, mode, visualizationHz, sockets);
    }

    public SimulatorConfig withMachines(int limit, int sharedConnections) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, seed, limit, sharedConnections, clock,
                layout, clientIdPrefix, reeferPeriod, geo, inventory, mode, visualizationHz, sockets);
    }

    public SimulatorConfig withSeed(long newSeed) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, newSeed, machineLimit, connections, clock,
                layout, clientIdPrefix, reeferPeriod, geo, inventory, mode, visualizationHz, sockets);
    }

    public SimulatorConfig withClock(Clock newClock) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, seed, machineLimit, connections, newClock,
                layout, clientIdPrefix, reeferPeriod, geo, inventory, mode, visualizationHz, sockets);
    }

    public SimulatorConfig withClientIdPrefix(String prefix) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, seed, machineLimit, connections, clock,
                layout, prefix, reeferPeriod, geo, inventory, mode, visualizationHz, sockets);
    }

    /** Starts from {@code start} instead of the sample inventory. */
    public SimulatorConfig withInventory(Inventory start) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, seed, machineLimit, connections, clock,
                layout, clientIdPrefix, reeferPeriod, geo, start, mode, visualizationHz, sockets);
    }

    public SimulatorConfig withReeferPeriod(Duration period) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, seed, machineLimit, connections, clock,
                layout, clientIdPrefix, period, geo, inventory, mode, visualizationHz, sockets);
    }

    public SimulatorConfig withMode(OperatingMode newMode) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, seed, machineLimit, connections, clock,
                layout, clientIdPrefix, reeferPeriod, geo, inventory, newMode, visualizationHz, sockets);
    }

    public SimulatorConfig withSockets(MachineSockets machineSockets) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, seed, machineLimit, connections, clock,
                layout, clientIdPrefix, reeferPeriod, geo, inventory, mode, visualizationHz, machineSockets);
    }

    public SimulatorConfig withVisualizationRate(double hz) {
        return new SimulatorConfig(brokerUrl, terminalCode, rateHz, speedUp, seed, machineLimit, connections, clock,
                layout, clientIdPrefix, reeferPeriod, geo, inventory, mode, hz, sockets);
    }
}

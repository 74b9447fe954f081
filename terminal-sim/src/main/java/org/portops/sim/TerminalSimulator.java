package org.portops.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.sim.engine.EngineConfig;
import org.portops.sim.engine.Injection;
import org.portops.sim.engine.ReeferMonitor;
import org.portops.sim.engine.SimEngine;
import org.portops.sim.mqtt.MqttOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated terminal as a library: {@link #start} builds the terminal (the configured inventory, else the
 * sample inventory and vessel calls from the seed), connects to the broker, announces every machine ONLINE and runs the engine in the background at the
 * configured speed-up; {@link #stop} announces OFFLINE and disconnects. Inject faults and attacks with
 * {@link #inject}; instant actions and orders arriving over MQTT are applied by the engine.
 */
public final class TerminalSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalSimulator.class);
    /** The engine's step in wall-clock nanoseconds at speed-up 1. */
    private static final long TICK_NANOS = 100_000_000L;
    /** Ticks run in one go at most when the engine falls behind, so a stall does not turn into a burst. */
    private static final int MAX_CATCH_UP = 50;

    private final SimEngine engine;
    private final MqttOutput output;
    private final ScheduledExecutorService driver;
    private final double speedUp;
    private final long startNanos;
    private long ticksRun;

    private TerminalSimulator(SimEngine engine, MqttOutput output, double speedUp, long startNanos) {
        this.engine = engine;
        this.output = output;
        this.speedUp = speedUp;
        this.driver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "portops-sim");
            thread.setDaemon(true);
            return thread;
        });
        this.startNanos = startNanos;
    }

    public static TerminalSimulator start(SimulatorConfig config) throws MqttException {
        TerminalLayout layout = FleetSizer.resize(config.layout(), config.machineLimit());
        SimEngine[] engine = new SimEngine[1];
        List<EquipmentId> speakers = new ArrayList<>(layout.allEquipment().stream().map(e -> e.id()).toList());
        if (config.sockets() != null) {
            // reefer monitors otherwise publish through another machine's connection, which its certificate forbids
            speakers.addAll(ReeferMonitor.monitorsOf(layout));
        }
        MqttOutput output = new MqttOutput(config.brokerUrl(), config.terminalCode(), config.clientIdPrefix(),
                speakers, config.connections(), config.clock().instant(), action -> engine[0].instantAction(action),
                order -> engine[0].order(order), config.sockets());
        // Simulated time starts once connected, at the clock's now, and runs from this very moment on: otherwise
        // the time spent connecting would put every timestamp behind the clock for good.
        long startNanos = System.nanoTime();
        Instant start = config.clock().instant();
        Inventory inventory = config.inventory() != null ? config.inventory()
                : SampleInventory.generate(layout, config.seed(), start);
        EngineConfig engineConfig = new EngineConfig(layout, inventory, config.terminalCode(), config.seed(), start,
                config.rateHz(), config.reeferPeriod(), config.geo(), config.mode(), config.visualizationHz());
        try {
            engine[0] = new SimEngine(engineConfig, output);
        } catch (RuntimeException e) {
            output.close();
            throw e;
        }
        TerminalSimulator simulator = new TerminalSimulator(engine[0], output, config.speedUp(), startNanos);
        engine[0].announceOnline();
        long period = Math.max(1_000_000L, (long) (TICK_NANOS / config.speedUp()));
        simulator.driver.scheduleAtFixedRate(simulator::run, 0, period, TimeUnit.NANOSECONDS);
        LOG.info("simulated terminal {} started: {} machines, {} Hz, speed-up {}, {} mode", config.terminalCode(),
                engine[0].machines().size(), config.rateHz(), config.speedUp(), config.mode());
        return simulator;
    }

    private void run() {
        try {
            long due = (long) ((System.nanoTime() - startNanos) * speedUp / TICK_NANOS);
            for (int i = 0; i < MAX_CATCH_UP && ticksRun < due; i++) {
                engine.tick();
                ticksRun++;
            }
            if (due - ticksRun > MAX_CATCH_UP) {
                ticksRun = due;
            }
            output.flush();
        } catch (RuntimeException e) {
            LOG.error("simulation tick failed; the simulator stops", e);
            throw e;
        }
    }

    /** Queues a fault or attack for the next tick. */
    public void inject(Injection injection) {
        engine.inject(injection);
    }

    /** The running engine, for reading its state; call its mutators only through {@link #inject}. */
    public SimEngine engine() {
        return engine;
    }

    public MqttOutput output() {
        return output;
    }

    /** Stops the engine, announces every machine OFFLINE and disconnects. */
    public void stop() {
        if (driver.isShutdown()) {
            return;
        }
        driver.shutdown();
        try {
            if (!driver.awaitTermination(5, TimeUnit.SECONDS)) {
                driver.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.announceOffline();
        output.disconnect(engine.now());
        output.close();
    }

    @Override
    public void close() {
        stop();
    }
}

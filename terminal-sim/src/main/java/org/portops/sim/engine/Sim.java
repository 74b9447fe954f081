package org.portops.sim.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.portops.sim.yard.SimYard;

/**
 * What the parts of the engine share during a tick: time, the one seeded random, the yard, geometry, output, the
 * autonomous operation and PortOps's orders.
 */
final class Sim {

    /** The engine's fixed step. */
    static final Duration TICK = Duration.ofMillis(100);
    static final double DT = 0.1;

    private final Instant start;
    private final Random random;
    private final SimYard yard;
    private final TerminalGeometry geometry;
    private Emitter emitter;
    private Operations operations;
    private OrderBook orders;
    private long ticks;

    Sim(Instant start, Random random, SimYard yard, TerminalGeometry geometry) {
        this.start = start;
        this.random = random;
        this.yard = yard;
        this.geometry = geometry;
    }

    void emitter(Emitter output) {
        this.emitter = output;
    }

    void operations(Operations ops) {
        this.operations = ops;
    }

    Instant now() {
        return start.plus(TICK.multipliedBy(ticks));
    }

    long ticks() {
        return ticks;
    }

    void advanceTick() {
        ticks++;
    }

    Random random() {
        return random;
    }

    SimYard yard() {
        return yard;
    }

    TerminalGeometry geometry() {
        return geometry;
    }

    Emitter emitter() {
        return emitter;
    }

    Operations operations() {
        return operations;
    }

    void orders(OrderBook book) {
        this.orders = book;
    }

    OrderBook orders() {
        return orders;
    }
}

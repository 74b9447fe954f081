package org.portops.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The simulated terminal standalone, as a load generator: {@code java -cp ... org.portops.sim.LoadGenerator --help}. */
@Command(name = "portops-sim", mixinStandardHelpOptions = true,
        description = "Runs the simulated terminal against an MQTT broker and reports what it published.")
public final class LoadGenerator implements Callable<Integer> {

    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883", description = "MQTT broker URL (${DEFAULT-VALUE})")
    String broker;

    @Option(names = "--machines", defaultValue = "0", description = "machines to simulate, 0 = the layout's fleets")
    int machines;

    @Option(names = "--rate", defaultValue = "1", description = "readings per machine per second, 1..10")
    double rate;

    @Option(names = "--duration", defaultValue = "PT1M", description = "how long to run, ISO-8601 (${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--connections", defaultValue = "4", description = "MQTT connections shared by the machines, 0 = one each")
    int connections;

    @Option(names = "--speed-up", defaultValue = "1", description = "simulated seconds per second")
    double speedUp;

    @Option(names = "--seed", defaultValue = "1", description = "random seed")
    long seed;

    @Option(names = "--terminal", description = "terminal code in topics (default: the layout's)")
    String terminal;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SimulatorConfig config = new SimulatorConfig(broker, terminal, rate, speedUp, seed, machines, connections,
                Clock.systemUTC(), null, "portops-load", null, null);
        long started = System.nanoTime();
        TerminalSimulator simulator = TerminalSimulator.start(config);
        try {
            Thread.sleep(duration.toMillis());
        } finally {
            simulator.stop();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("machines %d, published %d messages in %.1f s (%.0f/s), readings dropped %d%n",
                simulator.engine().machines().size(), simulator.output().published(), seconds,
                simulator.output().published() / seconds, simulator.output().dropped());
        return 0;
    }
}

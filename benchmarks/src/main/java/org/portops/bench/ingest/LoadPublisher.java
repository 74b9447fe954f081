package org.portops.bench.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.portops.model.telemetry.EquipmentEvent;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.StateReading;
import org.portops.model.telemetry.TelemetryCodec;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Topic;

/**
 * Publishes readings for the first {@code machines} machines of the fleet at {@code hz} each, over a few Paho
 * connections (one thread each, the machines dealt round-robin), paced against the clock, plus QoS 1 fault
 * events at a small rate. Each reading's timestamp is the moment it is handed to Paho, so the time it becomes
 * visible in live state minus its timestamp is the publish-to-visible latency. A reading counts as published once
 * Paho wrote it to the socket; a connection more than a second behind its schedule skips the overdue readings
 * (counted), so the published rate says what the broker actually got.
 */
final class LoadPublisher implements AutoCloseable {

    /** QoS 0 readings handed to a Paho client and not yet written: above this the thread waits. */
    private static final int MAX_OUTSTANDING = 2_000;
    private static final String FAULT = "BENCH-01";

    private final BenchFleet fleet;
    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final TelemetryCodec codec = new TelemetryCodec();

    LoadPublisher(String brokerUrl, String clientIdPrefix, BenchFleet fleet, int connections) throws MqttException {
        this.fleet = fleet;
        for (int c = 0; c < connections; c++) {
            MqttAsyncClient client = new MqttAsyncClient(brokerUrl, clientIdPrefix + "-" + c, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setKeepAliveInterval(30);
            client.connect(options).waitForCompletion(10_000);
            clients.add(client);
        }
    }

    /** Starts publishing; {@link Run#stop()} ends it. */
    Run start(String terminal, int machines, double hz, double eventsPerSecond) {
        if (machines > fleet.size()) {
            throw new IllegalArgumentException("the fleet has " + fleet.size() + " machines, asked " + machines);
        }
        return new Run(terminal, machines, hz, eventsPerSecond);
    }

    @Override
    public void close() {
        for (MqttAsyncClient client : clients) {
            try {
                if (client.isConnected()) {
                    client.disconnect(5_000).waitForCompletion(5_000);
                }
                client.close(true);
            } catch (MqttException e) {
                // the broker may be gone already; nothing is left to release on this side
            }
        }
    }

    /** One publishing period: counters are cumulative from its start. */
    final class Run {
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicLong published = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
        private final AtomicLong eventsSent = new AtomicLong();
        private final AtomicLong eventsAcked = new AtomicLong();
        private final AtomicLong eventsFailed = new AtomicLong();
        private volatile boolean stopped;

        private Run(String terminal, int machines, double hz, double eventsPerSecond) {
            for (int c = 0; c < clients.size(); c++) {
                List<Integer> own = new ArrayList<>();
                for (int m = c; m < machines; m += clients.size()) {
                    own.add(m);
                }
                Lane lane = new Lane(clients.get(c), terminal, own, hz, eventsPerSecond / clients.size());
                Thread thread = Thread.ofPlatform().name("bench-publisher-" + c).daemon().start(lane);
                threads.add(thread);
            }
        }

        long published() {
            return published.get();
        }

        long skipped() {
            return skipped.get();
        }

        long failed() {
            return failed.get();
        }

        /** QoS 1 events the broker acknowledged. */
        long eventsAcked() {
            return eventsAcked.get();
        }

        long eventsSent() {
            return eventsSent.get();
        }

        /** QoS 1 events Paho gave up on (refused or not acknowledged); the rest are acknowledged or in flight. */
        long eventsFailed() {
            return eventsFailed.get();
        }

        /** Stops the threads and waits (bounded) until the events they sent are acknowledged. */
        void stop() throws InterruptedException {
            stopped = true;
            for (Thread thread : threads) {
                thread.join();
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (eventsAcked.get() + eventsFailed.get() < eventsSent.get() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        private final class Lane implements Runnable {
            private final MqttAsyncClient client;
            private final String terminal;
            private final int[] machines;
            private final double readingsPerSecond;
            private final double eventsPerSecond;
            private final boolean[] faulted;
            private final AtomicLong written = new AtomicLong();
            private final MqttActionListener readingDone = new MqttActionListener() {
                public void onSuccess(IMqttToken token) {
                    written.incrementAndGet();
                    published.incrementAndGet();
                }

                public void onFailure(IMqttToken token, Throwable exception) {
                    written.incrementAndGet();
                    failed.incrementAndGet();
                }
            };
            private final MqttActionListener eventDone = new MqttActionListener() {
                public void onSuccess(IMqttToken token) {
                    eventsAcked.incrementAndGet();
                }

                public void onFailure(IMqttToken token, Throwable exception) {
                    eventsFailed.incrementAndGet();
                }
            };
            private long handed;
            private PendingEvent pending;

            private record PendingEvent(String topic, byte[] payload) {
            }

            Lane(MqttAsyncClient client, String terminal, List<Integer> machines, double hz, double eventsPerSecond) {
                this.client = client;
                this.terminal = terminal;
                this.machines = machines.stream().mapToInt(Integer::intValue).toArray();
                this.readingsPerSecond = machines.size() * hz;
                this.eventsPerSecond = eventsPerSecond;
                this.faulted = new boolean[machines.size()];
            }

            @Override
            public void run() {
                if (machines.length == 0) {
                    return;
                }
                long start = System.nanoTime();
                long sent = 0;
                long events = 0;
                int cursor = 0;
                int eventCursor = 0;
                while (!stopped) {
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    long due = (long) (elapsed * readingsPerSecond);
                    if (due - sent > readingsPerSecond) {
                        skipped.addAndGet(due - sent);
                        sent = due;
                    }
                    while (sent < due && !stopped && handed - written.get() < MAX_OUTSTANDING) {
                        publishReading(machines[cursor]);
                        cursor = (cursor + 1) % machines.length;
                        sent++;
                    }
                    if (pending != null && send(pending)) {
                        pending = null;
                    }
                    long eventsDue = (long) (elapsed * eventsPerSecond);
                    while (pending == null && events < eventsDue && !stopped) {
                        pending = event(eventCursor);
                        eventsSent.incrementAndGet();
                        eventCursor = (eventCursor + 1) % machines.length;
                        events++;
                        if (send(pending)) {
                            pending = null;
                        }
                    }
                    LockSupport.parkNanos(200_000);
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (pending != null && System.nanoTime() < deadline) {
                    if (send(pending)) {
                        pending = null;
                    }
                    LockSupport.parkNanos(5_000_000);
                }
            }

            private void publishReading(int machine) {
                StateReading template = fleet.template(machine);
                StateReading reading = template.withHeader(template.machineId(), fleet.nextSequence(machine), now());
                String topic = Topic.of(terminal, template.machineId(), TelemetryTopic.STATE).toString();
                MqttMessage message = new MqttMessage(codec.encode(reading));
                message.setQos(0);
                handed++;
                try {
                    client.publish(topic, message, null, readingDone);
                } catch (MqttException e) {
                    written.incrementAndGet();
                    failed.incrementAndGet();
                }
            }

            /** Alternately raises and clears a fault on the lane's machines in turn. */
            private PendingEvent event(int index) {
                int machine = machines[index];
                StateReading template = fleet.template(machine);
                EquipmentEvent event = faulted[index] ? new EquipmentEvent.FaultCleared(FAULT)
                        : new EquipmentEvent.FaultRaised(FAULT, "benchmark fault");
                faulted[index] = !faulted[index];
                EventMessage message = new EventMessage(template.machineId(), fleet.nextSequence(machine), now(), event);
                return new PendingEvent(Topic.of(terminal, template.machineId(), TelemetryTopic.EVENTS).toString(),
                        codec.encode(message));
            }

            /** False when the client's in-flight window is full: then it is tried again on the next turn. */
            private boolean send(PendingEvent event) {
                MqttMessage message = new MqttMessage(event.payload());
                message.setQos(1);
                try {
                    client.publish(event.topic(), message, null, eventDone);
                    return true;
                } catch (MqttException e) {
                    if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                        return false;
                    }
                    eventsFailed.incrementAndGet();
                    return true;
                }
            }

            private static Instant now() {
                return Instant.now().truncatedTo(ChronoUnit.MILLIS);
            }
        }
    }
}

package org.portops.bench.ingest;

import java.util.Map;

/**
 * One load step against one broker: the ingest's figures over the measured window and the bare subscriber's at
 * the same offered load.
 *
 * @param published        readings per second the publishers got onto the wire in the window
 * @param publishedCount   readings published during the whole step, warm-up included
 * @param ingested         readings per second the ingest accepted in the window
 * @param shed             readings the ingest shed during the step (inbound queue full, or history queue full)
 * @param shedInbound      of those, shed at the door because the inbound queue was full (the rest: history full)
 * @param rejected         messages the ingest refused during the step (the load is valid: expected 0)
 * @param lost             readings published during the step that the ingest never took off the wire (dropped by
 *                         the broker or still queued when the step's drain time ran out)
 * @param lagGrowth        growth of published-but-not-yet-handled readings over the window
 * @param backlog          published-but-not-yet-handled readings at the end of the window
 * @param eventsSent       QoS 1 events the broker acknowledged
 * @param eventsStored     events the ingest stored in {@code telemetry_event} during the step
 * @param latencySamples   visible states timed on the sampled machines
 * @param bare             readings per second the bare subscriber received in its window
 * @param stages           where the ingest's own share of the latency went, from its stage timers
 * @param cpu              microseconds of CPU per accepted reading over the measured window, by part of the run
 * @param bareCpu          the same over the bare subscriber's window, per reading it received
 */
record StepResult(int machines, double hz, double published, long publishedCount, double ingested, long shed,
                  long shedInbound, long rejected, long lost, long lagGrowth, long backlog,
                  long eventsSent, long eventsStored, double p50Millis, double p99Millis, int latencySamples,
                  double bare, Stages stages, Map<CpuMeter.Part, Double> cpu, Map<CpuMeter.Part, Double> bareCpu) {

    /**
     * Percentiles of the ingest's stage timers ({@code portops.ingest.latency}) over the last ~15 s of the window, in
     * ms: Paho's callback to the checks, accepted to sent to Hazelcast, one batch of writes, and Paho's callback to
     * visible in live state.
     */
    record Stages(double queuedP99, double coalescedP99, double writtenP99, double totalP50, double totalP99) {
    }

    double offered() {
        return machines * hz;
    }

    /**
     * Held: the publishers reached 95% of the offered rate, the ingest accepted at least 95% of what was published
     * in the window, shed nothing, lost at most 0.1% of the step's readings, its backlog grew by less than half a
     * second of load over the window and stood below one second of load at its end, and every acknowledged event
     * was stored and nothing was refused.
     */
    boolean sustained() {
        return published >= 0.95 * offered() && ingested >= 0.95 * published && shed == 0
                && lost <= publishedCount / 1_000 && lagGrowth < offered() / 2 && backlog < offered()
                && eventsStored >= eventsSent && rejected == 0;
    }

    double ingestVsBare() {
        return bare == 0 ? Double.NaN : ingested / bare;
    }
}

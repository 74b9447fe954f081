package org.portops.sim.engine;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.portops.sim.yard.YardInvariants;

class ScratchTest {
    @Test
    void run() {
        long t0 = System.nanoTime();
        RecordingSink sink = new RecordingSink() { @Override public void publish(Outbound m) { if (!(m instanceof Outbound.Message mm && mm.message() instanceof org.portops.model.telemetry.StateReading)) super.publish(m); } };
        SimEngine engine = new SimEngine(Scenes.sample(1, 1), sink);
        long t1 = System.nanoTime();
        engine.advance(Duration.ofHours(1));
        long t2 = System.nanoTime();
        System.out.println("setup ms " + (t1 - t0) / 1_000_000 + " run ms " + (t2 - t1) / 1_000_000);
        System.out.println("moves " + engine.quayCraneMoves() + " vessel " + engine.vesselMoves());
        System.out.println("messages " + sink.all.size() + " events " + sink.events().size());
        System.out.println("violations " + YardInvariants.violations(engine.yard().layout(), engine.yard().containers()).size());
        java.lang.reflect.Field f;
        try { f = SimEngine.class.getDeclaredField("fleet"); f.setAccessible(true);
        Fleet fleet = (Fleet) f.get(engine);
        for (SimQuayCrane qc : fleet.quayCranes) {
            Job j = qc.motion.currentJob();
            System.out.println(qc.id() + " " + qc.motion.phase() + " q=" + qc.motion.queued() + " job=" + j
                + (j == null ? "" : " carrier=" + j.carrier.position() + " load=" + j.carrier.load() + " yc=" + j.yardCrane.id() + " ycphase=" + j.yardCrane.motion.phase() + " ycq=" + j.yardCrane.motion.queued() + " ycjob=" + j.yardCrane.motion.currentJob()));
        }
        for (SimYardCrane yc : fleet.yardCranes) if (yc.motion.queued() > 0) System.out.println(yc.id() + " " + yc.motion.phase() + " q=" + yc.motion.queued() + " " + yc.motion.currentJob() + " carrier=" + (yc.motion.currentJob().carrier == null ? null : yc.motion.currentJob().carrier.position()) + " yp=" + yc.motion.currentJob().yardPoint);
        } catch (Exception e) { throw new RuntimeException(e); }
        java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
        sink.events().forEach(e -> kinds.merge(e.event().type() + ":" + e.machineId().value().replaceAll("\\d", ""), 1L, Long::sum));
        System.out.println(kinds);
    }
}

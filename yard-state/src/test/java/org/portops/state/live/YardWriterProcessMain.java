package org.portops.state.live;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.portops.state.Database;
import org.portops.state.LiveYard;
import org.portops.state.MoveResult;
import org.portops.state.YardMaps;
import org.portops.state.lease.LeaderElector;
import org.portops.state.lease.Lease;
import org.portops.state.lease.Leadership;
import org.portops.state.lease.NodeId;
import org.portops.state.lease.PlannerLease;
import org.portops.state.lease.PlannerName;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;

/**
 * One node of {@link YardWriterProcessTest} in a JVM of its own: a Hazelcast member of the test's cluster with the
 * live yard (opened, or joined), standing for the {@code yard-writer} lease; while it writes it moves containers at
 * random (at most {@code moves} of them, 0 = until killed) and prints {@code ACK <container> <to> <sequence>} for every
 * accepted one, after its acknowledgement. Also prints {@code READY} and {@code WRITING}; a node that joins stands for
 * the lease after a line on stdin. Arguments: JDBC URL, user,
 * password, node id, ttl in ms, cluster name, {@code open} or {@code join}, moves, seed.
 */
public final class YardWriterProcessMain {

    private YardWriterProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        HazelcastInstance member = TestHazelcast.member(args[5]);
        Vertx vertx = Vertx.vertx();
        Pool pool = Database.pool(vertx, args[0], args[1], args[2], 4);
        Pool leasePool = Database.pool(vertx, args[0], args[1], args[2], 2);
        LiveYard yard = ("open".equals(args[6])
                ? LiveYard.open(vertx, member, pool, TestLayouts.small(), Clock.systemUTC())
                : LiveYard.join(vertx, member, pool, TestLayouts.small(), Clock.systemUTC()))
                .await(120, TimeUnit.SECONDS);
        System.out.println("READY");
        if ("join".equals(args[6])) {
            // started alongside the opener to save a JVM's start: it stands for the lease only once told, so the
            // opener writes first
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        int moves = Integer.parseInt(args[7]);
        Random random = new Random(Long.parseLong(args[8]));
        Leadership leadership = new Leadership() {
            @Override
            public void onElected(Lease lease) {
                yard.takeOverAsWriter().onSuccess(v -> {
                    System.out.println("WRITING");
                    Thread.ofPlatform().start(() -> move(yard, new RandomMoves(YardMaps.of(member), TestLayouts.small()),
                            random, moves));
                });
            }

            @Override
            public void onRevoked(Lease lease, String reason) {
                yard.stepDownAsWriter();
            }
        };
        vertx.deployVerticle(new LeaderElector(new PlannerLease(leasePool), new PlannerName("yard-writer"),
                new NodeId(args[3]), Duration.ofMillis(Long.parseLong(args[4])), Clock.systemUTC(), leadership))
                .await(30, TimeUnit.SECONDS);
    }

    private static void move(LiveYard yard, RandomMoves moves, Random random, int limit) {
        int accepted = 0;
        while (limit == 0 || accepted < limit) {
            try {
                if (yard.move(moves.next(random)).await(30, TimeUnit.SECONDS) instanceof MoveResult.Accepted a) {
                    accepted++;
                    System.out.println("ACK " + a.event().container() + " " + a.event().to() + " " + a.sequence());
                }
            } catch (Exception e) {
                System.out.println("FAILED " + e);
            }
        }
        System.out.println("DONE");
    }
}

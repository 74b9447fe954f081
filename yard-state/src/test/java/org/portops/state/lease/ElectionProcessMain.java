package org.portops.state.lease;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.portops.state.Database;

import java.time.Clock;
import java.time.Duration;

/**
 * One node of {@link LeaderElectorProcessTest} in a JVM of its own: stands for the crane scheduler, and while it
 * leads writes a plan row through the fence every 50 ms. Prints {@code ELECTED <token>} and {@code REVOKED <token>}
 * on stdout for the test to read. Arguments: JDBC URL, user, password, node id, ttl in ms.
 */
public final class ElectionProcessMain {

    private ElectionProcessMain() {
    }

    public static void main(String[] args) {
        Vertx vertx = Vertx.vertx();
        Pool pool = Database.pool(vertx, args[0], args[1], args[2], 4);
        PlannerLease leases = new PlannerLease(pool);
        NodeId node = new NodeId(args[3]);
        Leadership leadership = new Leadership() {
            private volatile Lease writingUnder;

            @Override
            public void onElected(Lease lease) {
                System.out.println("ELECTED " + lease.token());
                writingUnder = lease;
                write(lease);
            }

            @Override
            public void onRevoked(Lease lease, String reason) {
                writingUnder = null;
                System.out.println("REVOKED " + lease.token());
            }

            private void write(Lease lease) {
                if (writingUnder != lease) {
                    return;
                }
                leases.fencedWrite(lease, connection -> connection
                                .preparedQuery("insert into plan_write (token, node) values ($1, $2)")
                                .execute(Tuple.of(lease.token(), node.value())))
                        .onComplete(done -> vertx.setTimer(50, next -> write(lease)));
            }
        };
        vertx.deployVerticle(new LeaderElector(leases, new PlannerName("crane-scheduler"), node,
                        Duration.ofMillis(Long.parseLong(args[4])), Clock.systemUTC(), leadership))
                .onSuccess(id -> System.out.println("CANDIDATE " + node))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(2);
                });
    }
}

package org.portops.app.health;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** {@code SELECT 1} through the same reactive pool the yard uses. */
public final class PostgresCheck implements ComponentCheck {

    private final Pool pool;
    private final String target;

    public PostgresCheck(Pool pool, String target) {
        this.pool = pool;
        this.target = target;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public Future<ComponentHealth> check() {
        long start = System.nanoTime();
        return pool.query("SELECT 1").execute().map(rows -> rows.iterator().next().getInteger(0) == 1
                ? ComponentHealth.up("SELECT 1 answered in " + (System.nanoTime() - start) / 1_000_000 + " ms")
                : ComponentHealth.down("SELECT 1 answered " + rows.iterator().next().getValue(0)));
    }
}

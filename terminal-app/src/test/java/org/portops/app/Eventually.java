package org.portops.app;

import java.time.Duration;

/**
 * Retries an assertion until it holds or the time is up, then throws its last failure: for what a whole running
 * PortOps does asynchronously (facts, plans, rows).
 */
final class Eventually {

    /** An assertion that may also read (and so throw) on the way. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    private Eventually() {
    }

    static void eventually(Duration within, Duration every, Check check) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(every.toMillis());
            }
        }
    }
}

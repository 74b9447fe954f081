package org.portops.map.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A browser that stops reading its stream (a stuck tab, a laptop lid closed on a slow link) must not hold up the
 * others nor make the server queue what it cannot send: two streams over real TCP, one read at once, one never read
 * until 40 MB of deltas have gone out. The reader gets every delta; the stuck one, when it reads at last, gets what
 * fitted in the buffers and then a fresh snapshot, not the 40 MB.
 */
class SlowConsumerTest {

    private static final int DELTAS = 2_000;
    private static final String PADDING = "x".repeat(20_000);

    @Test
    void aBrowserThatDoesNotReadStallsNoOtherAndIsResyncedInsteadOfQueuedFor() throws Exception {
        Vertx vertx = Vertx.vertx();
        List<MapStream> streams = new CopyOnWriteArrayList<>();
        AtomicInteger snapshots = new AtomicInteger();
        Context context = vertx.getOrCreateContext();
        CompletableFuture<HttpServer> listening = new CompletableFuture<>();
        // a fixed send buffer: the kernel's autotuning would otherwise take megabytes off the stuck stream's queue
        context.runOnContext(v -> vertx.createHttpServer(new HttpServerOptions().setSendBufferSize(1 << 16))
                .requestHandler(request -> {
                    MapStream stream = new MapStream(request.response(), () -> Future.succeededFuture(
                            new JsonObject().put("snapshot", snapshots.incrementAndGet())));
                    streams.add(stream);
                    stream.open();
                }).listen(0, "127.0.0.1").onComplete(r -> listening.complete(r.result())));
        int port = listening.get(20, TimeUnit.SECONDS).actualPort();
        try (Socket stuck = open(port, 4096)) {
            waitFor(() -> streams.size() == 1);
            try (Socket reader = open(port, 1 << 16)) {
                waitFor(() -> streams.size() == 2);
                AtomicInteger seen = new AtomicInteger();
                CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> countDeltas(reader, seen));
                long started = System.nanoTime();
                for (int i = 0; i < DELTAS; i++) {
                    String delta = new JsonObject().put("n", i).put("pad", PADDING).encode();
                    CompletableFuture<Void> sent = new CompletableFuture<>();
                    context.runOnContext(v -> {
                        streams.forEach(stream -> stream.delta(delta));
                        sent.complete(null);
                    });
                    sent.get(20, TimeUnit.SECONDS);
                    // a browser on the LAN: it keeps up, unless the server waits for the stuck one. Keeping up means
                    // at most two deltas (40 KB) behind: more would fill the reader's own send queue (Netty's 64 KB
                    // high-water mark) and make it, rightly, a slow consumer resynced with a snapshot (a quiet CI
                    // machine let the reader fall behind that far with 100 allowed).
                    while (i - seen.get() > 2 && System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
                        Thread.sleep(1);
                    }
                }
                waitFor(() -> seen.get() == DELTAS);
                reading.cancel(true);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("40 MB to the reading browser")
                        .isLessThan(Duration.ofSeconds(60));
            }

            String late = readUntilQuiet(stuck);
            assertThat(count(late, "event: delta")).as("what fitted in the buffers before the server stopped "
                    + "writing to the stuck browser, of " + DELTAS).isLessThan(DELTAS / 10);
            assertThat(count(late, "event: snapshot")).as("its first snapshot, and a fresh one once it drained")
                    .isEqualTo(2);
            assertThat(snapshots).hasValue(3);
        } finally {
            await(vertx.close());
        }
    }

    private static Socket open(int port, int receiveBuffer) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write("GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void countDeltas(Socket socket, AtomicInteger seen) {
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.equals("event: delta")) {
                    seen.incrementAndGet();
                }
            }
        } catch (IOException closed) {
            // the test closed the socket
        }
    }

    /** Everything the socket has until it stays quiet for two seconds. */
    private static String readUntilQuiet(Socket socket) throws IOException {
        socket.setSoTimeout(2_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1 << 16];
        StringBuilder text = new StringBuilder();
        try {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException quiet) {
            // nothing more
        }
        return text.toString();
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            count++;
        }
        return count;
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("within 60 s").isTrue();
    }
}

package org.portops.state.audit;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * Checks the hash chain of {@code audit_log} outside the database. The rows are hashed by a trigger when they are
 * written; this check recomputes every SHA-256 in Java rather than calling the database's own hash function, so
 * someone who can replace that function still cannot make a changed row pass. Rows are read in pages, in id
 * order, so a long log is checked in bounded memory.
 */
public final class AuditChain {

    /** The hash the first row links to. */
    public static final String GENESIS = "0".repeat(64);

    private static final int PAGE = 5_000;
    private static final HexFormat HEX = HexFormat.of();

    private final Pool pool;
    private final int pageSize;

    public AuditChain(Pool pool) {
        this(pool, PAGE);
    }

    AuditChain(Pool pool, int pageSize) {
        this.pool = pool;
        this.pageSize = pageSize;
    }

    /** Walks the whole chain and stops at the first row that does not fit. */
    public Future<ChainCheck> verify() {
        return verify(null);
    }

    /**
     * Walks the whole chain, and also checks that it still holds the row {@code anchor} names with the hash noted
     * down then: this catches rows cut off the end and a chain rewritten with recomputed hashes, which the chain
     * alone cannot show.
     *
     * @param anchor an earlier check's last row and hash, kept outside the database; null checks the chain only
     */
    public Future<ChainCheck> verify(Anchor anchor) {
        // from the lowest id there can be, so a row slipped in below the first one is checked too
        return page(new Progress(Long.MIN_VALUE, 0, GENESIS), anchor);
    }

    /** A row's id and hash noted down outside the database, e.g. from an earlier {@code portops audit verify}. */
    public record Anchor(long id, String hash) {
        public Anchor {
            if (id < 1 || hash == null || !hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("an anchor is a row id >= 1 and its 64 hex digit hash, was "
                        + id + ":" + hash);
            }
        }

        /** Reads {@code <id>:<hash>}, as {@code portops audit verify} prints it. */
        public static Anchor parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 1 || !text.substring(0, colon).matches("\\d{1,18}")) {
                throw new IllegalArgumentException("an anchor is <row id>:<hash>, was '" + text + "'");
            }
            return new Anchor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
        }

        @Override
        public String toString() {
            return id + ":" + hash;
        }
    }

    private Future<ChainCheck> page(Progress progress, Anchor anchor) {
        return pool.preparedQuery("select id, at, actor, action, subject, details::text as details, prev_hash, hash "
                        + "from audit_log where id > $1 order by id limit $2")
                .execute(Tuple.of(progress.lastId(), pageSize))
                .compose(rows -> {
                    Progress next = progress;
                    for (Row row : rows) {
                        ChainCheck.Break broken = check(row, next, anchor);
                        if (broken != null) {
                            return Future.succeededFuture(next.result(broken));
                        }
                        next = new Progress(row.getLong("id"), next.rowsChecked() + 1, row.getString("hash"));
                    }
                    if (rows.size() == pageSize) {
                        return page(next, anchor);
                    }
                    return Future.succeededFuture(next.result(anchor != null && next.lastId() < anchor.id()
                            ? new ChainCheck.Break(anchor.id(), ChainCheck.Problem.CUT_OFF, "the chain ends at row "
                                    + next.headId() + ", before row " + anchor.id() + " of the anchor: rows were "
                                    + "deleted from its end")
                            : null));
                });
    }

    private static ChainCheck.Break check(Row row, Progress before, Anchor anchor) {
        long id = row.getLong("id");
        if (anchor != null && before.lastId() < anchor.id() && id > anchor.id()) {
            return new ChainCheck.Break(anchor.id(), ChainCheck.Problem.CUT_OFF, "row " + anchor.id()
                    + " of the anchor is gone");
        }
        String recomputed = hash(row.getString("prev_hash"), id, row.getOffsetDateTime("at"), row.getString("actor"),
                row.getString("action"), row.getString("subject"), row.getString("details"));
        if (!recomputed.equals(row.getString("hash"))) {
            return new ChainCheck.Break(id, ChainCheck.Problem.CONTENT_CHANGED, "row " + id
                    + " no longer matches its hash: its content or its id was changed after it was written");
        }
        if (!before.headHash().equals(row.getString("prev_hash"))) {
            return new ChainCheck.Break(id, ChainCheck.Problem.LINK_BROKEN, "row " + id
                    + " does not link to the row before it: rows before it were deleted, inserted or reordered");
        }
        if (anchor != null && id == anchor.id() && !anchor.hash().equals(recomputed)) {
            return new ChainCheck.Break(id, ChainCheck.Problem.ANCHOR_MISMATCH, "row " + id
                    + " holds a hash other than the anchor's: the chain up to it was rewritten");
        }
        return null;
    }

    /**
     * The hash the trigger gives a row: SHA-256 over the text of the JSON array {@code [prev_hash, id,
     * microseconds since the epoch, actor, action, subject, details]} as PostgreSQL's jsonb prints it.
     *
     * @param details the details as PostgreSQL prints a jsonb value ({@code details::text})
     */
    static String hash(String prevHash, long id, OffsetDateTime at, String actor, String action, String subject,
                       String details) {
        long micros = Math.addExact(Math.multiplyExact(at.toEpochSecond(), 1_000_000L), at.getNano() / 1_000L);
        String canonical = "[" + jsonString(prevHash) + ", " + id + ", " + micros + ", " + jsonString(actor) + ", "
                + jsonString(action) + ", " + jsonString(subject) + ", " + details + "]";
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A string as PostgreSQL's JSON output escapes it (escape_json): other characters stay as they are. */
    static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < ' ') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private record Progress(long lastId, long rowsChecked, String headHash) {
        long headId() {
            return rowsChecked == 0 ? 0 : lastId;
        }

        ChainCheck result(ChainCheck.Break broken) {
            return new ChainCheck(rowsChecked, headId(), headHash, broken);
        }
    }
}

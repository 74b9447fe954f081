package org.portops.crane.berth;

/** A berth allocation instance file that cannot be read; the message names the file, the line and the field. */
public final class BerthInstanceFormatException extends RuntimeException {
    private final int line;

    public BerthInstanceFormatException(String source, int line, String field, String problem) {
        super(source + " line " + line + " (" + field + "): " + problem);
        this.line = line;
    }

    public BerthInstanceFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.line = 0;
    }

    /** The 1-based line the problem is on, 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}

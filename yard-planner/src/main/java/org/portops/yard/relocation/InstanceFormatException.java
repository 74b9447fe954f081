package org.portops.yard.relocation;

import java.nio.file.Path;

/** An instance file that cannot be read; the message names the file, the line and the field. */
public final class InstanceFormatException extends Exception {

    public InstanceFormatException(Path file, int line, String field, String problem) {
        super(file + ":" + line + ": " + field + ": " + problem);
    }
}

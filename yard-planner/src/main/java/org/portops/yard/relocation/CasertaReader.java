package org.portops.yard.relocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Caserta et al. {@code .dat} format: a line {@code W N}, then one line per stack {@code h c_1 .. c_h}
 * bottom to top. H, the tier count, is the tallest initial stack: every stack of this set starts full.
 */
public final class CasertaReader {

    private CasertaReader() {
    }

    public static BlocksInstance read(Path file) throws IOException, InstanceFormatException {
        return parse(file, Files.readString(file));
    }

    public static BlocksInstance parse(Path file, String text) throws InstanceFormatException {
        List<String> lines = text.lines().toList();
        int lineNo = firstContentLine(lines, 0);
        if (lineNo < 0) {
            throw new InstanceFormatException(file, 1, "header", "file is empty, expected \"W N\"");
        }
        String[] header = fields(lines.get(lineNo));
        if (header.length != 2) {
            throw new InstanceFormatException(file, lineNo + 1, "header",
                    "expected 2 fields \"W N\", found " + header.length);
        }
        int stackCount = number(file, lineNo + 1, "W (stacks)", header[0], 2);
        int containerCount = number(file, lineNo + 1, "N (containers)", header[1], 1);
        List<List<Integer>> stacks = new ArrayList<>();
        int seen = 0;
        int tiers = 0;
        for (int s = 1; s <= stackCount; s++) {
            int next = firstContentLine(lines, lineNo + 1);
            if (next < 0) {
                throw new InstanceFormatException(file, lines.size() + 1, "stack " + s,
                        "missing: header announces " + stackCount + " stacks, file has " + (s - 1));
            }
            lineNo = next;
            String[] cells = fields(lines.get(lineNo));
            int height = number(file, lineNo + 1, "stack " + s + " height", cells[0], 0);
            if (cells.length != height + 1) {
                throw new InstanceFormatException(file, lineNo + 1, "stack " + s,
                        "height " + height + " but " + (cells.length - 1) + " priorities follow");
            }
            List<Integer> stack = new ArrayList<>();
            for (int i = 1; i <= height; i++) {
                int priority = number(file, lineNo + 1, "stack " + s + " priority " + i, cells[i], 1);
                if (priority > containerCount) {
                    throw new InstanceFormatException(file, lineNo + 1, "stack " + s + " priority " + i,
                            priority + " exceeds N = " + containerCount);
                }
                stack.add(priority);
            }
            seen += height;
            tiers = Math.max(tiers, height);
            stacks.add(stack);
        }
        int extra = firstContentLine(lines, lineNo + 1);
        if (extra >= 0) {
            throw new InstanceFormatException(file, extra + 1, "trailing line",
                    "header announces " + stackCount + " stacks; unexpected \"" + lines.get(extra).strip() + "\"");
        }
        if (seen != containerCount) {
            throw new InstanceFormatException(file, 1, "N (containers)",
                    "header says " + containerCount + " containers, stacks hold " + seen);
        }
        try {
            return new BlocksInstance(instanceName(file), tiers, stacks);
        } catch (IllegalArgumentException e) {
            throw new InstanceFormatException(file, 1, "priorities", e.getMessage());
        }
    }

    private static String instanceName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".dat") ? name.substring(0, name.length() - 4) : name;
    }

    private static int firstContentLine(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static String[] fields(String line) {
        return line.strip().split("\\s+");
    }

    private static int number(Path file, int line, String field, String text, int min) throws InstanceFormatException {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InstanceFormatException(file, line, field, "not a whole number: \"" + text + "\"");
        }
        if (value < min) {
            throw new InstanceFormatException(file, line, field, "must be at least " + min + ", was " + value);
        }
        return value;
    }
}

package org.portops.model.layout;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a {@link TerminalLayout} from YAML or JSON. The file is read into a tree and checked field by field, so a
 * {@link LayoutException} lists every problem at once, each with its field path
 * ({@code blocks[3].maxTiers: must be 1..9, was 12}); unknown and missing fields are named too.
 *
 * <p>Shape (YAML): {@code terminalCode, name, port} (UN/LOCODE), {@code quay: {name, lengthMeters, berths: [{id,
 * startMeter, endMeter, waterDepthMeters}], bollards (optional: [{id, meter}], or a row {firstMeter, spacingMeters,
 * count} numbered from 1)}}, {@code blocks: [{id, bays, rows, maxTiers, reeferRows (optional),
 * origin: {x, y}, craneKind}]}, {@code equipment: [{kind, idPrefix, count, model (optional)}]},
 * {@code gateLanes: [{id, inbound}]}. See {@code /terminals/sample-terminal.yaml}.
 */
public final class TerminalLayoutLoader {

    /** The sample terminal on the classpath. */
    public static final String SAMPLE_RESOURCE = "/terminals/sample-terminal.yaml";

    /** The text format of a layout. */
    public enum Format {
        YAML,
        JSON;

        /** By file extension: {@code .yaml}, {@code .yml} or {@code .json}. */
        public static Format of(Path path) {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return YAML;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            throw new LayoutException(path.toString(),
                    List.of("(file): name must end in .yaml, .yml or .json, was " + path.getFileName()));
        }

        private ObjectMapper mapper() {
            return switch (this) {
                case YAML -> YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
                case JSON -> JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
            };
        }
    }

    private TerminalLayoutLoader() {
    }

    /** Reads a layout file, its format chosen by extension. */
    public static TerminalLayout load(Path path) {
        Format format = Format.of(path);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LayoutException(path.toString(), List.of("(file): cannot read " + path + ": " + e));
        }
        return parse(text, format, path.toString());
    }

    /** Reads a layout from text. */
    public static TerminalLayout parse(String text, Format format) {
        return parse(text, format, format.name().toLowerCase(Locale.ROOT) + " text");
    }

    /** The sample terminal shipped with PortOps. */
    public static TerminalLayout sample() {
        try (InputStream in = TerminalLayoutLoader.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sample terminal " + SAMPLE_RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Format.YAML, SAMPLE_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SAMPLE_RESOURCE, e);
        }
    }

    private static TerminalLayout parse(String text, Format format, String source) {
        if (text == null || text.isBlank()) {
            throw new LayoutException(source, List.of("(document): is empty"));
        }
        JsonNode root;
        try {
            root = format.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new LayoutException(source, List.of(syntaxProblem(e)));
        }
        LayoutReader reader = new LayoutReader();
        TerminalLayout layout = reader.read(root);
        if (layout == null) {
            throw new LayoutException(source, reader.problems());
        }
        return layout;
    }

    private static String syntaxProblem(JsonProcessingException e) {
        // SnakeYAML repeats the position and quotes the source on indented lines; the parser's location says it
        String message = e.getOriginalMessage().lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "(syntax): " + message;
        }
        return "(syntax) line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + message;
    }
}

package org.portops.vessel.edi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.portops.vessel.edi.inbound.InboundMessage;

/**
 * {@code portops edi check FILE}: what a file holds and what is wrong with it, as text for a person and as one
 * line of JSON for scripts. Offline: nothing is stored or applied.
 */
public final class EdiCheck {

    private EdiCheck() {
    }

    /** The readable report; its last line is {@link #json}'s. */
    public static String report(String file, EdiIntake.Read read) {
        StringBuilder out = new StringBuilder();
        out.append("file:       ").append(file).append('\n');
        out.append("sender:     ").append(read.interchange().sender()).append(" → ")
                .append(read.interchange().recipient()).append(" (interchange ")
                .append(read.interchange().controlReference()).append(")\n");
        for (InboundMessage message : read.messages()) {
            out.append('\n');
            out.append("message:    ").append(message.header().type()).append(' ').append(message.header().version())
                    .append(" (reference ").append(message.header().reference()).append(")\n");
            out.append("vessel:     ").append(message.header().vessel().text()).append('\n');
            out.append("containers: ").append(message.containers()).append(", reefers ").append(message.reefers())
                    .append(", dangerous goods ").append(message.dangerous()).append('\n');
            out.append("outcome:    ").append(message.accepted() ? "accepted" : "refused").append('\n');
            lines(out, "error", message.errors());
            lines(out, "repair", message.repairs());
        }
        if (!read.envelopeErrors().isEmpty() || !read.envelopeRepairs().isEmpty()) {
            out.append("\nenvelope:\n");
            lines(out, "error", read.envelopeErrors());
            lines(out, "repair", read.envelopeRepairs());
        }
        out.append('\n').append(read.accepted() ? "ACCEPTED" : "REFUSED").append(": ")
                .append(read.allErrors().size()).append(" errors, ").append(read.allRepairs().size())
                .append(" repairs\n");
        out.append(json(file, read).encode()).append('\n');
        return out.toString();
    }

    private static void lines(StringBuilder out, String kind, List<?> findings) {
        findings.forEach(f -> out.append("  ").append(kind).append(": ").append(f).append('\n'));
    }

    /**
     * The figures of a file: {@code message} and {@code version} (comma-separated when messages differ),
     * {@code sender}, {@code vessel} (name and voyage) and {@code voyage}, totals of containers, reefers and dangerous goods, every error and
     * repair with segment and position, and one entry per message.
     */
    public static JsonObject json(String file, EdiIntake.Read read) {
        List<InboundMessage> messages = read.messages();
        JsonArray perMessage = new JsonArray();
        messages.forEach(m -> perMessage.add(new JsonObject()
                .put("message", m.header().type()).put("version", m.header().version())
                .put("reference", m.header().reference()).put("vessel", m.header().vessel().text())
                .put("containers", m.containers()).put("reefers", m.reefers()).put("dangerous", m.dangerous())
                .put("accepted", m.accepted())));
        return new JsonObject()
                .put("file", file)
                .put("message", messages.stream().map(m -> m.header().type()).distinct().collect(Collectors.joining(",")))
                .put("version", messages.stream().map(m -> m.header().version()).distinct()
                        .collect(Collectors.joining(",")))
                .put("sender", read.interchange().sender())
                .put("vessel", messages.stream().map(m -> m.header().vessel().text()).filter(v -> !v.isEmpty())
                        .distinct().collect(Collectors.joining(",")))
                .put("voyage", messages.stream().map(m -> m.header().vessel().voyage()).filter(v -> !v.isEmpty())
                        .distinct().collect(Collectors.joining(",")))
                .put("containers", messages.stream().mapToInt(InboundMessage::containers).sum())
                .put("reefers", messages.stream().mapToInt(InboundMessage::reefers).sum())
                .put("dangerous", messages.stream().mapToInt(InboundMessage::dangerous).sum())
                .put("accepted", read.accepted())
                .put("errors", new JsonArray(read.allErrors().stream()
                        .map(e -> finding(e.at()).put("reason", e.reason())).toList()))
                .put("repairs", new JsonArray(read.allRepairs().stream()
                        .map(r -> finding(r.at()).put("repair", r.repair())).toList()))
                .put("messages", perMessage);
    }

    private static JsonObject finding(SegmentRef at) {
        return new JsonObject().put("segment", at.tag()).put("position", at.position())
                .put("element", at.element()).put("component", at.component());
    }
}

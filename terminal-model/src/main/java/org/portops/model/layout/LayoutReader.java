package org.portops.model.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.portops.model.container.UnLocode;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.layout.ObjectFields.Element;
import org.portops.model.quay.Berth;
import org.portops.model.quay.Bollard;
import org.portops.model.quay.BerthId;
import org.portops.model.quay.Quay;
import org.portops.model.yard.BlockId;

/** Turns a parsed layout tree into a {@link TerminalLayout}, collecting every problem with its field path. */
final class LayoutReader {

    private static final double MAX_METRES = 20_000;

    private final List<String> problems = new ArrayList<>();

    /** The layout, or null when {@link #problems()} is not empty. */
    TerminalLayout read(JsonNode root) {
        ObjectFields f = ObjectFields.of(root, "", problems,
                "terminalCode", "name", "port", "quay", "blocks", "equipment", "gateLanes");
        if (f == null) {
            return null;
        }
        String code = f.parsed("terminalCode", LayoutReader::terminalCode);
        String name = f.parsed("name", LayoutReader::nonBlank);
        UnLocode port = f.parsed("port", UnLocode::new);
        Quay quay = quay(f.object("quay", "name", "lengthMeters", "berths", "bollards"));
        List<BlockLayout> blocks = blocks(f);
        List<EquipmentSpec> equipment = list(f, "equipment", this::equipmentSpec);
        if (equipment != null) {
            checkEquipmentIds(equipment);
        }
        List<GateLane> gateLanes = gateLanes(f);
        if (!problems.isEmpty()) {
            return null;
        }
        return build("(document)", () -> new TerminalLayout(code, name, port, quay, blocks, equipment, gateLanes));
    }

    List<String> problems() {
        return problems;
    }

    private Quay quay(ObjectFields f) {
        if (f == null) {
            return null;
        }
        String name = f.parsed("name", LayoutReader::nonBlank);
        Double length = f.number("lengthMeters", 1, MAX_METRES);
        List<Berth> berths = list(f, "berths", this::berth);
        if (name == null || length == null || berths == null) {
            return null;
        }
        List<Bollard> bollards = bollards(f);
        if (bollards == null) {
            return null;
        }
        List<String> quayProblems = new ArrayList<>(Quay.berthProblems(length, berths));
        quayProblems.addAll(Quay.bollardProblems(length, bollards));
        quayProblems.forEach(p -> problems.add(f.pathOf(p)));
        return quayProblems.isEmpty() ? build(f.path(), () -> new Quay(name, length, berths, bollards)) : null;
    }

    /**
     * The quay's bollards (optional): a list {@code [{id, meter}]} for a quay whose bollards are irregular, or a row
     * {@code {firstMeter, spacingMeters, count}} numbered from 1 along the quay, as a quay drawing gives them.
     */
    private List<Bollard> bollards(ObjectFields quay) {
        if (!quay.has("bollards")) {
            return List.of();
        }
        if (quay.isArray("bollards")) {
            return list(quay, "bollards", this::bollard);
        }
        ObjectFields f = quay.object("bollards", "firstMeter", "spacingMeters", "count");
        if (f == null) {
            return null;
        }
        Double first = f.number("firstMeter", 0, MAX_METRES);
        Double spacing = f.number("spacingMeters", 1, 500);
        Integer count = f.integer("count", 1, 2000);
        if (first == null || spacing == null || count == null) {
            return null;
        }
        List<Bollard> row = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            row.add(new Bollard(String.valueOf(i + 1), first + i * spacing));
        }
        return row;
    }

    private Bollard bollard(Element e) {
        ObjectFields f = ObjectFields.of(e.node(), e.path(), problems, "id", "meter");
        if (f == null) {
            return null;
        }
        String id = f.text("id");
        Double meter = f.number("meter", 0, MAX_METRES);
        if (id == null || meter == null) {
            return null;
        }
        return build(f.path(), () -> new Bollard(id, meter));
    }

    private Berth berth(Element e) {
        ObjectFields f = ObjectFields.of(e.node(), e.path(), problems, "id", "startMeter", "endMeter",
                "waterDepthMeters");
        if (f == null) {
            return null;
        }
        BerthId id = f.parsed("id", BerthId::new);
        Double start = f.number("startMeter", 0, MAX_METRES);
        Double end = f.number("endMeter", 0, MAX_METRES);
        Double depth = f.number("waterDepthMeters", 1, 30);
        if (id == null || start == null || end == null || depth == null) {
            return null;
        }
        if (start >= end) {
            f.problem("endMeter", "must be greater than startMeter " + start + ", was " + end);
            return null;
        }
        return build(f.path(), () -> new Berth(id, start, end, depth));
    }

    private List<BlockLayout> blocks(ObjectFields f) {
        List<BlockLayout> blocks = list(f, "blocks", this::block);
        if (blocks == null) {
            return null;
        }
        Map<BlockId, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            BlockLayout block = blocks.get(i);
            Integer first = firstIndex.putIfAbsent(block.id(), i);
            if (first != null) {
                problems.add("blocks[" + i + "].id: duplicate block " + block.id());
                continue;
            }
            for (int j = 0; j < i; j++) {
                if (Footprint.of(block).overlaps(Footprint.of(blocks.get(j)))) {
                    problems.add("blocks[" + i + "].origin: block " + block.id() + " overlaps block "
                            + blocks.get(j).id() + " (blocks[" + j + "])");
                }
            }
        }
        return blocks;
    }

    private BlockLayout block(Element e) {
        ObjectFields f = ObjectFields.of(e.node(), e.path(), problems, "id", "bays", "rows", "maxTiers",
                "reeferRows", "origin", "craneKind");
        if (f == null) {
            return null;
        }
        BlockId id = f.parsed("id", BlockId::new);
        Integer bays = f.integer("bays", 1, 99);
        Integer rows = f.integer("rows", 1, 20);
        Integer maxTiers = f.integer("maxTiers", 1, 9);
        Set<Integer> reeferRows = reeferRows(f, rows == null ? 20 : rows);
        Position origin = position(f.object("origin", "x", "y"));
        EquipmentKind crane = f.enumValue("craneKind", EquipmentKind.class);
        if (crane != null && !crane.stacksInYard()) {
            f.problem("craneKind", "must be a kind that stacks in the yard (RTG, RMG, ASC, STRADDLE_CARRIER, "
                    + "REACH_STACKER), was " + crane);
            return null;
        }
        if (id == null || bays == null || rows == null || maxTiers == null || reeferRows == null || origin == null
                || crane == null) {
            return null;
        }
        return build(f.path(), () -> new BlockLayout(id, bays, rows, maxTiers, reeferRows, origin, crane));
    }

    private Set<Integer> reeferRows(ObjectFields f, int rows) {
        if (!f.has("reeferRows")) {
            return Set.of();
        }
        List<Element> elements = f.array("reeferRows");
        if (elements == null) {
            return null;
        }
        Set<Integer> result = new TreeSet<>();
        boolean ok = true;
        for (Element element : elements) {
            Integer row = ObjectFields.integerValue(element.node(), element.path(), 1, rows, problems);
            if (row == null) {
                ok = false;
            } else if (!result.add(row)) {
                problems.add(element.path() + ": duplicate reefer row " + row);
                ok = false;
            }
        }
        return ok ? result : null;
    }

    private Position position(ObjectFields f) {
        if (f == null) {
            return null;
        }
        Double x = f.number("x", -MAX_METRES, MAX_METRES);
        Double y = f.number("y", -MAX_METRES, MAX_METRES);
        return x == null || y == null ? null : new Position(x, y);
    }

    private EquipmentSpec equipmentSpec(Element e) {
        ObjectFields f = ObjectFields.of(e.node(), e.path(), problems, "kind", "idPrefix", "count", "model");
        if (f == null) {
            return null;
        }
        EquipmentKind kind = f.enumValue("kind", EquipmentKind.class);
        String prefix = f.text("idPrefix");
        Integer count = f.integer("count", 1, 999);
        String model = f.has("model") ? f.text("model") : "";
        if (kind == null || prefix == null || count == null || model == null) {
            return null;
        }
        return build(f.path(), () -> new EquipmentSpec(kind, prefix, count, model));
    }

    private List<GateLane> gateLanes(ObjectFields f) {
        List<GateLane> lanes = list(f, "gateLanes", this::gateLane);
        if (lanes == null) {
            return null;
        }
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < lanes.size(); i++) {
            if (!seen.add(lanes.get(i).id())) {
                problems.add("gateLanes[" + i + "].id: duplicate gate lane " + lanes.get(i).id());
            }
        }
        return lanes;
    }

    private GateLane gateLane(Element e) {
        ObjectFields f = ObjectFields.of(e.node(), e.path(), problems, "id", "inbound");
        if (f == null) {
            return null;
        }
        String id = f.text("id");
        Boolean inbound = f.bool("inbound");
        return id == null || inbound == null ? null : build(f.path(), () -> new GateLane(id, inbound));
    }

    /** Reads every element, so each one's problems are reported; null when any failed. */
    private <T> List<T> list(ObjectFields f, String field, Function<Element, T> reader) {
        if (f == null) {
            return null;
        }
        List<Element> elements = f.array(field);
        if (elements == null) {
            return null;
        }
        List<T> values = elements.stream().map(reader).toList();
        return values.stream().allMatch(Objects::nonNull) ? values : null;
    }

    private <T> T build(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
            return null;
        }
    }

    /** Checks equipment ids across fleets once every fleet has been read. */
    private void checkEquipmentIds(List<EquipmentSpec> specs) {
        Map<String, Integer> owner = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            for (Equipment machine : specs.get(i).expand()) {
                Integer first = owner.putIfAbsent(machine.id().value(), i);
                if (first != null && first != i) {
                    problems.add("equipment[" + i + "].idPrefix: id " + machine.id() + " is already used by equipment["
                            + first + "]");
                    break;
                }
            }
        }
    }

    private static String terminalCode(String text) {
        if (!TerminalLayout.CODE.matcher(text).matches()) {
            throw new IllegalArgumentException("must be 2..16 of A-Z, 0-9, '-', was \"" + text + "\"");
        }
        return text;
    }

    private static String nonBlank(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        return text;
    }

    /** The ground rectangle a block covers, for overlap checks. */
    private record Footprint(double minX, double minY, double maxX, double maxY) {

        static Footprint of(BlockLayout block) {
            Position o = block.origin();
            return new Footprint(o.x(), o.y(), o.x() + block.bays() * BlockLayout.BAY_PITCH_METRES,
                    o.y() + block.rows() * BlockLayout.ROW_PITCH_METRES);
        }

        boolean overlaps(Footprint other) {
            return minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY;
        }
    }
}

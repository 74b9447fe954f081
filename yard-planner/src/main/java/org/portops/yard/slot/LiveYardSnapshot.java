package org.portops.yard.slot;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.yard.StackId;
import org.portops.state.ContainerView;
import org.portops.state.StackView;
import org.portops.state.YardStateReader;

/**
 * Reads the live yard into a planner's {@link YardModel}: every stack of the layout through {@link YardStateReader},
 * then every container standing in them. The live yard knows no expected departures: the caller gives them (vessel
 * calls, appointments, the dwell model), and the vessel call an export loads onto.
 */
public final class LiveYardSnapshot {

    private LiveYardSnapshot() {
    }

    /** What the planner needs to know of a container that the live yard does not hold. */
    public interface Expectations {
        Departure departure(Container container);

        /** The vessel call it loads onto, null when none. */
        String vesselCall(Container container);
    }

    public static Future<YardModel> read(YardStateReader reader, TerminalLayout layout, StackRules rules,
                                         Expectations expectations) {
        List<Future<StackView>> stacks = new ArrayList<>();
        for (BlockLayout block : layout.blocks()) {
            for (int bay = 1; bay <= block.bays(); bay++) {
                for (int row = 1; row <= block.rows(); row++) {
                    stacks.add(reader.stack(StackId.of(block.id().value(), bay, row)));
                }
            }
        }
        return Future.all(stacks).compose(done -> {
            List<StackView> views = stacks.stream().map(Future::result).toList();
            Set<ContainerNumber> numbers = new LinkedHashSet<>();
            views.forEach(view -> numbers.addAll(view.containers()));
            List<Future<Optional<ContainerView>>> containers = numbers.stream().map(reader::container).toList();
            return Future.all(containers).map(found -> {
                Map<ContainerNumber, YardBox> boxes = new HashMap<>();
                for (Future<Optional<ContainerView>> f : containers) {
                    f.result().ifPresent(view -> boxes.put(view.container().number(), box(view.container(), expectations)));
                }
                YardModel yard = YardModel.of(layout, rules);
                yard.load(views, number -> {
                    YardBox box = boxes.get(number);
                    if (box == null) {
                        throw new IllegalStateException(number + " stands in a stack but the live yard has no record of it");
                    }
                    return box;
                });
                return yard;
            });
        });
    }

    private static YardBox box(Container c, Expectations expectations) {
        String call = expectations.vesselCall(c);
        return new YardBox(c.number(), c.length(), c.weight().kilograms(), expectations.departure(c), c.imdgClass(),
                c.isReefer(), call == null ? null : new ExportGroup(call, c.portOfDischarge()));
    }
}

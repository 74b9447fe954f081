package org.portops.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.crane.live.BayPlanWorkSource;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.work.Location;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;

/**
 * The crane scheduler's discharge slots come from the yard planner wherever it leads: from this node's planner when
 * it leads here, over the event bus from the node serving the route otherwise (the containers' master data and the
 * slots travel intact), and from the scheduler's own choice while no yard planner leads anywhere.
 */
class DischargeSlotsRouteTest {

    private static final List<Container> BOXES = List.of(box(4711, "22G1", 12_000), box(4712, "45G1", 28_500));

    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void slotsComeFromTheLocalPlannerTheRemoteOneOrTheFallbackInThatOrder() throws Exception {
        AtomicReference<List<Container>> asked = new AtomicReference<>();
        BayPlanWorkSource.DischargeSlots planner = containers -> {
            asked.set(containers);
            return Future.succeededFuture(slots(containers, "A01"));
        };
        BayPlanWorkSource.DischargeSlots fallback = containers -> Future.succeededFuture(slots(containers, "B02"));
        AtomicReference<BayPlanWorkSource.DischargeSlots> local = new AtomicReference<>();
        BayPlanWorkSource.DischargeSlots slots = DischargeSlotsRoute.slots(vertx, local::get, fallback);

        assertThat(ask(slots)).as("no yard planner leads anywhere").isEqualTo(slots(BOXES, "B02"));

        MessageConsumer<JsonObject> route = DischargeSlotsRoute.serve(vertx, planner).await(10, TimeUnit.SECONDS);
        assertThat(ask(slots)).as("the yard planner leads on another node").isEqualTo(slots(BOXES, "A01"));
        assertThat(asked.get()).as("master data intact over the bus").isEqualTo(BOXES);

        local.set(containers -> Future.succeededFuture(slots(containers, "A02")));
        assertThat(ask(slots)).as("the yard planner leads on this node").isEqualTo(slots(BOXES, "A02"));

        local.set(null);
        route.unregister().await(10, TimeUnit.SECONDS);
        assertThat(ask(slots)).as("its term ended").isEqualTo(slots(BOXES, "B02"));
    }

    private static Map<ContainerNumber, Location> ask(BayPlanWorkSource.DischargeSlots slots) throws Exception {
        return slots.slotsFor(BOXES).await(10, TimeUnit.SECONDS);
    }

    private static Map<ContainerNumber, Location> slots(List<Container> containers, String block) {
        Map<ContainerNumber, Location> slots = new LinkedHashMap<>();
        for (int i = 0; i < containers.size(); i++) {
            slots.put(containers.get(i).number(), new YardLocation(YardSlot.of(block, 2 * i + 1, 1, 1)));
        }
        return slots;
    }

    private static Container box(int serial, String sizeType, int kg) {
        return new Container(ContainerNumber.fromParts("GTE", 'U', serial), new SizeTypeCode(sizeType),
                new VgmWeight(kg), new LineOperator("MSK"), new UnLocode("NLRTM"), new UnLocode("USNYC"),
                ContainerCategory.IMPORT, null, null);
    }
}

package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.app.config.Setting;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.event.Addresses;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.yard.YardSlot;
import org.portops.state.StackView;
import org.portops.state.json.ModelJson;

/**
 * {@code portops run} with {@code yard.enabled=true}, in-process with the embedded PostgreSQL, broker and Hazelcast
 * on the sample terminal: a container announced at the gate gets a slot the live yard shows free, as a planned
 * GATE_IN instruction in live state, explained.
 */
class PortOpsYardPlannerTest {

    @TempDir
    static Path dataDir;
    private static PortOps portops;

    @BeforeAll
    static void start() {
        Map<Setting, String> settings = Launch.isolated(dataDir, FreePorts.next(), FreePorts.next());
        settings.put(Setting.YARD_ENABLED, "true");
        portops = Launch.start(settings);
    }

    @AfterAll
    static void stop() {
        if (portops != null) {
            portops.stop();
        }
    }

    @Test
    void aContainerAnnouncedAtTheGateGetsAnExplainedSlotAsAPlannedInstruction() throws Exception {
        assertThat(portops.yardPlanning()).isNotNull();
        Container box = new Container(ContainerNumber.fromParts("GTE", 'U', 4711), new SizeTypeCode("42G1"),
                new VgmWeight(21_000), new LineOperator("MSK"), new UnLocode("NLRTM"), new UnLocode("USNYC"),
                ContainerCategory.IMPORT, null, null);

        JsonObject reply = portops.vertx().eventBus().<JsonObject>request(Addresses.YARD_SLOT_REQUEST,
                        new JsonObject().put("container", ModelJson.container(box)).put("lane", "IN-1"))
                .await(180, TimeUnit.SECONDS).body();

        YardSlot slot = YardSlot.parse(reply.getString("slot"));
        assertThat(reply.getString("kind")).isEqualTo("GATE_IN");
        assertThat(reply.getJsonArray("reasons").stream().map(Object::toString))
                .anyMatch(reason -> reason.contains("Travel"));
        Optional<WorkInstruction> written = portops.liveYard().reader()
                .workInstruction(new WorkInstructionId(reply.getString("instruction"))).await(10, TimeUnit.SECONDS);
        assertThat(written).hasValueSatisfying(w -> {
            assertThat(w.kind()).isEqualTo(MoveKind.GATE_IN);
            assertThat(w.state()).isEqualTo(WorkInstructionState.PLANNED);
            assertThat(w.to().toString()).isEqualTo("yard:" + slot);
        });
        StackView stack = portops.liveYard().reader().stack(slot.stack()).await(10, TimeUnit.SECONDS);
        assertThat(stack.tiers().get(slot.tier().level() - 1).status()).isEqualTo(StackView.SlotStatus.EMPTY);
        assertThat(slot.stack().bay().number() % 2).as("a 40' stands at an odd bay").isEqualTo(1);
    }
}

package org.portops.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.portops.map.testsupport.Browser;
import org.portops.map.testsupport.LiveTerminal;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.event.Addresses;
import org.portops.model.layout.TerminalBounds;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardSlot;
import org.portops.state.ContainerView;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.StackView;
import org.portops.state.hold.HoldKind;
import org.portops.vessel.api.auth.Role;

/**
 * The operator map and the cab tablet in headless Chromium against a real live yard: the map draws every stack and
 * container of the terminal, a click on a stack lists its containers tier by tier, a move shows within 2 s, and the
 * cab's confirmation moves the instruction on and brings up the next one, also across a dropped network.
 */
class OpsMapBrowserTest {

    private static final Duration SHOWS_WITHIN = Duration.ofSeconds(2);
    private static LiveTerminal terminal;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        if (Browser.available()) {
            browser = Browser.open(1400, 900);
            terminal = new LiveTerminal("map-browser");
            terminal.serve();
        }
    }

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (terminal != null) {
            terminal.close();
        }
    }

    @Test
    void mapDrawsEveryStackAndContainerOfTheTerminal() {
        openMap();
        long stacks = terminal.layout.blocks().stream().mapToLong(b -> (long) b.bays() * b.rows()).sum();
        int containers = await(terminal.yard.reader().containers()).size();

        assertThat(number("return window.portopsMap.stackCount()")).isEqualTo(stacks);
        assertThat(number("return window.portopsMap.containerCount()")).isEqualTo(containers);
        assertThat(number("return window.portopsMap.frames()")).isPositive();
        assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("live");
        Browser.screenshot(browser, "ops-map-test-terminal.png");
    }

    @Test
    void stacksColouredByDangerousGoodsShowTheStacksHoldingThem() {
        openMap();
        List<ContainerView> yard = await(terminal.yard.reader().containers()).stream()
                .filter(v -> v.location() instanceof YardLocation).toList();
        Set<ContainerNumber> dangerousBoxes = yard.stream().filter(v -> v.container().imdgClass() != null)
                .map(v -> v.container().number()).collect(Collectors.toSet());
        // away from the block ends, where the idle yard cranes are drawn over the stacks
        StackId dangerous = yard.stream().filter(v -> dangerousBoxes.contains(v.container().number()))
                .map(v -> ((YardLocation) v.location()).slot().stack()).filter(s -> s.bay().number() > 2)
                .findFirst().orElseThrow();
        StackId plain = yard.stream().map(v -> ((YardLocation) v.location()).slot().stack())
                .filter(s -> s.bay().number() > 2)
                .filter(stack -> await(terminal.yard.reader().stack(stack)).containers().stream()
                        .noneMatch(dangerousBoxes::contains))
                .findFirst().orElseThrow();

        new Select(browser.findElement(By.id("colour-by"))).selectByValue("dg");
        Browser.waitFor(browser, Duration.ofSeconds(5), d -> "#ff3b30".equals(pixel(dangerous)) ? true : null);

        assertThat(pixel(plain)).as("stack %s without dangerous goods", plain).isEqualTo("#394b5e");
    }

    @Test
    void clickOnAStackShowsItsContainersTierByTier() {
        openMap();
        StackId stack = stackTwoHighOrMore();
        StackView held = await(terminal.yard.reader().stack(stack));

        clickAt(point("return window.portopsMap.screenPointOfStack(arguments[0])", stack.toString()));

        WebElement details = Browser.waitFor(browser, Duration.ofSeconds(5), d -> {
            WebElement panel = d.findElement(By.id("details"));
            return panel.getText().contains("Stack " + stack) && !panel.findElements(By.cssSelector("tr.tier")).isEmpty()
                    ? panel : null;
        });
        List<String> shown = details.findElements(By.cssSelector("tr.tier.occupied td:first-of-type")).stream()
                .map(WebElement::getText).toList();
        List<String> expected = held.containers().reversed().stream().map(ContainerNumber::value).toList();
        assertThat(shown).as("top tier first").isEqualTo(expected);
    }

    @Test
    void aSupervisorClosesAStackFromItsPanelAndOpensItAgainEachAuditedUnderTheirName() {
        StackId stack = lastStackOfOneBox();
        openMap();
        clickAt(point("return window.portopsMap.screenPointOfStack(arguments[0])", stack.toString()));
        Browser.waitFor(browser, Duration.ofSeconds(5), d -> d.findElements(By.cssSelector("#details .stack-state"))
                .stream().findFirst().orElse(null));
        assertThat(browser.findElements(By.cssSelector("#details form.stack-control")))
                .as("an operator is not offered what only a supervisor may do").isEmpty();
        try {
            openMap(terminal.token("sam", Role.SUPERVISOR));
            WebElement closeReason = stackControl(stack, "close");
            closeReason.sendKeys("ground slot damaged by a reach stacker");
            closeReason.findElement(By.xpath("..")).findElement(By.cssSelector("button")).click();
            Browser.waitFor(browser, Duration.ofSeconds(10), d -> d.findElements(By.cssSelector(
                    "#details .stack-state[data-closed='true']")).stream().findFirst().orElse(null));
            StackView closed = await(terminal.yard.reader().stack(stack));
            assertThat(closed.tiers()).as("every slot of the stack closed in the live yard")
                    .allMatch(StackView.TierView::closed);
            assertThat(closed.height()).as("its box stays").isEqualTo(1);
            Browser.screenshot(browser, "ops-map-stack-closed.png");

            WebElement openReason = stackControl(stack, "open");
            openReason.sendKeys("repaired");
            openReason.findElement(By.xpath("..")).findElement(By.cssSelector("button")).click();
            Browser.waitFor(browser, Duration.ofSeconds(10), d -> d.findElements(By.cssSelector(
                    "#details .stack-state[data-closed='false']")).stream().findFirst().orElse(null));
            assertThat(await(terminal.yard.reader().stack(stack)).tiers()).noneMatch(StackView.TierView::closed);
            List<String> rows = new ArrayList<>();
            await(terminal.pool.preparedQuery("select actor, details from audit_log where action = 'override' "
                    + "and subject = $1 order by id").execute(Tuple.of("stack " + stack))).forEach(row -> rows.add(
                    row.getString("actor") + "|" + ((JsonObject) row.getValue("details")).getString("reason")));
            assertThat(rows).containsExactly("sam|ground slot damaged by a reach stacker", "sam|repaired");
        } finally {
            StackView now = await(terminal.yard.reader().stack(stack));
            now.tiers().stream().filter(StackView.TierView::closed)
                    .forEach(tier -> await(terminal.yard.openSlot(stack.at(tier.tier()))));
        }
    }

    @Test
    void aSupervisorHoldsABoxFromItsStacksPanelAndReleasesItTheGateSeesTheHold() {
        StackId stack = lastStackOfOneBox();
        ContainerNumber box = await(terminal.yard.reader().stack(stack)).containers().getFirst();
        try {
            openMap(terminal.token("sam", Role.SUPERVISOR));
            WebElement reason = holdReason(stack);
            reason.sendKeys("seal broken");
            reason.findElement(By.xpath("..")).findElement(By.cssSelector("button[data-action='hold']")).click();
            WebElement held = Browser.waitFor(browser, Duration.ofSeconds(10), d -> d.findElements(By.cssSelector(
                    "#details td.holds.held[data-container='" + box + "']")).stream().findFirst().orElse(null));
            assertThat(held.getText()).isEqualTo("⛔ held: seal broken (terminal, sam)");
            List<String> gate = new ArrayList<>();
            await(terminal.pool.preparedQuery("select kind, placed_by from container_holds where container = $1 "
                    + "and released_at is null").execute(Tuple.of(box.value()))).forEach(row -> gate.add(
                    row.getString("kind") + "|" + row.getString("placed_by")));
            assertThat(gate).as("the gate's list of holds").containsExactly("TERMINAL|sam");

            WebElement again = holdReason(stack);
            again.sendKeys("resealed");
            again.findElement(By.xpath("..")).findElement(By.cssSelector("button[data-action='release']")).click();
            Browser.waitFor(browser, Duration.ofSeconds(10),
                    d -> await(terminal.yard.holds().active(box)).isEmpty() ? true : null);
        } finally {
            await(terminal.yard.holds().release(box, HoldKind.TERMINAL, "test over", "test"));
        }
    }

    /** Clicks the stack on the map and answers the reason field of its panel's hold form. */
    private static WebElement holdReason(StackId stack) {
        clickAt(point("return window.portopsMap.screenPointOfStack(arguments[0])", stack.toString()));
        return Browser.waitFor(browser, Duration.ofSeconds(5), d -> d.findElements(By.cssSelector(
                "#details form.hold-control .hold-reason")).stream().findFirst().orElse(null));
    }

    /** Clicks the stack on the map and answers the reason field of its panel's close or open form. */
    private static WebElement stackControl(StackId stack, String action) {
        clickAt(point("return window.portopsMap.screenPointOfStack(arguments[0])", stack.toString()));
        return Browser.waitFor(browser, Duration.ofSeconds(5), d -> d.findElements(By.cssSelector(
                "#details form.stack-control[data-stack='" + stack + "'][data-action='" + action + "'] .stack-reason"))
                .stream().findFirst().orElse(null));
    }

    /** The last stack holding exactly one 20' box: other tests take their stacks from the front. */
    private static StackId lastStackOfOneBox() {
        Map<StackId, List<ContainerView>> stacks = await(terminal.yard.reader().containers()).stream()
                .filter(v -> v.location() instanceof YardLocation)
                .collect(Collectors.groupingBy(v -> ((YardLocation) v.location()).slot().stack()));
        return stacks.entrySet().stream().filter(e -> e.getValue().size() == 1
                        && e.getValue().getFirst().container().sizeType().length().yardBays() == 1)
                .map(Map.Entry::getKey).sorted(Comparator.comparing(StackId::toString).reversed())
                // a 40' headed in the next stack may stand over this one too
                .filter(stack -> await(terminal.yard.reader().stack(stack)).height() == 1).findFirst()
                .orElseThrow(() -> new AssertionError("the test terminal has no stack of one 20' box"));
    }

    @Test
    void aMoveInTheLiveYardShowsOnTheMapWithinTwoSeconds() {
        openMap();
        StackId from = stackTwoHighOrMore();
        StackView stack = await(terminal.yard.reader().stack(from));
        ContainerNumber top = stack.containers().getLast();
        YardSlot fromSlot = from.at(stack.tiers().get(stack.height() - 1).tier());
        YardSlot to = emptyGroundSlotOutside(from);

        MoveResult result = await(terminal.yard.move(MoveRequest.of(top, MoveKind.YARD_SHIFT, new YardLocation(fromSlot),
                new YardLocation(to))));
        Instant accepted = Instant.now();
        assertThat(result).isInstanceOf(MoveResult.Accepted.class);

        Browser.waitFor(browser, SHOWS_WITHIN, d -> new YardLocation(to).toString().equals(
                browser.executeScript("return window.portopsMap.locationOf(arguments[0])", top.value()))
                && number("return window.portopsMap.drawnSerial()") >= number("return window.portopsMap.lastSerial()")
                ? true : null);
        assertThat(Duration.between(accepted, Instant.now())).isLessThan(SHOWS_WITHIN);
        assertThat(number("return window.portopsMap.latencies.length")).isPositive();
    }

    @Test
    void aMapThatLostItsStreamReconnectsAndShowsWhatMovedMeanwhile() {
        openMap();
        long snapshots = number("return window.portopsMap.snapshots");
        StackId from = stackTwoHighOrMore();
        StackView stack = await(terminal.yard.reader().stack(from));
        ContainerNumber top = stack.containers().getLast();
        YardSlot fromSlot = from.at(stack.tiers().get(stack.height() - 1).tier());
        YardSlot to = emptyGroundSlotOutside(from);
        int port = terminal.port();

        terminal.dropHttp();
        Browser.waitFor(browser, Duration.ofSeconds(10), d -> browser.findElement(By.id("connection")).getText()
                .startsWith("reconnecting") ? true : null);
        assertThat(await(terminal.yard.move(MoveRequest.of(top, MoveKind.YARD_SHIFT, new YardLocation(fromSlot),
                new YardLocation(to))))).isInstanceOf(MoveResult.Accepted.class);
        terminal.resumeHttp(port);

        Browser.waitFor(browser, Duration.ofSeconds(15), d -> new YardLocation(to).toString().equals(
                browser.executeScript("return window.portopsMap.locationOf(arguments[0])", top.value())) ? true : null);
        assertThat(number("return window.portopsMap.snapshots")).as("resynchronised from a fresh snapshot")
                .isGreaterThan(snapshots);
        assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("live");
    }

    @Test
    void theMapAsksForASignInAndRefusesABadToken() {
        browser.get(terminal.url("/"));
        browser.manage().deleteAllCookies();
        browser.get(terminal.url("/"));
        Browser.waitFor(browser, Duration.ofSeconds(10), d -> d.findElements(By.id("token")).isEmpty() ? null : true);
        assertThat(browser.executeScript("return window.portopsMap === undefined")).as("no data before sign-in")
                .isEqualTo(true);

        browser.executeScript("document.getElementById('token').value = 'not.a.token'");
        browser.findElement(By.id("sign-in-button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(5), d -> d.findElement(By.id("sign-in-error")).getText()
                .contains("refused") ? true : null);

        browser.executeScript("document.getElementById('token').value = arguments[0]",
                terminal.token("olga", Role.OPERATOR));
        browser.findElement(By.id("sign-in-button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(20), d -> Boolean.TRUE.equals(browser.executeScript(
                "return !!(window.portopsMap && window.portopsMap.ready)")) ? true : null);
        assertThat(browser.findElement(By.id("user")).getText()).contains("olga").contains("operator");
    }

    @Test
    void aDriversTabletShowsTheMachineOfItsTokenAndNoOther() {
        List<WorkInstructionId> mine = dispatch("RTG01", "MINE", 1);
        dispatch("RTG02", "NOTMINE", 1);
        signIn("/cab?machine=RTG02", terminal.driverToken("dana", "RTG01"));
        waitForCurrent(mine.get(0), "DISPATCHED");
        assertThat(browser.findElement(By.id("machine")).getText()).startsWith("RTG01");

        Object status = browser.executeAsyncScript(
                "fetch('/api/cab/RTG02').then(r => arguments[arguments.length - 1](r.status))");
        assertThat(((Number) status).intValue()).as("another machine's work, asked from the tablet").isEqualTo(403);
    }

    @Test
    void anOperatorPutsAMoveOnAnotherCraneAndSeesTheNewPlanVersion() {
        WorkInstructionId move = dispatch("QC01", "PIN", 1).getFirst();
        List<JsonObject> asked = new CopyOnWriteArrayList<>();
        // the crane scheduler's side of the override contract (CraneSchedulerVerticle.onOverride): this module
        // cannot run the scheduler, the launcher's OpsMapDemoTest drives the real one
        MessageConsumer<JsonObject> scheduler = terminal.vertx.eventBus().localConsumer(Addresses.CRANE_OVERRIDE,
                message -> {
                    asked.add(message.body());
                    message.reply(new JsonObject().put("version", 7L));
                });
        try {
            WebElement result = override(move, "QC02");
            assertThat(result.getText()).contains("QC02").contains("crane plan version 7");
            assertThat(result.getDomAttribute("data-outcome")).isEqualTo("ACCEPTED");
            Browser.screenshot(browser, "ops-map-override.png");
        } finally {
            await(scheduler.unregister());
            cancel(move);
        }
        assertThat(asked).singleElement().satisfies(body -> {
            assertThat(body.getString("instruction")).isEqualTo(move.value());
            assertThat(body.getString("crane")).isEqualTo("QC02");
            assertThat(body.getString("operator")).as("the signed-in operator, not a name the page sent")
                    .isEqualTo("olga");
        });
        assertThat(audited(move)).containsExactly("olga|crane task of move " + move.value()
                + " put on crane QC02: accepted, crane plan version 7");
    }

    @Test
    void anOverrideTheCraneSchedulerRefusesShowsItsReasonsAndIsAudited() {
        WorkInstructionId move = dispatch("QC01", "NOPIN", 1).getFirst();
        MessageConsumer<JsonObject> scheduler = terminal.vertx.eventBus().<JsonObject>localConsumer(
                Addresses.CRANE_OVERRIDE, message -> message.fail(409,
                        "QC02 cannot reach bay 34 from its window; QC02 would cross QC01's path"));
        try {
            WebElement result = override(move, "QC02");
            assertThat(result.getDomAttribute("data-outcome")).isEqualTo("REFUSED");
            assertThat(result.findElements(By.tagName("li")).stream().map(WebElement::getText)).containsExactly(
                    "QC02 cannot reach bay 34 from its window", "QC02 would cross QC01's path");
        } finally {
            await(scheduler.unregister());
            cancel(move);
        }
        assertThat(audited(move)).containsExactly("olga|crane task of move " + move.value() + " put on crane QC02: "
                + "refused (REFUSED_BY_PLAN): QC02 cannot reach bay 34 from its window; QC02 would cross QC01's path");
    }

    @Test
    void anOperatorDragsAMoveOntoAnotherQuayCraneOnTheMapAndTheOverrideIsAudited() {
        WorkInstructionId move = dispatch("QC01", "DRAG", 1).getFirst();
        await(terminal.yard.updateEquipment(new EquipmentState(new EquipmentId("QC02"), EquipmentKind.QUAY_CRANE,
                new Position(520, TerminalBounds.QC_WATERSIDE_RAIL_Y), 0, 0, EquipmentStatus.WORKING,
                Spreader.UNLOCKED, null, List.of(), Instant.now())));
        List<JsonObject> asked = new CopyOnWriteArrayList<>();
        MessageConsumer<JsonObject> scheduler = terminal.vertx.eventBus().localConsumer(Addresses.CRANE_OVERRIDE,
                message -> {
                    asked.add(message.body());
                    message.reply(new JsonObject().put("version", 12L));
                });
        try {
            WebElement item = machinePanelItem(move);
            WebElement handle = item.findElement(By.cssSelector(".drag-move"));
            List<?> target = point("return window.portopsMap.screenPointOfMachine(arguments[0])", "QC02");
            int x = ((Number) target.get(0)).intValue();
            int y = ((Number) target.get(1)).intValue();
            new Actions(browser).moveToElement(handle).clickAndHold().moveToLocation(x - 40, y - 20)
                    .moveToLocation(x, y).release().perform();

            WebElement dropped = Browser.waitFor(browser, Duration.ofSeconds(5), d -> {
                WebElement shown = d.findElement(By.id("drop-result"));
                return shown.getDomAttribute("data-outcome") != null ? shown : null;
            });
            assertThat(dropped.getDomAttribute("data-outcome")).isEqualTo("ACCEPTED");
            assertThat(dropped.getText()).contains("QC02").contains("crane plan version 12");
            assertThat(item.findElement(By.cssSelector(".override-result")).getDomAttribute("data-crane"))
                    .as("answered under the move too").isEqualTo("QC02");
            Browser.screenshot(browser, "ops-map-drag-override.png");
        } finally {
            await(scheduler.unregister());
            cancel(move);
        }
        assertThat(asked).singleElement().satisfies(body -> {
            assertThat(body.getString("instruction")).isEqualTo(move.value());
            assertThat(body.getString("crane")).isEqualTo("QC02");
            assertThat(body.getString("operator")).isEqualTo("olga");
        });
        assertThat(audited(move)).containsExactly("olga|crane task of move " + move.value()
                + " put on crane QC02: accepted, crane plan version 12");
    }

    @Test
    void anOperatorDragsACranesWholeWorkOntoAnotherCraneAndEachMoveIsDecidedAndAuditedOnItsOwn() {
        List<WorkInstructionId> moves = dispatch("QC01", "WORK", 2);
        await(terminal.yard.updateEquipment(new EquipmentState(new EquipmentId("QC02"), EquipmentKind.QUAY_CRANE,
                new Position(520, TerminalBounds.QC_WATERSIDE_RAIL_Y), 0, 0, EquipmentStatus.WORKING,
                Spreader.UNLOCKED, null, List.of(), Instant.now())));
        List<String> asked = new CopyOnWriteArrayList<>();
        MessageConsumer<JsonObject> scheduler = terminal.vertx.eventBus().localConsumer(Addresses.CRANE_OVERRIDE,
                message -> {
                    asked.add(message.body().getString("instruction"));
                    if (message.body().getString("instruction").equals(moves.get(1).value())) {
                        message.fail(409, "QC02 cannot reach bay 40");
                    } else {
                        message.reply(new JsonObject().put("version", 20L + asked.size()));
                    }
                });
        try {
            machinePanelItem(moves.get(1));
            WebElement handle = browser.findElement(By.cssSelector("#details .drag-work"));
            long movable = browser.findElements(By.cssSelector("#details li.wi-planned, #details li.wi-dispatched, "
                    + "#details li.wi-suspended")).size();
            List<?> target = point("return window.portopsMap.screenPointOfMachine(arguments[0])", "QC02");
            int x = ((Number) target.get(0)).intValue();
            int y = ((Number) target.get(1)).intValue();
            new Actions(browser).moveToElement(handle).clickAndHold().moveToLocation(x - 40, y - 20)
                    .moveToLocation(x, y).release().perform();

            WebElement dropped = Browser.waitFor(browser, Duration.ofSeconds(10), d -> {
                WebElement shown = d.findElement(By.id("drop-result"));
                return shown.getDomAttribute("data-outcome") != null ? shown : null;
            });
            assertThat(asked).as("every move of QC01's list not under way, one request each").hasSize((int) movable)
                    .contains(moves.get(0).value(), moves.get(1).value());
            assertThat(dropped.getDomAttribute("data-outcome")).isEqualTo("PARTLY");
            assertThat(dropped.getDomAttribute("data-accepted")).isEqualTo(String.valueOf(movable - 1));
            assertThat(dropped.getText()).contains(moves.get(1).value() + ": QC02 cannot reach bay 40");
        } finally {
            await(scheduler.unregister());
            moves.forEach(OpsMapBrowserTest::cancel);
        }
        assertThat(audited(moves.get(0))).singleElement().asString().startsWith("olga|").contains("accepted");
        assertThat(audited(moves.get(1))).containsExactly("olga|crane task of move " + moves.get(1).value()
                + " put on crane QC02: refused (REFUSED_BY_PLAN): QC02 cannot reach bay 40");
    }

    @Test
    void aSupervisorAcknowledgesAnAlertOnTheMapAndTheBoardRecordsWhoSawIt() {
        String key = await(terminal.yard.alerts().raise(org.portops.model.event.AlertKind.EQUIPMENT_OFFLINE, "RTG09",
                "heartbeat", "RTG09 silent for 30 s", Instant.now(), 1)).key();
        try {
            signIn("/", terminal.token("sam", Role.SUPERVISOR));
            WebElement button = Browser.waitFor(browser, Duration.ofSeconds(20), d -> d.findElements(By.cssSelector(
                    "#alerts li[data-alert='" + key + "'] button.acknowledge")).stream().findFirst().orElse(null));
            browser.executeScript("arguments[0].scrollIntoView()", button);
            button.click();
            Browser.waitFor(browser, Duration.ofSeconds(5), d -> d.findElements(By.cssSelector(
                    "#alerts li[data-alert='" + key + "'] .acknowledged")).stream().findFirst()
                    .filter(e -> e.getText().contains("seen by sam")).orElse(null));
            assertThat(await(terminal.yard.alerts().alert(key))).get()
                    .satisfies(a -> assertThat(a.acknowledgedBy()).isEqualTo("sam"));
        } finally {
            await(terminal.yard.alerts().clear(key));
        }
    }

    @Test
    void theYardKpisArePicturesReckonedFromTheLiveYardAndTheGate() throws Exception {
        JsonObject before = yardKpis();
        StackId stack = stackTwoHighOrMoreOnA20FootBox();
        StackView held = await(terminal.yard.reader().stack(stack));
        ContainerNumber bottom = held.containers().getFirst();
        WorkInstruction dig = WorkInstruction.planned(new WorkInstructionId("DIG-1"), bottom, MoveKind.GATE_OUT,
                new YardLocation(stack.at(held.tiers().getFirst().tier())), new GateLocation("OUT-1"), 0, Instant.now());
        await(terminal.yard.updateInstruction(dig));
        Instant now = Instant.now();
        gate("TRK-1", "IN", now.minus(Duration.ofMinutes(50)));
        gate("TRK-1", "OUT", now.minus(Duration.ofMinutes(10)));
        gate("TRK-2", "IN", now.minus(Duration.ofMinutes(30)));
        gate("TRK-2", "OUT", now.minus(Duration.ofMinutes(10)));
        try {
            openMap();
            String block = stack.block().value();
            WebElement drawn = Browser.waitFor(browser, Duration.ofSeconds(10), d -> d.findElements(
                    By.cssSelector("#kpi-yard g[data-block='" + block + "']")).stream().findFirst().orElse(null));
            Map<String, Integer> teu = new java.util.HashMap<>();
            for (ContainerView view : await(terminal.yard.reader().containers())) {
                if (view.location() instanceof YardLocation at) {
                    teu.merge(at.slot().block().value(), view.container().sizeType().length().yardBays(), Integer::sum);
                }
            }
            for (var b : terminal.layout.blocks()) {
                WebElement g = browser.findElement(By.cssSelector("#kpi-yard g[data-block='" + b.id().value() + "']"));
                assertThat(g.getDomAttribute("data-teu")).as(b.id().value())
                        .isEqualTo(String.valueOf(teu.getOrDefault(b.id().value(), 0)));
                double fill = teu.getOrDefault(b.id().value(), 0) / (double) b.capacitySlots();
                double height = ((Number) browser.executeScript("return arguments[0].querySelector('rect.fill')"
                        + ".getBBox().height / arguments[0].querySelector('rect.track').getBBox().height", g))
                        .doubleValue();
                assertThat(height).as("%s drawn filled to its share", b.id()).isCloseTo(fill, within(0.01));
            }
            int aheadBefore = blockOf(before, block).getInteger("rehandlesAhead");
            assertThat(Integer.parseInt(drawn.getDomAttribute("data-rehandles-ahead")))
                    .as("the boxes on top of %s in %s", bottom, stack).isEqualTo(aheadBefore + held.height() - 1);
            assertThat(browser.findElement(By.cssSelector("#kpi-rehandles g[data-block='" + block + "']"))
                    .getDomAttribute("data-ahead")).isEqualTo(String.valueOf(aheadBefore + held.height() - 1));
            WebElement trucks = browser.findElement(By.id("kpi-trucks"));
            assertThat(trucks.getDomAttribute("data-turns")).isEqualTo("2");
            assertThat(trucks.getDomAttribute("data-mean")).isEqualTo("30.0");
            assertThat(trucks.getDomAttribute("data-p95")).isEqualTo("40.0");
            browser.executeScript("document.getElementById('kpis').scrollIntoView()");
            Browser.screenshot(browser, "ops-map-yard-kpis.png");
        } finally {
            await(terminal.yard.updateInstruction(dig.cancel(null, Instant.now())));
        }
    }

    @Test
    void theWhatIfPanelRunsTheTwinAsTheSignedInPlannerAndDrawsItsReport() {
        List<JsonObject> asked = new CopyOnWriteArrayList<>();
        terminal.twin = ctx -> {
            asked.add(ctx.body().asJsonObject().put("caller", org.portops.vessel.api.auth.ApiAuth.caller(ctx).subject()));
            ctx.json(new JsonObject().put("from", Instant.now().toString()).put("hours", 4).put("seed", 7)
                    .put("yardContainers", 123).put("vesselCalls", 2)
                    .put("scenarios", new JsonArray()
                            .add(twinRun("baseline", 300, 28.5, 1.2, 41.0))
                            .add(twinRun("qc02-down", 240, 24.0, 2.5, 44.0)))
                    .put("table", "...").put("svg", "<svg xmlns='http://www.w3.org/2000/svg' width='400' height='200'>"
                            + "<rect width='400' height='200' fill='#eee'/><text x='20' y='100'>the twin's report</text>"
                            + "</svg>"));
        };
        try {
            signIn("/", terminal.token("piet", Role.PLANNER));
            // the choices are complete once the snapshot has brought the vessel calls
            WebElement select = Browser.waitFor(browser, Duration.ofSeconds(20), d -> Boolean.TRUE.equals(
                    browser.executeScript("return !!(window.portopsMap && window.portopsMap.ready)"))
                    && d.findElement(By.id("whatif")).isDisplayed() ? d.findElement(By.id("whatif-scenario")) : null);
            new Select(select).selectByValue("qc02-down=breakdown:QC02@1h+2h");
            WebElement hours = browser.findElement(By.id("whatif-hours"));
            hours.clear();
            hours.sendKeys("4");
            browser.findElement(By.id("whatif-run")).click();

            Browser.waitFor(browser, Duration.ofSeconds(10), d -> d.findElements(By.id("whatif-svg")).isEmpty()
                    ? null : true);
            assertThat(asked).singleElement().satisfies(body -> {
                assertThat(body.getString("caller")).as("the session's planner, as a bearer token").isEqualTo("piet");
                assertThat(body.getDouble("hours")).isEqualTo(4.0);
                assertThat(body.getJsonArray("scenarios").getList()).containsExactly("qc02-down=breakdown:QC02@1h+2h");
            });
            WebElement moves = browser.findElement(By.cssSelector(
                    "#whatif-bars g[data-figure='vesselMoves'][data-scenario='qc02-down']"));
            assertThat(moves.getDomAttribute("class")).contains("worse");
            assertThat(browser.findElement(By.cssSelector("#whatif-bars g[data-figure='craneWaitingHours']"
                    + "[data-scenario='qc02-down']")).getDomAttribute("class")).as("more waiting is worse").contains("worse");
            assertThat(barWidth(moves) / barWidth(browser.findElement(By.cssSelector(
                    "#whatif-bars g[data-figure='vesselMoves'][data-scenario='baseline']"))))
                    .isCloseTo(240 / 300.0, within(0.01));
            assertThat(((Number) browser.executeScript("return document.getElementById('whatif-svg').naturalWidth"))
                    .intValue()).as("the twin's SVG drawn").isEqualTo(400);
            browser.executeScript("document.getElementById('whatif').scrollIntoView()");
            Browser.screenshot(browser, "ops-map-what-if.png");
        } finally {
            terminal.twin = ctx -> ctx.response().setStatusCode(503).end();
        }
        signIn("/", terminal.token("vera", Role.VIEWER));
        Browser.waitFor(browser, Duration.ofSeconds(20), d -> Boolean.TRUE.equals(browser.executeScript(
                "return !!(window.portopsMap && window.portopsMap.ready)")) ? true : null);
        assertThat(browser.findElement(By.id("whatif")).isDisplayed()).as("a viewer is not offered it").isFalse();
    }

    @Test
    void theBerthTimeChartDrawsEachCallAtItsQuayPositionAndTimeWithConflictsRedAndExplainedOnHover() {
        Instant t0 = Instant.parse("2026-11-24T06:00:00Z");
        JsonObject chart = new JsonObject().put("version", 4).put("trigger", "ETA_UPDATED")
                .put("plannedAt", t0.toString())
                .put("quay", new JsonObject().put("name", "Test quay").put("lengthMeters", 800)
                        .put("sections", new JsonArray().add(section("B1", 0, 400)).add(section("B2", 400, 800))))
                .put("time", new JsonObject().put("from", t0.toString()).put("to", t0.plus(Duration.ofHours(36)).toString()))
                .put("vessels", new JsonArray()
                        .add(box("CALL-A", "MAERSK ALPHA", 20, 300, t0, 20, "berthed at its requested time"))
                        .add(box("CALL-B", "EVER BETA", 350, 650, t0.plus(Duration.ofHours(4)), 26, "two cranes"))
                        .add(box("CALL-C", "CMA GAMMA", 500, 780, t0.plus(Duration.ofHours(10)), 26,
                                "waits 3 h for its berth window")))
                .put("conflicts", new JsonArray().add(new JsonObject().put("kind", "OVERLAP")
                        .put("calls", new JsonArray().add("CALL-B").add("CALL-C"))
                        .put("reason", "EVER BETA and CMA GAMMA share 150 m of quay for 20 h")))
                .put("score", "0hard/-3soft");
        // the berth planner's side of berth.plan.current (BerthPlannerVerticle): it lives in another module
        MessageConsumer<JsonObject> planner = terminal.vertx.eventBus().localConsumer(Addresses.BERTH_PLAN_CURRENT,
                message -> message.reply(chart));
        try {
            openMap();
            Browser.waitFor(browser, Duration.ofSeconds(10), d -> Long.valueOf(4).equals(
                    browser.executeScript("return window.portopsBerth.version()")) ? true : null);
            List<Map<String, Object>> boxes = (List<Map<String, Object>>) browser.executeScript(
                    "return window.portopsBerth.boxes()");
            assertThat(boxes).extracting(b -> b.get("call")).containsExactly("CALL-A", "CALL-B", "CALL-C");
            assertThat(boxes).extracting(b -> b.get("conflict")).containsExactly(false, true, true);
            assertThat(((Number) boxes.get(0).get("x")).doubleValue()).as("along the quay")
                    .isLessThan(((Number) boxes.get(1).get("x")).doubleValue());
            assertThat(((Number) boxes.get(1).get("y")).doubleValue()).as("later berthing, lower")
                    .isLessThan(((Number) boxes.get(2).get("y")).doubleValue());
            String conflicting = berthPixel("CALL-C");
            String clear = berthPixel("CALL-A");
            assertThat(red(conflicting)).as("a conflicting call is drawn red: %s", conflicting)
                    .isGreaterThan(2 * Math.max(green(conflicting), blue(conflicting)));
            assertThat(red(clear)).as("a call without conflict is not: %s", clear)
                    .isLessThan(Math.max(green(clear), blue(clear)));

            List<?> over = (List<?>) browser.executeScript("return window.portopsBerth.canvasPoint('CALL-C')");
            int x = ((Number) over.get(0)).intValue();
            int y = ((Number) over.get(1)).intValue();
            assertThat(browser.executeScript("return document.elementFromPoint(arguments[0], arguments[1]).id", x, y))
                    .as("the chart is under the pointer at %d,%d", x, y).isEqualTo("berth-chart");
            new Actions(browser).moveToLocation(x - 1, y).moveToLocation(x, y).perform();
            Browser.waitFor(browser, Duration.ofSeconds(5), d -> "CALL-C".equals(
                    browser.executeScript("return window.portopsBerth.hovered()")) ? true : null);
            WebElement tip = browser.findElement(By.id("berth-tip"));
            assertThat(tip.isDisplayed()).isTrue();
            assertThat(tip.getDomAttribute("data-call")).isEqualTo("CALL-C");
            assertThat(tip.getText()).contains("CMA GAMMA").contains("waits 3 h for its berth window")
                    .contains("EVER BETA and CMA GAMMA share 150 m of quay for 20 h");
            Browser.screenshot(browser, "ops-map-berth-chart.png");
        } finally {
            await(planner.unregister());
        }
    }

    @Test
    void theKpiPanelDrawsEachCranesGrossMovesPerHourAndACraneWaitingForTransport() {
        List<WorkInstructionId> moves = dispatch("QC02", "KPI", 4);
        Instant now = Instant.now();
        for (WorkInstructionId id : moves.subList(0, 3)) {
            WorkInstruction dispatched = await(terminal.yard.reader().workInstruction(id)).orElseThrow();
            WorkInstruction started = dispatched.start(Instant.now());
            await(terminal.yard.updateInstruction(started));
            await(terminal.yard.updateInstruction(started.complete(Instant.now())));
        }
        await(terminal.yard.updateEquipment(new EquipmentState(new EquipmentId("QC02"), EquipmentKind.QUAY_CRANE,
                new Position(500, TerminalBounds.QC_WATERSIDE_RAIL_Y), 0, 0, EquipmentStatus.IDLE,
                Spreader.UNLOCKED, null, List.of(), now)));
        // the live yard refuses a reading older than the one it holds, and other tests report QC01 and QC02 now: a
        // crane of its own with a past, working, 10 min idle, working, idle for the last 2 min, told to the shift
        // clock as the feed tells it (that the feed does is shown by QC02's strip)
        Instant shiftReported = Instant.now();
        List<EquipmentStatus> statuses = List.of(EquipmentStatus.WORKING, EquipmentStatus.IDLE,
                EquipmentStatus.WORKING, EquipmentStatus.IDLE);
        List<Integer> minutesAgo = List.of(30, 20, 10, 2);
        for (int i = 0; i < statuses.size(); i++) {
            terminal.shift.record(new EquipmentState(new EquipmentId("QC09"), EquipmentKind.QUAY_CRANE,
                    new Position(700, TerminalBounds.QC_WATERSIDE_RAIL_Y), 0, 0, statuses.get(i), Spreader.UNLOCKED,
                    null, List.of(), shiftReported.minus(Duration.ofMinutes(minutesAgo.get(i)))));
        }
        try {
            openMap();
            WebElement crane = Browser.waitFor(browser, Duration.ofSeconds(10), d -> d.findElements(
                    By.cssSelector("#kpi-cranes g[data-crane='QC02']")).stream().findFirst().orElse(null));
            assertThat(crane.getDomAttribute("data-moves-per-hour")).as("three moves in the last hour").isEqualTo("3");
            assertThat(crane.getDomAttribute("data-waiting")).as("idle with its fourth move dispatched")
                    .isEqualTo("true");
            assertThat(crane.getDomAttribute("class")).contains("waiting");
            double bar = ((Number) browser.executeScript(
                    "return arguments[0].querySelector('rect.bar').getBBox().width", crane)).doubleValue();
            assertThat(bar).as("the bar is the rate's share of the scale").isPositive();
            craneIdleTimeOfTheShift(shiftReported);
            Browser.screenshot(browser, "ops-map-kpis.png");
        } finally {
            cancel(moves.get(3));
        }
    }

    /**
     * QC09's strip of the shift: its idle time is the 10 idle minutes and the 2 (and the seconds since) up to now, and
     * each idle period is drawn as long as its share of the 8-h shift.
     */
    private static void craneIdleTimeOfTheShift(Instant reported) {
        WebElement fed = Browser.waitFor(browser, Duration.ofSeconds(10), d -> d.findElements(
                By.cssSelector("#kpi-shift g[data-crane='QC02'] rect.period.idle")).stream().findFirst().orElse(null));
        assertThat(fed.getDomAttribute("data-status")).as("QC02's idle report reached the shift clock through the feed")
                .isEqualTo("IDLE");
        WebElement strip = Browser.waitFor(browser, Duration.ofSeconds(10), d -> d.findElements(
                By.cssSelector("#kpi-shift g[data-crane='QC09']")).stream().findFirst().orElse(null));
        long idle = Long.parseLong(strip.getDomAttribute("data-idle-seconds"));
        long since = Duration.between(reported, Instant.now()).toSeconds();
        assertThat(idle).as("12 min idle, and the seconds since the report").isBetween(720L, 720L + since + 1);
        assertThat(strip.findElement(By.cssSelector(".idle-time")).getText()).isEqualTo("idle 12 min");
        List<WebElement> idlePeriods = strip.findElements(By.cssSelector("rect.period.idle"));
        assertThat(idlePeriods).hasSize(2);
        assertThat(strip.findElements(By.cssSelector("rect.period.working"))).hasSize(2);
        double shift = ((Number) browser.executeScript(
                "return arguments[0].querySelector('rect.track').getBBox().width", strip)).doubleValue();
        double tenMinutes = ((Number) browser.executeScript("return arguments[0].getBBox().width",
                idlePeriods.getFirst())).doubleValue();
        assertThat(tenMinutes).as("10 min of an 8-h shift").isCloseTo(shift * 10 / 480, within(0.01));
    }

    @Test
    void aVesselIsDrawnWhereTheBerthPlanPlacedItAlongTheQuay() {
        VesselCall call = await(terminal.yard.reader().vesselCalls()).stream().filter(c -> c.berth() != null)
                .findFirst().orElseThrow();
        double from = terminal.layout.quay().berth(call.berth()).orElseThrow().startMeter() + 37;
        VesselCall placed = call.berthedAt(call.berth(), call.etb(), from);
        await(terminal.yard.updateVesselCall(placed));
        try {
            openMap();
            List<?> span = Browser.waitFor(browser, Duration.ofSeconds(10), d -> {
                List<?> drawn = (List<?>) browser.executeScript("return window.portopsMap.vesselSpan(arguments[0])",
                        call.id().value());
                return drawn != null && ((Number) drawn.get(0)).doubleValue() == from ? drawn : null;
            });
            assertThat(((Number) span.get(1)).doubleValue()).isEqualTo(from + call.vessel().lengthOverallMeters());
        } finally {
            await(terminal.yard.updateVesselCall(call));
        }
    }

    @Test
    void aVesselsBayViewShowsEachBoxAboardAtItsSlotByPortOfDischargeAndTheBoxesToLoad() {
        List<ContainerView> all = await(terminal.yard.reader().containers());
        VesselCall call = await(terminal.yard.reader().vesselCalls()).stream().filter(c -> c.berth() != null)
                .max(Comparator.comparingLong(c -> all.stream().filter(v -> aboard(v, c)).count())).orElseThrow();
        Map<String, ContainerView> aboard = all.stream().filter(v -> aboard(v, call))
                .collect(Collectors.toMap(v -> v.container().number().value(), v -> v));
        assertThat(aboard).as("the seeded call %s has boxes to discharge aboard", call.id()).isNotEmpty();
        BayPlanEntry toLoad = call.bayPlan().withAction(BayPlanAction.LOAD).getFirst();
        ContainerView loadBox = await(terminal.yard.reader().container(toLoad.container().number())).orElseThrow();
        WorkInstruction load = WorkInstruction.planned(new WorkInstructionId("BAY-LOAD"), loadBox.container().number(),
                MoveKind.LOAD, loadBox.location(), new VesselLocation(call.id(), toLoad.slot()), 0, Instant.now());
        await(terminal.yard.updateInstruction(load));
        try {
            openMap();
            Browser.waitFor(browser, Duration.ofSeconds(5), d -> browser.executeScript(
                    "return window.portopsMap.screenPointOfVessel(arguments[0])", call.id().value()) != null ? true : null);
            clickAt(point("return window.portopsMap.screenPointOfVessel(arguments[0])", call.id().value()));
            Browser.waitFor(browser, Duration.ofSeconds(5), d -> d.findElements(
                    By.cssSelector("#bay-view rect[data-state='to-load']")).isEmpty() ? null : true);

            // every cell's attributes in one round trip: a call's bay view has hundreds of cells
            @SuppressWarnings("unchecked")
            List<Map<String, String>> cells = (List<Map<String, String>>) browser.executeScript("""
                    return [...document.querySelectorAll('#bay-view rect.slot')].map(c => ({
                      container: c.getAttribute('data-container'), state: c.getAttribute('data-state'),
                      slot: c.getAttribute('data-slot'), pod: c.getAttribute('data-pod'), fill: c.getAttribute('fill')}));
                    """);
            Map<String, String> fillByPod = new java.util.HashMap<>();
            Set<String> shownAboard = new java.util.HashSet<>();
            for (Map<String, String> cell : cells) {
                String number = cell.get("container");
                if ("to-load".equals(cell.get("state"))) {
                    assertThat(number).isEqualTo(loadBox.container().number().value());
                    assertThat(cell.get("slot")).isEqualTo(toLoad.slot().toString());
                    continue;
                }
                ContainerView held = aboard.get(number);
                assertThat(held).as("cell %s shows a box the live yard has aboard", number).isNotNull();
                assertThat(cell.get("slot")).as(number)
                        .isEqualTo(((VesselLocation) held.location()).slot().toString());
                String pod = held.container().portOfDischarge().toString();
                assertThat(cell.get("pod")).isEqualTo(pod);
                assertThat(fillByPod.computeIfAbsent(pod, p -> cell.get("fill")))
                        .as("one colour per port of discharge").isEqualTo(cell.get("fill"));
                shownAboard.add(number);
            }
            assertThat(shownAboard).isEqualTo(aboard.keySet());
            Browser.screenshot(browser, "ops-map-bay-view.png");
        } finally {
            cancel(load.id());
        }
    }

    @Test
    void theExplanationPanelDrawsTheConstraintsAMoveMatchesAndHowMuchWorseEachOtherCraneWouldBe() {
        WorkInstructionId move = dispatch("QC01", "WHY", 1).getFirst();
        JsonObject why = new JsonObject().put("instruction", move.value()).put("call", "CALL1")
                .put("container", "MSCU1234565").put("crane", "QC01").put("task", "T-7")
                .put("planScore", "0hard/0medium/-500soft")
                .put("reasons", new JsonArray()
                        .add(new JsonObject().put("constraint", "Crane travel").put("score", "0hard/0medium/-40soft")
                                .put("text", "QC01 travels 2 bays to bay 34"))
                        .add(new JsonObject().put("constraint", "Vessel completion")
                                .put("score", "0hard/0medium/-120soft").put("text", "the call ends 120 s later")))
                .put("alternatives", new JsonArray()
                        .add(new JsonObject().put("crane", "QC02").put("score", "0hard/0medium/-560soft")));
        List<String> asked = new CopyOnWriteArrayList<>();
        // the crane scheduler's side of crane.explain (CraneSchedulerVerticle.onExplain, tested there for real)
        MessageConsumer<JsonObject> scheduler = terminal.vertx.eventBus().localConsumer(Addresses.CRANE_EXPLAIN,
                message -> {
                    asked.add(message.body().getString("instruction"));
                    message.reply(why);
                });
        try {
            WebElement item = machinePanelItem(move);
            item.findElement(By.cssSelector(".explain-button")).click();
            WebElement panel = Browser.waitFor(browser, Duration.ofSeconds(5), d -> d.findElements(
                    By.cssSelector("#explanation[data-instruction='" + move.value() + "']")).stream().findFirst()
                    .orElse(null));
            assertThat(panel.getText()).contains("Why MSCU1234565 is on QC01");
            List<WebElement> reasons = panel.findElements(By.cssSelector("g.reason"));
            assertThat(reasons).extracting(r -> r.getDomAttribute("data-constraint"))
                    .containsExactly("Crane travel", "Vessel completion");
            double travel = barWidth(reasons.get(0));
            double completion = barWidth(reasons.get(1));
            assertThat(travel / completion).as("bars in proportion to the score: 40 to 120").isCloseTo(1 / 3.0,
                    org.assertj.core.data.Offset.offset(0.01));
            WebElement other = panel.findElement(By.cssSelector("g.alternative[data-crane='QC02']"));
            assertThat(other.getDomAttribute("data-worse-by")).isEqualTo("60");
            assertThat(other.getDomAttribute("data-level")).isEqualTo("soft");
            Browser.screenshot(browser, "ops-map-explanation.png");
        } finally {
            await(scheduler.unregister());
            cancel(move);
        }
        assertThat(asked).containsExactly(move.value());
    }

    @Test
    void cabConfirmationMovesTheInstructionOnAndTheNextOneAppears() {
        List<WorkInstructionId> ids = dispatch("QC01", "CAB", 3);
        String first = twins(ids.get(0), ids.get(1));
        String second = await(terminal.yard.reader().workInstruction(ids.get(1))).orElseThrow().container().value();
        signIn("/cab?machine=QC01", terminal.driverToken("dirk", "QC01"));
        waitForCurrent(ids.get(0), "DISPATCHED");
        assertThat(browser.findElements(By.cssSelector(".next li"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector(".current .twin-flag")).getText())
                .isEqualTo("TWIN LIFT — twin with " + second);
        assertThat(browser.findElement(By.cssSelector(".current .twin-box")).getDomAttribute("data-container"))
                .as("both boxes of the lift on the card").isEqualTo(second);
        assertThat(browser.findElement(By.cssSelector(".next li[data-instruction='" + ids.get(1).value()
                + "'] .twin-mark")).getText()).isEqualTo("TWIN with " + first);
        assertThat(browser.findElements(By.cssSelector(".next li[data-instruction='" + ids.get(2).value()
                + "'] .twin-mark"))).as("a single lift has no twin mark").isEmpty();

        browser.findElement(By.id("confirm")).click();
        waitForCurrent(ids.get(0), "IN_PROGRESS");
        assertThat(state(ids.get(0))).isEqualTo(WorkInstructionState.IN_PROGRESS);
        Browser.screenshot(browser, "ops-map-cab.png");

        browser.findElement(By.id("confirm")).click();
        waitForCurrent(ids.get(1), "DISPATCHED");
        assertThat(state(ids.get(0))).isEqualTo(WorkInstructionState.DONE);
    }

    @Test
    void cabConfirmationPressedOfflineIsSentOnceWhenTheNetworkIsBack() {
        List<WorkInstructionId> ids = dispatch("QC02", "OFF", 2);
        signIn("/cab?machine=QC02", terminal.driverToken("doris", "QC02"));
        waitForCurrent(ids.get(0), "DISPATCHED");

        network(true);
        try {
            browser.findElement(By.id("confirm")).click();
            Browser.waitFor(browser, Duration.ofSeconds(5),
                    d -> browser.findElement(By.id("status")).getText().startsWith("OFFLINE") ? true : null);
            assertThat(number("return window.portopsCab.pending()")).isEqualTo(1);
            assertThat(state(ids.get(0))).isEqualTo(WorkInstructionState.DISPATCHED);
        } finally {
            network(false);
        }

        waitForCurrent(ids.get(0), "IN_PROGRESS");
        assertThat(number("return window.portopsCab.pending()")).isZero();
        assertThat(state(ids.get(0))).as("started once, not started and completed")
                .isEqualTo(WorkInstructionState.IN_PROGRESS);
    }

    /** Signs in as an operator, clicks the crane on the map and puts {@code move} on {@code crane} from its menu. */
    private static WebElement override(WorkInstructionId move, String crane) {
        WebElement item = machinePanelItem(move);
        new Select(item.findElement(By.cssSelector("select.override-crane"))).selectByValue(crane);
        item.findElement(By.cssSelector(".override-button")).click();
        return Browser.waitFor(browser, Duration.ofSeconds(10), d -> {
            WebElement result = item.findElement(By.cssSelector(".override-result"));
            return result.getDomAttribute("data-outcome") != null ? result : null;
        });
    }

    private static JsonObject section(String berth, int from, int to) {
        return new JsonObject().put("berth", berth).put("fromMeter", from).put("toMeter", to).put("depthMeters", 15.0);
    }

    private static JsonObject box(String call, String vessel, int from, int to, Instant start, int hours, String why) {
        return new JsonObject().put("call", call).put("vessel", vessel).put("fromMeter", from).put("toMeter", to)
                .put("start", start.toString()).put("end", start.plus(Duration.ofHours(hours)).toString())
                .put("eta", start.toString()).put("requestedBerthing", start.toString()).put("cranes", 2)
                .put("alongside", false).put("explanation", new JsonArray().add(why));
    }

    /** The colour the berth chart shows at the centre of a call's box, as #rrggbb. */
    private static String berthPixel(String call) {
        return (String) browser.executeScript("""
                const [x, y] = window.portopsBerth.canvasPoint(arguments[0]);
                const canvas = document.getElementById('berth-chart');
                const r = canvas.getBoundingClientRect();
                const scale = canvas.width / r.width;
                const p = canvas.getContext('2d').getImageData(Math.round((x - r.left) * scale),
                    Math.round((y - r.top) * scale), 1, 1).data;
                return '#' + [p[0], p[1], p[2]].map(v => v.toString(16).padStart(2, '0')).join('');
                """, call);
    }

    private static int red(String rgb) {
        return Integer.parseInt(rgb.substring(1, 3), 16);
    }

    private static int green(String rgb) {
        return Integer.parseInt(rgb.substring(3, 5), 16);
    }

    private static int blue(String rgb) {
        return Integer.parseInt(rgb.substring(5, 7), 16);
    }

    private static boolean aboard(ContainerView view, VesselCall call) {
        return view.location() instanceof VesselLocation vessel && vessel.call().equals(call.id());
    }

    /** Takes a test's move off its crane's work list, so the cab tests on that crane see only their own. */
    private static void cancel(WorkInstructionId move) {
        WorkInstruction current = await(terminal.yard.reader().workInstruction(move)).orElseThrow();
        await(terminal.yard.updateInstruction(current.cancel(null, Instant.now())));
    }

    /** Signs in as an operator, clicks QC01 on the map and finds {@code move} in its panel. */
    private static WebElement machinePanelItem(WorkInstructionId move) {
        await(terminal.yard.updateEquipment(new EquipmentState(new EquipmentId("QC01"), EquipmentKind.QUAY_CRANE,
                new Position(60, TerminalBounds.QC_WATERSIDE_RAIL_Y), 0, 0, EquipmentStatus.WORKING,
                Spreader.UNLOCKED, null, List.of(), Instant.now())));
        openMap();
        Browser.waitFor(browser, Duration.ofSeconds(5), d -> browser.executeScript(
                "return window.portopsMap.screenPointOfMachine('QC01')") != null ? true : null);
        clickAt(point("return window.portopsMap.screenPointOfMachine(arguments[0])", "QC01"));
        return Browser.waitFor(browser, Duration.ofSeconds(5), d -> d.findElements(By.cssSelector(
                "#details li[data-instruction='" + move.value() + "'] .override-button")).isEmpty() ? null
                : d.findElement(By.cssSelector("#details li[data-instruction='" + move.value() + "']")));
    }

    private static double barWidth(WebElement group) {
        return ((Number) browser.executeScript("return arguments[0].querySelector('rect.bar').getBBox().width",
                group)).doubleValue();
    }

    private static JsonObject twinRun(String name, int moves, double perCraneHour, double waiting, double turn) {
        return new JsonObject().put("scenario", name).put("events", new JsonArray()).put("vesselMoves", moves)
                .put("grossMovesPerCraneHour", perCraneHour).put("craneWaitingHours", waiting).put("trucksServed", 50)
                .put("truckTurnMeanMinutes", turn).put("truckTurnP95Minutes", turn * 1.5).put("yardFill", 0.4);
    }

    /** {@code GET /api/map/kpis/yard} as an operator gets it. */
    private static JsonObject yardKpis() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(terminal.url("/api/map/kpis/yard")))
                        .header("Authorization", "Bearer " + terminal.token("olga", Role.OPERATOR)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    private static JsonObject blockOf(JsonObject kpis, String block) {
        return kpis.getJsonArray("blocks").stream().map(JsonObject.class::cast)
                .filter(b -> b.getString("block").equals(block)).findFirst().orElseThrow();
    }

    /** An accepted gate transaction, as the gate clerk's API records one. */
    private static void gate(String truck, String direction, Instant at) {
        await(terminal.pool.preparedQuery("insert into gate_transactions (id, direction, container, truck, lane, "
                + "outcome, clerk, recorded_at) values (gen_random_uuid(), $1, 'MSCU1234565', $2, 'IN-1', 'ACCEPTED', "
                + "'gina', $3)").execute(Tuple.of(direction, truck,
                java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))));
    }

    /** The audit trail's override rows of a move, as actor|what. */
    private static List<String> audited(WorkInstructionId move) {
        List<String> rows = new ArrayList<>();
        await(terminal.pool.preparedQuery("select actor, details from audit_log where action = 'override' "
                + "and subject = $1 order by id").execute(Tuple.of(move.value())))
                .forEach(row -> rows.add(row.getString("actor") + "|"
                        + ((JsonObject) row.getValue("details")).getString("what")));
        return rows;
    }

    /** Opens a page signed out and signs in on its form with {@code token}. */
    private static void signIn(String page, String token) {
        browser.get(terminal.url("/"));
        browser.manage().deleteAllCookies();
        browser.get(terminal.url(page));
        WebElement field = Browser.waitFor(browser, Duration.ofSeconds(10),
                d -> d.findElements(By.id("token")).stream().findFirst().orElse(null));
        // pasted, as a person pastes the token their identity provider gave them
        browser.executeScript("arguments[0].value = arguments[1]", field, token);
        browser.findElement(By.id("sign-in-button")).click();
    }

    private static void openMap() {
        openMap(terminal.token("olga", Role.OPERATOR));
    }

    private static void openMap(String token) {
        signIn("/", token);
        Browser.waitFor(browser, Duration.ofSeconds(20), d -> Boolean.TRUE.equals(
                browser.executeScript("return !!(window.portopsMap && window.portopsMap.ready "
                        + "&& window.portopsMap.frames() > 0)")) ? true : null);
    }

    private static StackId stackTwoHighOrMore() {
        return await(terminal.yard.reader().containers()).stream()
                .map(ContainerView::location).filter(YardLocation.class::isInstance)
                .map(l -> ((YardLocation) l).slot())
                .filter(slot -> slot.tier().level() >= 2)
                .map(YardSlot::stack).findFirst().orElseThrow();
    }

    /** A stack of two or more whose ground box is a 20': its boxes on top are all in this one stack. */
    private static StackId stackTwoHighOrMoreOnA20FootBox() {
        return await(terminal.yard.reader().containers()).stream()
                .filter(v -> v.location() instanceof YardLocation at && at.slot().tier().level() == 1
                        && v.container().sizeType().length().yardBays() == 1)
                .map(v -> ((YardLocation) v.location()).slot().stack())
                .filter(stack -> await(terminal.yard.reader().stack(stack)).height() >= 2)
                .findFirst().orElseThrow();
    }

    private static YardSlot emptyGroundSlotOutside(StackId not) {
        for (var block : terminal.layout.blocks()) {
            for (int bay = 1; bay <= block.bays(); bay += 2) {
                for (int row = 1; row <= block.rows(); row++) {
                    StackId stack = StackId.of(block.id().value(), bay, row);
                    if (!stack.equals(not) && await(terminal.yard.reader().stack(stack)).height() == 0) {
                        return YardSlot.of(block.id().value(), bay, row, 1);
                    }
                }
            }
        }
        throw new AssertionError("the test terminal has no empty stack");
    }

    /** Instructions dispatched to a machine, from yard boxes to the gate, in plan order. */
    private static List<WorkInstructionId> dispatch(String machine, String prefix, int count) {
        List<ContainerView> boxes = await(terminal.yard.reader().containers()).stream()
                .filter(v -> v.location() instanceof YardLocation).skip(prefix.hashCode() & 0xff).limit(count).toList();
        Instant now = Instant.now();
        return IntStream.range(0, count).mapToObj(i -> {
            WorkInstruction planned = WorkInstruction.planned(new WorkInstructionId(prefix + "-" + i),
                    boxes.get(i).container().number(), MoveKind.GATE_OUT, boxes.get(i).location(),
                    new GateLocation("OUT-1"), i, now);
            await(terminal.yard.updateInstruction(planned));
            await(terminal.yard.updateInstruction(planned.dispatch(List.of(new EquipmentId(machine)), now)));
            return planned.id();
        }).toList();
    }

    /** Makes two moves one twin lift, each naming the other; answers the first's container. */
    private static String twins(WorkInstructionId one, WorkInstructionId other) {
        WorkInstruction a = await(terminal.yard.reader().workInstruction(one)).orElseThrow();
        WorkInstruction b = await(terminal.yard.reader().workInstruction(other)).orElseThrow();
        await(terminal.yard.updateInstruction(a.withTwin(other)));
        await(terminal.yard.updateInstruction(b.withTwin(one)));
        return a.container().value();
    }

    /** Read in one script, as the tablet redraws its card when the instruction changes. */
    private static void waitForCurrent(WorkInstructionId id, String state) {
        String script = "const c = document.querySelector('.current');"
                + "return c ? c.dataset.instruction + '/' + c.dataset.state : document.getElementById('work').innerText;";
        try {
            Browser.waitFor(browser, Duration.ofSeconds(10),
                    d -> (id.value() + "/" + state).equals(browser.executeScript(script)) ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the tablet shows " + browser.executeScript(script) + " (status: "
                    + browser.findElement(By.id("status")).getText() + ", message: "
                    + browser.findElement(By.id("message")).getText() + "), not " + id + "/" + state, e);
        }
    }

    private static WorkInstructionState state(WorkInstructionId id) {
        return await(terminal.yard.reader().workInstruction(id)).orElseThrow().state();
    }

    /** Takes the page's network down or back, as a cab losing its Wi-Fi. */
    private static void network(boolean offline) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** The colour the canvas shows at a stack's centre, as #rrggbb. */
    private static String pixel(StackId stack) {
        return (String) browser.executeScript("""
                const [x, y] = window.portopsMap.screenPointOfStack(arguments[0]);
                const canvas = document.getElementById('map');
                const r = canvas.getBoundingClientRect();
                const scale = canvas.width / r.width;
                const p = canvas.getContext('2d').getImageData(Math.round((x - r.left) * scale),
                    Math.round((y - r.top) * scale), 1, 1).data;
                return '#' + [p[0], p[1], p[2]].map(v => v.toString(16).padStart(2, '0')).join('');
                """, stack.toString());
    }

    private static void clickAt(List<?> point) {
        int x = ((Number) point.get(0)).intValue();
        int y = ((Number) point.get(1)).intValue();
        new Actions(browser).moveToLocation(x, y).click().perform();
    }

    private static List<?> point(String script, Object argument) {
        return (List<?>) browser.executeScript(script, argument);
    }

    private static long number(String script) {
        return ((Number) browser.executeScript(script)).longValue();
    }
}

package org.portops.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
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
    void cabConfirmationMovesTheInstructionOnAndTheNextOneAppears() {
        List<WorkInstructionId> ids = dispatch("QC01", "CAB", 3);
        browser.get(terminal.url("/cab?machine=QC01"));
        waitForCurrent(ids.get(0), "DISPATCHED");
        assertThat(browser.findElements(By.cssSelector(".next li"))).hasSize(2);

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
        browser.get(terminal.url("/cab?machine=QC02"));
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

    private static void openMap() {
        browser.get(terminal.url("/"));
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

    /** Read in one script, as the tablet redraws its card when the instruction changes. */
    private static void waitForCurrent(WorkInstructionId id, String state) {
        Browser.waitFor(browser, Duration.ofSeconds(10), d -> (id.value() + "/" + state).equals(browser.executeScript(
                "const c = document.querySelector('.current');"
                        + "return c ? c.dataset.instruction + '/' + c.dataset.state : null;")) ? true : null);
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

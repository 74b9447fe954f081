package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.portops.app.config.Setting;
import org.portops.map.access.MapAccess;
import org.portops.map.testsupport.Browser;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.api.auth.TokenMinter;

/**
 * {@code portops demo} with the operator map open in headless Chromium: the map draws the sample terminal (every
 * stack of its 25 blocks, its 16,000 containers, the machines), a click on a quay crane shows its state, and a move
 * the simulator makes shows on the map within 2 s of its move-log row. Simulated time runs ten times as fast, so
 * moves come often.
 */
class OpsMapDemoTest {

    private static final Duration SHOWS_WITHIN = Duration.ofSeconds(2);
    private static final Duration MOVE_WITHIN = Duration.ofSeconds(120);

    @TempDir
    static Path dataDir;
    private static ChromeDriver browser;
    private static PortOps demo;

    @BeforeAll
    static void start() {
        if (!Browser.available()) {
            return;
        }
        browser = Browser.open(1600, 1000);
        Map<Setting, String> settings = Launch.isolated(dataDir, FreePorts.next(), FreePorts.next());
        settings.put(Setting.SIM_MACHINES, "30");
        settings.put(Setting.SIM_RATE, "2");
        demo = Launch.demo(settings, 10);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (demo != null) {
            demo.stop();
        }
    }

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    @Test
    void mapDrawsTheSampleTerminalAndASimulatedMoveShowsWithinTwoSeconds() throws Exception {
        signIn("/");
        Browser.waitFor(browser, Duration.ofSeconds(60), d -> Boolean.TRUE.equals(browser.executeScript(
                "return !!(window.portopsMap && window.portopsMap.ready && window.portopsMap.frames() > 0)")) ? true : null);
        long stacks = TerminalLayoutLoader.sample().blocks().stream().mapToLong(b -> (long) b.bays() * b.rows()).sum();
        assertThat(number("return window.portopsMap.stackCount()")).isEqualTo(stacks);
        assertThat(number("return window.portopsMap.containerCount()")).isGreaterThan(15_000);

        Browser.waitFor(browser, Duration.ofSeconds(30),
                d -> number("return window.portopsMap.machineCount()") >= 30 ? true : null);
        clickAt((List<?>) browser.executeScript("return window.portopsMap.screenPointOfMachine('QC01')"));
        Browser.waitFor(browser, Duration.ofSeconds(5), d -> browser.findElement(By.id("details")).getText()
                .contains("QUAY_CRANE") ? true : null);

        long before = count("select coalesce(max(seq), 0) from move_log");
        Row move = nextMove(before);
        long seen = System.nanoTime();
        String container = move.getString("container");
        String to = move.getString("to_location");
        Browser.waitFor(browser, SHOWS_WITHIN, d -> to.equals(browser.executeScript(
                "return window.portopsMap.locationOf(arguments[0])", container))
                && number("return window.portopsMap.drawnSerial()") >= number("return window.portopsMap.lastSerial()")
                ? true : null);
        assertThat(Duration.ofNanos(System.nanoTime() - seen)).as("move %s of %s to %s on the map",
                move.getLong("seq"), container, to).isLessThan(SHOWS_WITHIN);
        Browser.screenshot(browser, "ops-map.png");
    }

    @Test
    void theRealCraneSchedulerExplainsAMoveAndAnswersAnOverrideFromTheMapWhichIsAudited() throws Exception {
        signIn("/");
        Browser.waitFor(browser, Duration.ofSeconds(60), d -> Boolean.TRUE.equals(browser.executeScript(
                "return !!(window.portopsMap && window.portopsMap.ready && window.portopsMap.frames() > 0)")) ? true : null);
        String crane = Browser.waitFor(browser, Duration.ofSeconds(120), d -> craneWithPlannedWorkOnTheMap());
        clickAt((List<?>) browser.executeScript("return window.portopsMap.screenPointOfMachine(arguments[0])", crane));
        // the panel lists the crane's current move and the next five: the last is the furthest from being worked
        String move;
        try {
            move = Browser.waitFor(browser, Duration.ofSeconds(10), d -> {
                List<WebElement> title = d.findElements(By.cssSelector("#details h2"));
                List<WebElement> buttons = d.findElements(By.cssSelector(
                        "#details li[data-instruction] .explain-button"));
                return title.isEmpty() || !title.getFirst().getText().equals(crane) || buttons.isEmpty() ? null
                        : buttons.getLast().findElement(By.xpath("./ancestor::li[1]"))
                                .getDomAttribute("data-instruction");
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no planned move listed for " + crane + ": "
                    + browser.findElement(By.id("details")).getText(), e);
        }
        String item = "#details li[data-instruction='" + move + "']";

        // whether this move's task matches a constraint is the plan's business (CraneSchedulerVerticleTest proves
        // the matches); here the real scheduler's answer for it reaches the panel
        click(item + " .explain-button");
        try {
            Browser.waitFor(browser, Duration.ofSeconds(60), d -> d.findElements(By.cssSelector(
                    "#explanation[data-instruction='" + move + "']")).isEmpty() ? null : true);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no explanation of " + move + ": " + browser.findElement(By.id("details")).getText(), e);
        }
        assertThat(browser.findElement(By.id("explanation")).getText()).contains("is on " + crane)
                .contains("plan score 0hard");

        click(item + " .override-button");
        String outcome = Browser.waitFor(browser, Duration.ofSeconds(60), d -> d.findElement(
                By.cssSelector(item + " .override-result")).getDomAttribute("data-outcome"));
        String shown = browser.findElement(By.cssSelector(item + " .override-result")).getText();
        var rows = demo.pool().preparedQuery("select actor, details from audit_log where action = 'override' "
                + "and subject = $1").execute(Tuple.of(move)).await(10, TimeUnit.SECONDS);
        assertThat(rows.size()).as("one audit row for the override").isEqualTo(1);
        Row row = rows.iterator().next();
        assertThat(row.getString("actor")).isEqualTo("olga");
        String what = ((io.vertx.core.json.JsonObject) row.getValue("details")).getString("what");
        if (outcome.equals("ACCEPTED")) {
            String version = shown.replaceAll(".*crane plan version (\\d+).*", "$1");
            assertThat(what).endsWith(": accepted, crane plan version " + version);
        } else {
            assertThat(what).contains(": refused (");
        }
    }

    /** A quay crane the map draws that holds planned work of a crane plan; null while there is none. */
    private static String craneWithPlannedWorkOnTheMap() {
        List<WorkInstruction> all;
        try {
            all = demo.liveYard().reader().workInstructions().await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException slow) {
            return null;
        }
        Map<String, Boolean> drawn = new java.util.HashMap<>();
        for (WorkInstruction move : all) {
            if (move.state() != WorkInstructionState.PLANNED || move.assigned().isEmpty()) {
                continue;
            }
            String crane = move.assigned().getFirst().value();
            if (crane.startsWith("QC") && drawn.computeIfAbsent(crane, c -> browser.executeScript(
                    "return window.portopsMap.screenPointOfMachine(arguments[0])", c) != null)) {
                return crane;
            }
        }
        return null;
    }

    /** Signed in as an operator with a token of the demo's development secret ({@code portops token}). */
    private static void signIn(String page) {
        String token = new TokenMinter(AuthSettings.hmac(AuthSettings.developmentSecret(dataDir)), Clock.systemUTC())
                .mint(new Caller("olga", Set.of(Role.OPERATOR), null, null), Duration.ofHours(1));
        browser.get("http://127.0.0.1:" + demo.httpPort() + "/");
        browser.manage().addCookie(new Cookie(MapAccess.COOKIE, token));
        browser.get("http://127.0.0.1:" + demo.httpPort() + page);
    }

    /** The first container move logged after {@code after}, as soon as it is committed (polled every 50 ms). */
    private static Row nextMove(long after) throws Exception {
        long deadline = System.nanoTime() + MOVE_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            var rows = demo.pool().preparedQuery("select seq, container, to_location from move_log where seq > $1 "
                            + "and container is not null and to_location is not null order by seq limit 1")
                    .execute(Tuple.of(after)).await(10, TimeUnit.SECONDS);
            if (rows.size() > 0) {
                return rows.iterator().next();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the simulator made no move in " + MOVE_WITHIN);
    }

    private static long count(String sql) throws Exception {
        return demo.pool().preparedQuery(sql).execute(Tuple.tuple()).await(10, TimeUnit.SECONDS).iterator().next()
                .getLong(0);
    }

    /** Clicks the element the selector finds, found again if the panel re-rendered it in between. */
    private static void click(String selector) {
        Browser.waitFor(browser, Duration.ofSeconds(10), d -> {
            d.findElement(By.cssSelector(selector)).click();
            return true;
        });
    }

    private static void clickAt(List<?> point) {
        new Actions(browser).moveToLocation(((Number) point.get(0)).intValue(), ((Number) point.get(1)).intValue())
                .click().perform();
    }

    private static long number(String script) {
        return ((Number) browser.executeScript(script)).longValue();
    }
}

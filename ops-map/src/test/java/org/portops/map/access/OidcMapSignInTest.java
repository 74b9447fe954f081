package org.portops.map.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.portops.map.OpsMapRoutes;
import org.portops.map.testsupport.Browser;
import org.portops.state.testsupport.TestLayouts;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.RoleMapping;

/**
 * Operator sign-in through the terminal's OIDC provider, the authorization-code flow with PKCE, against a local
 * provider ({@link TestProvider}) that refuses a code without its verifier: the map's server sends the browser there
 * with a fresh state, nonce and S256 challenge, exchanges the code it comes back with, checks the ID token's nonce
 * and sets the session cookie; an answer this browser did not ask for, a stolen code and a token of another sign-in
 * are refused with the reason shown on the page. One headless Chromium signs in as a person would.
 */
class OidcMapSignInTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Vertx VERTX = Vertx.vertx();
    private static TestProvider provider;
    private static String base;

    /** Where a started sign-in sends the browser, and the cookie it waits with. */
    private record Started(Map<String, String> query, String cookie, String setCookie) {
    }

    @BeforeAll
    static void start() throws Exception {
        provider = new TestProvider(VERTX);
        ApiAuth auth = await(ApiAuth.create(VERTX, AuthSettings.oidc(provider.issuer, TestProvider.CLIENT_ID,
                RoleMapping.parse("realm_access.roles", "terminal-operations=operator")), Clock.systemUTC()));
        Router router = Router.router(VERTX);
        // the pages and the session routes only: nothing here reads the live yard
        new OpsMapRoutes(TestLayouts.small(), null, null, Clock.systemUTC(), new MapAccess(auth)).mount(router);
        HttpServer server = await(VERTX.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        base = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterAll
    static void stop() {
        provider.close();
        await(VERTX.close());
    }

    @BeforeEach
    void honestProvider() {
        provider.idTokenClaims = claims -> claims;
        provider.rolesInIdToken = true;
        provider.refusedExchanges.clear();
    }

    @Test
    void theBrowserIsSentToTheProviderWithAFreshStateNonceAndS256Challenge() throws Exception {
        Started first = startSignIn("/cab?machine=QC01");
        Started second = startSignIn("/cab?machine=QC01");

        assertThat(first.query()).containsEntry("response_type", "code")
                .containsEntry("client_id", TestProvider.CLIENT_ID)
                .containsEntry("redirect_uri", base + "/api/map/sign-in/callback")
                .containsEntry("code_challenge_method", "S256").containsEntry("scope", "openid profile");
        for (String fresh : new String[] {"state", "nonce", "code_challenge"}) {
            assertThat(first.query().get(fresh)).as(fresh).hasSizeGreaterThanOrEqualTo(43)
                    .isNotEqualTo(second.query().get(fresh));
        }
        assertThat(first.setCookie()).startsWith(OidcSignIn.PENDING_COOKIE + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax").contains("Path=/api/map/sign-in/callback");
        OidcSignIn.Pending pending = OidcSignIn.Pending.decode(first.cookie().substring(
                OidcSignIn.PENDING_COOKIE.length() + 1));
        assertThat(pending.state()).isEqualTo(first.query().get("state"));
        assertThat(pending.returnTo()).isEqualTo("/cab?machine=QC01");
        assertThat(OidcSignIn.challenge(pending.verifier())).isEqualTo(first.query().get("code_challenge"));
        assertThat(first.query()).as("the verifier stays in the browser's cookie until the exchange")
                .doesNotContainKey("code_verifier").doesNotContainValue(pending.verifier());
    }

    @Test
    void theCodeIsExchangedWithItsVerifierAndTheSessionCookieSignsThePersonIn() throws Exception {
        Started started = startSignIn("/cab?machine=QC01");
        HttpResponse<String> back = callback(started, provider.code(TestProvider.CLIENT_ID,
                started.query().get("redirect_uri"), started.query().get("code_challenge"), "S256",
                started.query().get("nonce"), "jan.devries"), started.query().get("state"));

        assertThat(back.statusCode()).as(back.headers().map().toString()).isEqualTo(302);
        assertThat(back.headers().firstValue("location")).hasValue("/cab?machine=QC01");
        assertThat(provider.refusedExchanges).isEmpty();
        String session = sessionCookie(back).orElseThrow();
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        HttpResponse<String> who = get("/api/map/session", session.split(";")[0]);
        assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
        JsonObject caller = new JsonObject(who.body());
        assertThat(caller.getString("subject")).isEqualTo("jan.devries");
        assertThat(caller.getJsonArray("roles").getList()).containsExactly("operator");
        assertThat(caller.getJsonArray("permissions").getList()).contains("VIEW_MAP", "OVERRIDE_PLAN");
    }

    @Test
    void rolesOnlyInTheAccessTokenStillSignInThroughIt() throws Exception {
        provider.rolesInIdToken = false;
        Started started = startSignIn("/");
        HttpResponse<String> back = callback(started, provider.code(TestProvider.CLIENT_ID,
                started.query().get("redirect_uri"), started.query().get("code_challenge"), "S256",
                started.query().get("nonce"), "jan.devries"), started.query().get("state"));

        assertThat(back.headers().firstValue("location")).hasValue("/");
        JsonObject caller = new JsonObject(get("/api/map/session", sessionCookie(back).orElseThrow().split(";")[0])
                .body());
        assertThat(caller.getJsonArray("roles").getList()).containsExactly("operator");
    }

    @Test
    void aStolenCodeIsUselessWithoutItsVerifier() throws Exception {
        Started victim = startSignIn("/");
        String stolen = provider.code(TestProvider.CLIENT_ID, victim.query().get("redirect_uri"),
                victim.query().get("code_challenge"), "S256", victim.query().get("nonce"), "jan.devries");
        // the thief begins a sign-in of its own in its browser and hands PortOps the victim's code with it
        Started thief = startSignIn("/");
        HttpResponse<String> back = callback(thief, stolen, thief.query().get("state"));

        assertThat(provider.refusedExchanges).containsExactly("code_verifier does not match the code_challenge");
        assertRefused(back, "the provider refused the code: invalid_grant (code_verifier does not match");
    }

    @Test
    void anAnswerThisBrowserDidNotAskForIsRefusedBeforeAnyExchange() throws Exception {
        Started attacker = startSignIn("/");
        String code = provider.code(TestProvider.CLIENT_ID, attacker.query().get("redirect_uri"),
                attacker.query().get("code_challenge"), "S256", attacker.query().get("nonce"), "mallory");
        // the victim's browser is made to follow the attacker's answer (login CSRF): its own sign-in is another
        Started victim = startSignIn("/cab");
        assertRefused(callback(victim, code, attacker.query().get("state")),
                "the answer's state does not match this browser's sign-in");
        assertRefused(callback(new Started(attacker.query(), null, null), code, attacker.query().get("state")),
                "no sign-in is under way in this browser");
        assertThat(provider.refusedExchanges).as("no code was exchanged").isEmpty();
    }

    @Test
    void anIdTokenOfAnotherSignInIsRefusedForItsNonce() throws Exception {
        provider.idTokenClaims = claims -> claims.put("nonce", "the-nonce-of-another-sign-in");
        Started started = startSignIn("/");
        HttpResponse<String> back = callback(started, provider.code(TestProvider.CLIENT_ID,
                started.query().get("redirect_uri"), started.query().get("code_challenge"), "S256",
                started.query().get("nonce"), "jan.devries"), started.query().get("state"));

        assertRefused(back, "the ID token does not carry this sign-in's nonce");
    }

    @Test
    void onlyAPathOnThisServerIsReturnedTo() throws Exception {
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example",
                "javascript:alert(1)", "/x\r\nSet-Cookie: a=b"}) {
            assertThat(OidcSignIn.safeReturn(elsewhere)).as(elsewhere).isEqualTo("/");
        }
        assertThat(OidcSignIn.safeReturn("/cab?machine=QC01")).isEqualTo("/cab?machine=QC01");
        Started started = startSignIn("//evil.example/");
        HttpResponse<String> back = callback(started, provider.code(TestProvider.CLIENT_ID,
                started.query().get("redirect_uri"), started.query().get("code_challenge"), "S256",
                started.query().get("nonce"), "jan.devries"), started.query().get("state"));
        assertThat(back.headers().firstValue("location")).hasValue("/");
    }

    @Test
    void aPersonSignsInAtTheProviderFromTheCabPageInAHeadlessBrowser() {
        ChromeDriver browser = Browser.open(900, 700);
        try {
            browser.get(base + "/cab?machine=QC01");
            Browser.waitFor(browser, Duration.ofSeconds(20), d -> d.findElement(By.id("sign-in-provider")))
                    .click();
            Browser.waitFor(browser, Duration.ofSeconds(20), d -> d.findElement(By.id("cancel"))).click();
            String shown = Browser.waitFor(browser, Duration.ofSeconds(20), d -> {
                String text = d.findElement(By.id("sign-in-error")).getText();
                return text.isEmpty() ? null : text;
            });
            assertThat(shown).contains("access_denied", "the person cancelled the sign-in");

            browser.findElement(By.id("sign-in-provider")).click();
            Browser.waitFor(browser, Duration.ofSeconds(20), d -> d.findElement(By.id("jan"))).click();
            String user = Browser.waitFor(browser, Duration.ofSeconds(20),
                    d -> d.findElement(By.id("user")).getAttribute("data-subject"));
            assertThat(user).isEqualTo("jan.devries");
            assertThat(browser.getCurrentUrl()).isEqualTo(base + "/cab?machine=QC01");
            assertThat(browser.findElement(By.id("work")).getText()).contains("jan.devries drives no machine");
            assertThat(browser.findElements(By.id("sign-in"))).isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static void assertRefused(HttpResponse<String> back, String reason) {
        assertThat(back.statusCode()).isEqualTo(302);
        String location = back.headers().firstValue("location").orElseThrow();
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("sign_in_error=" + reason);
        assertThat(sessionCookie(back)).as("no session").isEmpty();
    }

    private static Started startSignIn(String returnTo) throws Exception {
        HttpResponse<String> response = get("/api/map/sign-in?return=" + URLEncoder.encode(returnTo,
                StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("location").orElseThrow());
        assertThat(location.toString()).startsWith(provider.issuer + "/auth?");
        Map<String, String> query = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            query.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        String setCookie = response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(OidcSignIn.PENDING_COOKIE + "=")).findFirst().orElseThrow();
        return new Started(query, setCookie.split(";")[0], setCookie);
    }

    private static HttpResponse<String> callback(Started started, String code, String state) throws Exception {
        return get("/api/map/sign-in/callback?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8), started.cookie());
    }

    private static Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(MapAccess.COOKIE + "=") && !c.startsWith(MapAccess.COOKIE + "=;"))
                .findFirst();
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            request.header("cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

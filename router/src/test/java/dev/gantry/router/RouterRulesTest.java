package dev.gantry.router;

import static dev.gantry.router.Tables.group;
import static dev.gantry.router.Tables.http;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.router.table.Action;
import dev.gantry.router.table.Condition;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Rule;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules through real sockets: a JDK HTTP client, the router, JDK HTTP backends. */
class RouterRulesTest {
    private TestBackend api;
    private TestBackend web;
    private RouterFixture f;

    @BeforeEach
    void start() throws IOException {
        api = new TestBackend("api");
        web = new TestBackend("web");
        f = new RouterFixture();
    }

    @AfterEach
    void stop() {
        f.close();
        api.close();
        web.close();
    }

    private void rules(Rule... rules) {
        f.apply(new RoutingTable(
                List.of(http("l", List.of(rules), Action.Forward.to("web"))),
                List.of(group("api", api.target()), group("web", web.target()))));
    }

    private static Rule rule(int priority, Condition... conditions) {
        return new Rule(priority, List.of(conditions), Action.Forward.to("api"));
    }

    @Test
    void pathPatternWithWildcardsPicksTheRuleElseTheDefault() {
        rules(rule(10, new Condition.PathPattern(List.of("/api/*", "/v?/x"))));

        assertThat(f.get("l", "/api/users").body()).isEqualTo("api");
        assertThat(f.get("l", "/v2/x?q=1").body()).isEqualTo("api");
        assertThat(f.get("l", "/other").body()).isEqualTo("web");
        assertThat(f.get("l", "/API/users").body())
                .as("path patterns are case-sensitive")
                .isEqualTo("web");
    }

    @Test
    void conditionsAreAndedValuesOred() {
        rules(rule(
                5,
                new Condition.HttpRequestMethod(List.of("POST", "PUT")),
                new Condition.HttpHeader("X-Tenant", List.of("blue*"))));

        HttpRequest.Builder post =
                HttpRequest.newBuilder(f.uri("l", "/")).POST(HttpRequest.BodyPublishers.ofString("x"));
        assertThat(f.send(post.copy().header("X-Tenant", "BlueBird").build()).body())
                .isEqualTo("api");
        assertThat(f.send(post.copy().header("X-Tenant", "red").build()).body()).isEqualTo("web");
        assertThat(f.send(HttpRequest.newBuilder(f.uri("l", "/"))
                                .header("X-Tenant", "blue")
                                .build())
                        .body())
                .as("GET is not among the methods")
                .isEqualTo("web");
    }

    @Test
    void queryStringHostHeaderAndSourceIp() {
        rules(
                rule(1, new Condition.QueryString(List.of(new Condition.KeyValue(Optional.of("v"), "2*")))),
                rule(2, new Condition.HostHeader(List.of("localhost"))),
                rule(3, new Condition.SourceIp(List.of("10.0.0.0/8"))));

        assertThat(f.get("l", "/?v=21").body()).isEqualTo("api");
        assertThat(f.get("l", "/?v=1").body()).isEqualTo("web");
        int port = f.router.listenerAddress("l").orElseThrow().getPort();
        assertThat(RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: LOCALHOST:" + port + "\r\n\r\n"))
                .contains("\r\n\r\napi");
        assertThat(RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"))
                .as("127.0.0.1 is not in 10.0.0.0/8")
                .contains("\r\n\r\nweb");
    }

    @Test
    void rulesAreTriedByPriority() {
        f.apply(new RoutingTable(
                List.of(http(
                        "l",
                        List.of(
                                new Rule(
                                        20,
                                        List.of(new Condition.PathPattern(List.of("/*"))),
                                        Action.Forward.to("web")),
                                new Rule(
                                        7,
                                        List.of(new Condition.PathPattern(List.of("/a*"))),
                                        Action.Forward.to("api"))),
                        new Action.FixedResponse(404, Optional.empty(), Optional.of("none")))),
                List.of(group("api", api.target()), group("web", web.target()))));

        assertThat(f.get("l", "/abc").body()).isEqualTo("api");
        assertThat(f.get("l", "/zzz").body()).isEqualTo("web");
    }

    @Test
    void fixedResponseAndRedirectAnswerWithoutATarget() {
        f.apply(new RoutingTable(
                List.of(http(
                        "l",
                        List.of(new Rule(
                                1,
                                List.of(new Condition.PathPattern(List.of("/old/*"))),
                                new Action.Redirect(
                                        Optional.empty(),
                                        Optional.of("example.com"),
                                        Optional.of("8443"),
                                        Optional.of("/new/#{path}"),
                                        Optional.empty(),
                                        301))),
                        new Action.FixedResponse(418, Optional.of("application/json"), Optional.of("{\"teapot\":1}")))),
                List.of()));

        HttpResponse<String> fixed = f.get("l", "/anything");
        assertThat(fixed.statusCode()).isEqualTo(418);
        assertThat(fixed.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(fixed.body()).isEqualTo("{\"teapot\":1}");

        HttpResponse<String> moved = f.get("l", "/old/page?x=1");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("location")).hasValue("http://example.com:8443/new/old/page?x=1");
        assertThat(api.requests.get() + web.requests.get()).isZero();
    }
}

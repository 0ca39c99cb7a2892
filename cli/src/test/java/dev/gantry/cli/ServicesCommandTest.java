package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code gantry services} through the real ECS client against a scripted endpoint: ListServices followed page by
 * page, DescribeServices in batches of ten, and a missing service reported by name.
 */
class ServicesCommandTest {
    private static final String ARN = "arn:aws:ecs:us-east-1:000000000000:service/default/";

    private static String service(String name) {
        return "{\"serviceName\":\"" + name + "\",\"serviceArn\":\"" + ARN + name + "\",\"status\":\"ACTIVE\","
                + "\"desiredCount\":1,\"runningCount\":1,\"pendingCount\":0,\"deployments\":[],\"events\":[]}";
    }

    private static StubAws.Reply reply(StubAws.Request r) {
        return switch (r.action()) {
            case "ListServices" -> {
                // 12 services over two pages
                boolean second = r.body().contains("\"nextToken\"");
                String arns = IntStream.rangeClosed(second ? 11 : 1, second ? 12 : 10)
                        .mapToObj(i -> "\"" + ARN + "svc" + (i < 10 ? "0" : "") + i + "\"")
                        .collect(Collectors.joining(","));
                yield StubAws.Reply.ok(
                        "{\"serviceArns\":[" + arns + "]" + (second ? "" : ",\"nextToken\":\"p2\"") + "}");
            }
            case "DescribeServices" -> {
                if (r.body().contains("\"ghost\"")) {
                    yield StubAws.Reply.ok(
                            "{\"services\":[],\"failures\":[{\"arn\":\"" + ARN + "ghost\",\"reason\":\"MISSING\"}]}");
                }
                String found = Pattern.compile("service/default/(svc\\d+)")
                        .matcher(r.body())
                        .results()
                        .map(m -> service(m.group(1)))
                        .collect(Collectors.joining(","));
                yield StubAws.Reply.ok("{\"services\":[" + found + "],\"failures\":[]}");
            }
            default -> new StubAws.Reply(400, "{\"__type\":\"UnknownOperationException\"}");
        };
    }

    @Test
    void listsEveryPageAndDescribesInBatchesOfTen() {
        try (StubAws ecs = new StubAws(ServicesCommandTest::reply)) {
            StubAws.Run run = ecs.run(new ServicesCommand(), "--cluster", "default");

            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            assertThat(ecs.actions())
                    .containsExactly("ListServices", "ListServices", "DescribeServices", "DescribeServices");
            assertThat(run.out().lines().skip(1).map(l -> l.split(" ")[0]))
                    .containsExactly(IntStream.rangeClosed(1, 12)
                            .mapToObj(i -> "svc" + (i < 10 ? "0" : "") + i)
                            .toArray(String[]::new));
        }
    }

    @Test
    void aMissingServiceIsNamed() {
        try (StubAws ecs = new StubAws(ServicesCommandTest::reply)) {
            StubAws.Run run = ecs.run(new ServicesCommand(), "ghost");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .isEqualTo("error: service ghost not found in cluster default (MISSING); gantry services lists them"
                            + System.lineSeparator());
        }
    }
}

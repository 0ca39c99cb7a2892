package dev.gantry.cli;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * {@code gantry deploy SERVICE --image IMAGE}: registers the next revision of the service's task definition with one
 * container's image replaced ({@link TaskDefinitionCopy}), points the service at it with UpdateService, and follows
 * the rollout ({@link RolloutWatcher}) until it completes (exit 0), fails or is rolled back (exit 1), or the
 * timeout passes (exit 1; the deployment goes on).
 */
@Command(
        name = "deploy",
        description = {
            "Deploy a new image to a service: registers a new revision of the service's task definition with the"
                    + " container's image replaced (everything else kept), updates the service, and follows the"
                    + " rollout until it completes, fails or is rolled back.",
            "Exit 0 when the new deployment's rolloutState is COMPLETED; 1 when it FAILED, was rolled back or"
                    + " replaced, or --timeout passed."
        })
final class DeployCommand extends ApiCommand {
    static final String NOT_ACTIVE = "service %s is %s: only an ACTIVE service can be deployed to";
    static final String NOT_ECS =
            "service %s uses the %s deployment controller: gantry deploy drives ECS-controller deployments only";

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service's name or ARN.")
    String service;

    @Option(
            names = "--image",
            required = true,
            paramLabel = "IMAGE",
            description = "The new image (for example web:2 or registry/web@sha256:...).")
    String image;

    @Option(
            names = "--container",
            paramLabel = "NAME",
            description = "Which container gets the image (required when the task definition has several).")
    String container;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "How long to follow the rollout (90s, 10m, 1h; default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = {"-d", "--detach"},
            description = "Start the deployment and return without following it.")
    boolean detach;

    /** How often the rollout is polled (tests shorten it). */
    Duration poll = RolloutWatcher.POLL;

    @Override
    int run(GantryClients c) throws InterruptedException {
        ServiceLookup lookup = new ServiceLookup(c.ecs(), connection.cluster());
        Service before = lookup.describe(service);
        if (!Rollout.ACTIVE.equals(before.status())) {
            throw CliException.failed(NOT_ACTIVE.formatted(before.serviceName(), before.status()));
        }
        if (before.deploymentController() != null
                && before.deploymentController().type() != null
                && !"ECS".equals(before.deploymentController().typeAsString())) {
            throw CliException.failed(NOT_ECS.formatted(
                    before.serviceName(), before.deploymentController().typeAsString()));
        }
        DescribeTaskDefinitionResponse current = c.ecs()
                .describeTaskDefinition(
                        b -> b.taskDefinition(before.taskDefinition()).include(TaskDefinitionField.TAGS));
        TaskDefinitionCopy.Plan plan = TaskDefinitionCopy.withImage(
                current.taskDefinition(), current.tags(), Optional.ofNullable(container), image);
        TaskDefinition next = c.ecs().registerTaskDefinition(plan.request()).taskDefinition();
        String revision = TaskFacts.definition(next.taskDefinitionArn());
        out().println("registered " + revision + " (container " + plan.container() + ": "
                + (plan.oldImage().isEmpty() ? TaskFacts.NONE : plan.oldImage()) + " → " + plan.newImage() + ")");
        Service after = c.ecs()
                .updateService(b -> b.cluster(connection.cluster())
                        .service(before.serviceArn() == null ? service : before.serviceArn())
                        .taskDefinition(next.taskDefinitionArn()))
                .service();
        InstantSource clock = InstantSource.system();
        Rollout rollout = Rollout.start(before, after, next.taskDefinitionArn(), clock.instant());
        out().println("service " + before.serviceName() + ": deploying " + revision
                + rollout.deploymentId().map(id -> " as " + id).orElse("") + " ("
                + ServiceFacts.strategy(after) + ")");
        out().flush();
        if (detach) {
            out().println("follow it: gantry services " + before.serviceName());
            return 0;
        }
        String arn = after.serviceArn() == null ? service : after.serviceArn();
        Rollout.Outcome outcome = RolloutWatcher.follow(
                rollout, () -> lookup.describe(arn), clock, d -> Thread.sleep(d.toMillis()), poll, timeout, out());
        if (outcome instanceof Rollout.Outcome.Completed) {
            out().println(outcome.message());
        } else {
            err().println("error: " + outcome.message());
        }
        out().flush();
        err().flush();
        return outcome.exitCode();
    }

    /** picocli converter for {@code --timeout}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

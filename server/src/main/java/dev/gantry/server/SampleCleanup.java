package dev.gantry.server;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * When {@code gantry up} exits (Ctrl-C), it stops the tasks this run of {@code up} started and nothing else: it
 * ran them with its own {@code startedBy} token and lists exactly those through the public API, like a user. Other
 * tasks of this installation (run with {@code gantry run} or the AWS CLI) keep running and are re-adopted by the
 * next start; other installations' containers and the engine itself are never touched.
 */
final class SampleCleanup {
    static final String STARTED_BY_PREFIX = "gantry-up-";

    private SampleCleanup() {}

    /** A startedBy token unique to one run of {@code gantry up} (RunTask allows letters, digits, '-' and '_'). */
    static String startedByToken() {
        return STARTED_BY_PREFIX + Long.toHexString(ProcessHandle.current().pid()) + "-"
                + Long.toHexString(System.nanoTime() & 0xffffffL);
    }

    /** Stops the tasks of the default cluster started with {@code startedBy}, waiting up to 20 s for STOPPED. */
    static void stopTasksStartedBy(GantryServer server, String startedBy) {
        AdminCredentials c = server.credentials();
        try (EcsClient ecs = EcsClient.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(server.config().region()))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .build()) {
            List<String> arns = ecs.listTasks(b -> b.startedBy(startedBy)).taskArns();
            if (arns.isEmpty()) {
                return;
            }
            System.out.println("\nstopping the sample task" + (arns.size() > 1 ? "s" : "") + "...");
            arns.forEach(arn -> ecs.stopTask(b -> b.task(arn).reason("gantry up exited")));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (Instant.now().isBefore(deadline)
                    && ecs.describeTasks(b -> b.tasks(arns)).tasks().stream()
                            .anyMatch(t -> !t.lastStatus().equals("STOPPED"))) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("could not stop the sample task: " + e.getMessage());
        }
    }
}

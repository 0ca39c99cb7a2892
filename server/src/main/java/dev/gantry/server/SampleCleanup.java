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
 * When {@code gantry up} exits, it stops the sample tasks it started (through the public API, like a user), so the
 * next {@code up} starts from a clean slate. Tasks run by {@code gantry server} are left running and re-adopted.
 */
final class SampleCleanup {
    private SampleCleanup() {}

    static void stopSampleTasks(GantryServer server, String family) {
        AdminCredentials c = server.credentials();
        try (EcsClient ecs = EcsClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(server.config().region())).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()))).build()) {
            List<String> arns = ecs.listTasks(b -> b.family(family)).taskArns();
            if (arns.isEmpty()) {
                return;
            }
            System.out.println("\nstopping the sample task" + (arns.size() > 1 ? "s" : "") + "...");
            arns.forEach(arn -> ecs.stopTask(b -> b.task(arn).reason("gantry up exited")));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (Instant.now().isBefore(deadline) && ecs.describeTasks(b -> b.tasks(arns)).tasks().stream()
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

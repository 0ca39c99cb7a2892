package dev.gantry.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** The SDK clients the CLI uses (ECS, CloudWatch Logs, ELBv2, EC2), pointed at Gantry's endpoint and signed with the resolved credentials. */
record GantryClients(
        EcsClient ecs,
        CloudWatchLogsClient logs,
        ElasticLoadBalancingV2Client elb,
        Ec2Client ec2,
        URI endpoint,
        Credentials credentials)
        implements AutoCloseable {

    static GantryClients connect(ConnectionOptions options, Map<String, String> env) {
        URI endpoint = endpoint(options.endpoint());
        Path home = Path.of(System.getProperty("user.home"));
        Credentials credentials = Credentials.resolve(env, Defaults.dataDir(env, home));
        var provider = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()));
        Region region = Region.of(options.region());
        EcsClient ecs = EcsClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(provider)
                .httpClientBuilder(http())
                .build();
        CloudWatchLogsClient logs = CloudWatchLogsClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(provider)
                .httpClientBuilder(http())
                .build();
        ElasticLoadBalancingV2Client elb = ElasticLoadBalancingV2Client.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(provider)
                .httpClientBuilder(http())
                .build();
        Ec2Client ec2 = Ec2Client.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(provider)
                .httpClientBuilder(http())
                .build();
        return new GantryClients(ecs, logs, elb, ec2, endpoint, credentials);
    }

    static URI endpoint(String text) {
        try {
            URI uri = URI.create(text.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    CliException.UNREACHABLE,
                    "invalid endpoint '" + text + "': expected a URL like " + Defaults.ENDPOINT);
        }
    }

    private static UrlConnectionHttpClient.Builder http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        ecs.close();
        logs.close();
        elb.close();
        ec2.close();
    }
}

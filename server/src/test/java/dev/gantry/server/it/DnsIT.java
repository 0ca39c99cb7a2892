package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.control.dns.CloudMapZones;
import dev.gantry.control.dns.DiscoveryZones;
import dev.gantry.server.GantryConfig;
import dev.gantry.server.GantryServer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Gantry's DNS server as tasks see it, on a real engine: a busybox task's {@code /etc/resolv.conf} names
 * 169.254.169.253, and {@code nslookup} there resolves a name of a Gantry zone to exactly its instances' addresses,
 * gets NXDOMAIN for a missing name of the zone, and resolves an outside name through the upstream resolver — a fake
 * one on the host's loopback (GANTRY_DNS_UPSTREAMS), since the host may have none. The zone comes in through the
 * DiscoveryZones seam (Cloud Map's, once wired). The same from a subnet created through EC2's API (its own engine
 * network and redirect), and for a Cloud Map service whose instances were registered (and one deregistered) through
 * the servicediscovery API with the AWS CLI. Its own server on its own network, so the redirect is its own.
 */
class DnsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "gantry-it/dns:1";
    private static final String OUTSIDE = "192.0.2.77";
    private static Path dir;
    private static GantryServer server;
    private static EcsClient ecs;
    private static DatagramSocket upstream;
    private static final AtomicReference<List<DiscoveryZones.Namespace>> ZONES = new AtomicReference<>(List.of());

    @BeforeAll
    static void start() throws Exception {
        upstream = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(DnsIT::answerUpstream);
        dir = Files.createTempDirectory("gantry-dns-it-");
        Map<String, String> env = new HashMap<>(TestGantry.env());
        env.put("GANTRY_NETWORK", "gantry-dns-it");
        env.put("GANTRY_DNS_UPSTREAMS", "127.0.0.1:" + upstream.getLocalPort());
        server = GantryServer.start(GantryConfig.resolve(Optional.of(0), Optional.of(dir), env), env);
        server.driver()
                .buildBusyboxImage(
                        IMAGE,
                        server.config().busybox(),
                        Map.of("/www/index.html", "up\n".getBytes(), "/tmp/.keep", new byte[0]),
                        List.of(),
                        true);
        assertThat(server.dnsProblem()).as("DNS is set up (run as root)").isEmpty();
        ecs = TestGantry.ecsClient(server.endpoint());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            Engine.removeInstallationOf(dir);
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void aTaskResolvesGantryNamesItselfAndOtherNamesThroughTheHostsResolver() {
        server.dnsFeedFrom(ZONES::get);
        zone();
        String ip = resolvingTask("dnsit", "subnet-gantry");

        assertThat(read(ip, "resolv.txt")).isEqualTo("nameserver 169.254.169.253\n");
        assertThat(read(ip, "backend.txt"))
                .contains("Server:", "169.254.169.253")
                .contains("10.77.0.1", "10.77.0.2")
                .doesNotContain("NXDOMAIN");
        assertThat(read(ip, "nope.txt")).contains("NXDOMAIN");
        assertThat(read(ip, "outside.txt")).contains(OUTSIDE);
    }

    @Test
    void aTaskInASubnetCreatedThroughEc2ResolvesToo() throws Exception {
        Assumptions.assumeTrue(AwsCli.installed(), "AWS CLI v2 not at /usr/bin/aws");
        server.dnsFeedFrom(ZONES::get);
        zone();
        AwsCli aws = new AwsCli(server.endpoint());
        int b = 150 + ThreadLocalRandom.current().nextInt(50);
        String vpc = aws.run(
                "ec2", "create-vpc", "--cidr-block", "10." + b + ".0.0/16", "--query", "Vpc.VpcId", "--output", "text");
        String subnet = aws.run(
                "ec2",
                "create-subnet",
                "--vpc-id",
                vpc,
                "--cidr-block",
                "10." + b + ".3.0/24",
                "--query",
                "Subnet.SubnetId",
                "--output",
                "text");
        String ip = resolvingTask("dnsit-subnet", subnet);
        assertThat(ip).startsWith("10." + b + ".3.");
        assertThat(read(ip, "backend.txt")).contains("10.77.0.1", "10.77.0.2");
        assertThat(read(ip, "outside.txt")).contains(OUTSIDE);
    }

    @Test
    void aCloudMapServiceRegisteredThroughTheApiResolvesInATask() throws Exception {
        Assumptions.assumeTrue(AwsCli.installed(), "AWS CLI v2 not at /usr/bin/aws");
        server.dnsFeedFrom(new CloudMapZones(server.cloudMap().view())); // Gantry's own wiring, as at start
        AwsCli aws = new AwsCli(server.endpoint());
        String op = JSON.readTree(aws.run(
                        "servicediscovery",
                        "create-private-dns-namespace",
                        "--name",
                        "cmapi.local",
                        "--vpc",
                        "vpc-gantry"))
                .path("OperationId")
                .asText();
        String namespaceId = TestGantry.await(
                        () -> {
                            try {
                                return JSON.readTree(aws.run("servicediscovery", "get-operation", "--operation-id", op))
                                        .path("Operation");
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        o -> o.path("Status").asText().equals("SUCCESS"),
                        Duration.ofSeconds(60),
                        "the namespace's operation")
                .path("Targets")
                .path("NAMESPACE")
                .asText();
        String serviceId = aws.run(
                "servicediscovery",
                "create-service",
                "--name",
                "api",
                "--dns-config",
                "NamespaceId=" + namespaceId + ",RoutingPolicy=MULTIVALUE,DnsRecords=[{Type=A,TTL=10}]",
                "--query",
                "Service.Id",
                "--output",
                "text");
        for (String[] i : new String[][] {{"i-1", "10.79.0.1"}, {"i-2", "10.79.0.2"}}) {
            aws.run(
                    "servicediscovery",
                    "register-instance",
                    "--service-id",
                    serviceId,
                    "--instance-id",
                    i[0],
                    "--attributes",
                    "AWS_INSTANCE_IPV4=" + i[1]);
        }
        aws.run("servicediscovery", "deregister-instance", "--service-id", serviceId, "--instance-id", "i-2");
        TestGantry.await(
                () -> {
                    try {
                        return aws.run(
                                "servicediscovery",
                                "list-instances",
                                "--service-id",
                                serviceId,
                                "--query",
                                "length(Instances)",
                                "--output",
                                "text");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                n -> n.equals("1"),
                Duration.ofSeconds(60),
                "i-2 deregistered");
        String ip = resolvingTask("dnsit-cloudmap", "subnet-gantry", "api.cmapi.local");
        assertThat(read(ip, "backend.txt")).contains("10.79.0.1").doesNotContain("10.79.0.2");
    }

    private static void zone() {
        ZONES.set(List.of(new DiscoveryZones.Namespace(
                "dnsit.local",
                15,
                List.of(new DiscoveryZones.Service(
                        "backend",
                        "MULTIVALUE",
                        Optional.of(30L),
                        Optional.empty(),
                        List.of(
                                new DiscoveryZones.Instance("t1", Optional.of("10.77.0.1"), Optional.of(80)),
                                new DiscoveryZones.Instance("t2", Optional.of("10.77.0.2"), Optional.of(80))))))));
        server.dnsChanged();
    }

    /** Runs a task in {@code subnetId} that looks names up and serves the answers on :8080; its IP. */
    private static String resolvingTask(String family, String subnetId) {
        return resolvingTask(family, subnetId, "backend.dnsit.local");
    }

    private static String resolvingTask(String family, String subnetId, String name) {
        String script = "cat /etc/resolv.conf > /www/resolv.txt;"
                + " nslookup -type=a " + name + " > /www/backend.txt 2>&1;"
                + " nslookup -type=a nope.dnsit.local > /www/nope.txt 2>&1;"
                + " nslookup -type=a outside.example > /www/outside.txt 2>&1;"
                + " httpd -f -p 8080 -h /www";
        ecs.registerTaskDefinition(TaskDefs.fargate(
                        family,
                        TaskDefs.container("app", "sh", "-c", script)
                                .image(IMAGE)
                                .build())
                .build());
        String arn = ecs.runTask(b -> b.taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                        .subnets(subnetId)
                                        .build())
                                .build()))
                .tasks()
                .get(0)
                .taskArn();
        Task t = TestGantry.await(
                () -> ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0),
                x -> x.lastStatus().equals("RUNNING") || x.lastStatus().equals("STOPPED"),
                Duration.ofSeconds(120),
                "task " + arn);
        assertThat(t.lastStatus()).as(t.stoppedReason()).isEqualTo("RUNNING");
        return t.containers().get(0).networkInterfaces().get(0).privateIpv4Address();
    }

    private static String read(String ip, String file) {
        return TestGantry.getWhenListening("http://" + ip + ":8080/" + file).body();
    }

    /** The fake host resolver: every A question gets {@value #OUTSIDE} (TTL 60); other types no data. */
    private static void answerUpstream() {
        byte[] buf = new byte[1500];
        while (!upstream.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                upstream.receive(p);
                int q = 12;
                while (buf[q] != 0) {
                    q += (buf[q] & 0xff) + 1;
                }
                boolean a = buf[q + 1] == 0 && buf[q + 2] == 1;
                int end = q + 5;
                byte[] ip = InetAddress.getByName(OUTSIDE).getAddress();
                byte[] r = new byte[end + (a ? 16 : 0)];
                System.arraycopy(buf, 0, r, 0, end);
                r[2] = (byte) 0x81;
                r[3] = (byte) 0x80;
                r[7] = (byte) (a ? 1 : 0);
                r[9] = 0;
                r[11] = 0;
                if (a) {
                    byte[] rr = {(byte) 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, ip[0], ip[1], ip[2], ip[3]};
                    System.arraycopy(rr, 0, r, end, rr.length);
                }
                upstream.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }
}

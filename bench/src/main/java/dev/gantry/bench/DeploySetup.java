package dev.gantry.bench;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * What {@link DeployBench} deploys to: the cluster, two busybox httpd images (v1, v2; {@code /index.html} answers
 * the version) built from scratch, their task definitions, and an internal ALB whose listener on {@code port}
 * forwards to an ip target group checked as the bench's health settings say.
 */
record DeploySetup(String v1, String v2, String targetGroup, int port) {

    static DeploySetup create(BenchGantry g, ElasticLoadBalancingV2Client elb, int port) {
        g.ecs.createCluster(b -> b.clusterName(DeployBench.CLUSTER));
        String v1 = register(g, "v1");
        String v2 = register(g, "v2");
        String lb = elb.createLoadBalancer(b -> b.name("bench-deploy")
                        .type(LoadBalancerTypeEnum.APPLICATION)
                        .scheme(LoadBalancerSchemeEnum.INTERNAL)
                        .subnets("subnet-12345", "subnet-67890"))
                .loadBalancers()
                .get(0)
                .loadBalancerArn();
        String tg = elb.createTargetGroup(b -> b.name("bench-deploy-web")
                        .protocol(ProtocolEnum.HTTP)
                        .port(8080)
                        .vpcId("vpc-12345")
                        .targetType(TargetTypeEnum.IP)
                        .healthCheckPath("/index.html")
                        .healthCheckIntervalSeconds(DeployBench.INTERVAL_S)
                        .healthCheckTimeoutSeconds(DeployBench.TIMEOUT_S)
                        .healthyThresholdCount(DeployBench.THRESHOLD)
                        .unhealthyThresholdCount(DeployBench.THRESHOLD))
                .targetGroups()
                .get(0)
                .targetGroupArn();
        elb.modifyTargetGroupAttributes(b -> b.targetGroupArn(tg)
                .attributes(a -> a.key("deregistration_delay.timeout_seconds")
                        .value(Integer.toString(DeployBench.DEREGISTRATION_DELAY_S))));
        elb.createListener(b -> b.loadBalancerArn(lb)
                .protocol(ProtocolEnum.HTTP)
                .port(port)
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg)));
        return new DeploySetup(v1, v2, tg, port);
    }

    private static String register(BenchGantry g, String version) {
        String image = "gantry-bench/web:" + version;
        g.server
                .driver()
                .buildBusyboxImage(
                        image,
                        g.server.config().busybox(),
                        Map.of("/www/index.html", (version + "\n").getBytes()),
                        List.of(),
                        true);
        return g.ecs.registerTaskDefinition(b -> b.family("bench-deploy-web")
                        .cpu("256")
                        .memory("512")
                        .networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .containerDefinitions(c -> c.name("web")
                                .image(image)
                                .command("sh", "-c", "httpd -f -p 8080 -h /www")
                                .portMappings(p -> p.containerPort(8080))
                                .stopTimeout(2)))
                .taskDefinition()
                .taskDefinitionArn();
    }
}

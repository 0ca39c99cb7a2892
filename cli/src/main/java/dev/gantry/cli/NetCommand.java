package dev.gantry.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/** {@code gantry net [--vpc ID]}: subnets, security groups, running tasks' interfaces and who may reach whom. */
@Command(
        name = "net",
        description = {
            "Show the task network: subnets (CIDR, zone, private or public, the engine network realising each),"
                    + " security groups with their inbound and outbound rules, running tasks' interfaces (task, IP,"
                    + " subnet, groups), and which task may open which ports on which (the client's outbound rules"
                    + " and the server's inbound rules both allowing it; 'host' is this machine: the router, health"
                    + " checks, a curl).",
            "Read through EC2's DescribeSubnets, DescribeSecurityGroups and DescribeNetworkInterfaces, ECS's"
                    + " DescribeTasks (every cluster) and ELBv2's DescribeLoadBalancers (their groups stand for the host)."
        })
final class NetCommand extends ApiCommand {
    /** Gantry's well-known security group of the host (a rule naming it admits traffic from the host). */
    static final String HOST_GROUP = "sg-gantry-host";

    @Option(names = "--vpc", paramLabel = "ID", description = "Only this VPC's subnets, groups and interfaces.")
    String vpc;

    @Override
    int run(GantryClients c) {
        List<Subnet> subnets = new ArrayList<>();
        c.ec2().describeSubnetsPaginator(b -> {}).subnets().forEach(n -> {
            if (inVpc(n.vpcId())) {
                subnets.add(n);
            }
        });
        List<SecurityGroup> groups = new ArrayList<>();
        c.ec2().describeSecurityGroupsPaginator(b -> {}).securityGroups().forEach(g -> {
            if (inVpc(g.vpcId())) {
                groups.add(g);
            }
        });
        List<NetworkInterface> enis = new ArrayList<>();
        c.ec2().describeNetworkInterfacesPaginator(b -> {}).networkInterfaces().forEach(n -> {
            if (inVpc(n.vpcId())) {
                enis.add(n);
            }
        });
        Map<String, Task> tasks = tasksByInterface(c.ecs());
        List<NetView.Interface> interfaces = new ArrayList<>();
        for (NetworkInterface n : enis) {
            Task t = tasks.get(n.networkInterfaceId());
            if (t == null) {
                t = tasks.get(attachmentOf(n.description()));
            }
            interfaces.add(new NetView.Interface(
                    t == null ? n.networkInterfaceId() : TaskIds.id(t.taskArn()),
                    t == null ? "" : family(t.taskDefinitionArn()),
                    n.networkInterfaceId(),
                    n.privateIpAddress(),
                    n.subnetId(),
                    n.groups().stream().map(GroupIdentifier::groupId).toList()));
        }
        Set<String> hostGroups = new TreeSet<>(Set.of(HOST_GROUP));
        c.elb().describeLoadBalancersPaginator(b -> {}).loadBalancers().stream()
                .map(LoadBalancer::securityGroups)
                .forEach(hostGroups::addAll);
        out().print(NetView.render(new NetView.Snapshot(subnets, groups, interfaces, hostGroups)));
        out().flush();
        return 0;
    }

    private boolean inVpc(String vpcId) {
        return vpc == null || vpc.equals(vpcId);
    }

    /** Running tasks of every cluster by their ENI id and by their ENI attachment id. */
    static Map<String, Task> tasksByInterface(EcsClient ecs) {
        Map<String, Task> out = new HashMap<>();
        for (String cluster : ecs.listClustersPaginator(b -> {}).clusterArns()) {
            List<String> arns = ecs
                    .listTasksPaginator(b -> b.cluster(cluster).desiredStatus(DesiredStatus.RUNNING))
                    .taskArns()
                    .stream()
                    .toList();
            for (int i = 0; i < arns.size(); i += 100) {
                List<String> batch = arns.subList(i, Math.min(arns.size(), i + 100));
                for (Task t :
                        ecs.describeTasks(b -> b.cluster(cluster).tasks(batch)).tasks()) {
                    for (Attachment a : t.attachments()) {
                        out.put(a.id(), t);
                        a.details().stream()
                                .filter(d -> "networkInterfaceId".equals(d.name()))
                                .map(KeyValuePair::value)
                                .forEach(eni -> out.put(eni, t));
                    }
                }
            }
        }
        return out;
    }

    /** {@code arn:aws:ecs:...:attachment/ID} (a Fargate ENI's description) → {@code ID}. */
    static String attachmentOf(String description) {
        if (description == null) {
            return "";
        }
        int slash = description.lastIndexOf("attachment/");
        return slash < 0 ? "" : description.substring(slash + "attachment/".length());
    }

    /** {@code arn:...:task-definition/web:3} → {@code web:3}. */
    static String family(String taskDefinitionArn) {
        if (taskDefinitionArn == null) {
            return "";
        }
        int slash = taskDefinitionArn.lastIndexOf('/');
        return slash < 0 ? taskDefinitionArn : taskDefinitionArn.substring(slash + 1);
    }
}

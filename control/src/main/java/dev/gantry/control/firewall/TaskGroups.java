package dev.gantry.control.firewall;

import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.task.TaskNetwork;
import dev.gantry.core.task.TaskSpec;
import java.util.List;

/**
 * A task's security groups. {@link #PLACED}: what its launch decided ({@code TaskSpec.network()}: the
 * awsvpcConfiguration's groups, or the VPC's default group when it named none), and for a task stored before
 * placement existed the default VPC's default group. {@link #DEFAULT_GROUP} puts every task in that default group.
 */
@FunctionalInterface
public interface TaskGroups {
    TaskGroups DEFAULT_GROUP = spec -> List.of(DefaultVpc.SECURITY_GROUP_ID);
    TaskGroups PLACED = spec -> spec.network()
            .map(TaskNetwork::securityGroupIds)
            .filter(groups -> !groups.isEmpty())
            .orElse(List.of(DefaultVpc.SECURITY_GROUP_ID));

    List<String> of(TaskSpec spec);
}

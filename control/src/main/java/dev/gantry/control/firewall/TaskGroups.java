package dev.gantry.control.firewall;

import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.task.TaskSpec;
import java.util.List;

/**
 * A task's security groups, from what its launch decided (awsvpcConfiguration.securityGroups, or the VPC's default
 * group when it named none). {@link #DEFAULT_GROUP} puts every task in the default VPC's default group: what holds
 * until the task's spec carries its network.
 */
@FunctionalInterface
public interface TaskGroups {
    TaskGroups DEFAULT_GROUP = spec -> List.of(DefaultVpc.SECURITY_GROUP_ID);

    List<String> of(TaskSpec spec);
}

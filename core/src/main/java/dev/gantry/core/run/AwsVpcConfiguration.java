package dev.gantry.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The task ENI's placement: subnets (1-16), security groups (0-5) and whether it gets a public IP. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AwsVpcConfiguration(List<String> subnets, List<String> securityGroups, String assignPublicIp) {
    public List<String> subnetsOrEmpty() {
        return subnets == null ? List.of() : subnets;
    }

    public List<String> securityGroupsOrEmpty() {
        return securityGroups == null ? List.of() : securityGroups;
    }

    /** ECS's default is DISABLED. */
    public String assignPublicIpOrDefault() {
        return assignPublicIp == null ? "DISABLED" : assignPublicIp;
    }
}

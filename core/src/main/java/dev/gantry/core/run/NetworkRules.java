package dev.gantry.core.run;

import dev.gantry.core.error.ApiException;
import java.util.List;

/** {@code networkConfiguration.awsvpcConfiguration}: required, 1-16 subnets, up to 5 security groups. */
final class NetworkRules {
    static final String REQUIRED = "Network Configuration must be provided when networkMode 'awsvpc' is specified.";
    static final int MAX_SUBNETS = 16;
    static final int MAX_SECURITY_GROUPS = 5;
    static final List<String> ASSIGN_PUBLIC_IP = List.of("ENABLED", "DISABLED");

    private NetworkRules() {}

    static void validate(NetworkConfiguration network) {
        if (network == null || network.awsvpcConfiguration() == null) {
            throw ApiException.invalidParameter(REQUIRED + " Gantry tasks always use awsvpc: pass "
                    + "networkConfiguration={awsvpcConfiguration={subnets=[...]}}.");
        }
        AwsVpcConfiguration vpc = network.awsvpcConfiguration();
        List<String> subnets = vpc.subnetsOrEmpty();
        if (subnets.isEmpty()) {
            throw ApiException.invalidParameter(
                    "subnets can not be empty. List at least one subnet in " + "awsvpcConfiguration.subnets.");
        }
        if (subnets.size() > MAX_SUBNETS) {
            throw ApiException.invalidParameter("awsvpcConfiguration.subnets has " + subnets.size() + " items; the "
                    + "maximum is " + MAX_SUBNETS + ".");
        }
        ids("subnets", subnets);
        List<String> groups = vpc.securityGroupsOrEmpty();
        if (groups.size() > MAX_SECURITY_GROUPS) {
            throw ApiException.invalidParameter("awsvpcConfiguration.securityGroups has " + groups.size()
                    + " items; the maximum is " + MAX_SECURITY_GROUPS + ".");
        }
        ids("securityGroups", groups);
        if (vpc.assignPublicIp() != null && !ASSIGN_PUBLIC_IP.contains(vpc.assignPublicIp())) {
            throw ApiException.invalidParameter("Invalid assignPublicIp '" + vpc.assignPublicIp() + "'. Valid values "
                    + "are ENABLED and DISABLED (the default).");
        }
    }

    private static void ids(String field, List<String> ids) {
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw ApiException.invalidParameter(
                        "awsvpcConfiguration." + field + " contains an empty entry; " + "remove it or give an ID.");
            }
        }
    }
}

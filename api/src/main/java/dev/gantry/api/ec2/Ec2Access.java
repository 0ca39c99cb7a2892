package dev.gantry.api.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an EC2 call acts on, for IAM ({@code ec2:<Action>}): the ARNs of the VPC, subnet or security group it names
 * ({@code arn:aws:ec2:<region>:<account>:vpc/vpc-…}), the resources of CreateTags/DeleteTags; {@code *} for the
 * Describe calls and for creations, whose resource does not exist yet.
 */
final class Ec2Access {
    private final Views views;

    Ec2Access(Views views) {
        this.views = views;
    }

    AccessTarget of(String operation, JsonNode input) {
        In in = new In(input);
        List<String> arns = new ArrayList<>();
        switch (operation) {
            case "DeleteVpc" -> in.text("VpcId").ifPresent(id -> arns.add(views.arn("vpc", id)));
            case "CreateSubnet", "CreateSecurityGroup" ->
                in.text("VpcId").ifPresent(id -> arns.add(views.arn("vpc", id)));
            case "DeleteSubnet" -> in.text("SubnetId").ifPresent(id -> arns.add(views.arn("subnet", id)));
            case "DeleteSecurityGroup",
                    "AuthorizeSecurityGroupIngress",
                    "AuthorizeSecurityGroupEgress",
                    "RevokeSecurityGroupIngress",
                    "RevokeSecurityGroupEgress" ->
                in.text("GroupId").ifPresent(id -> arns.add(views.arn("security-group", id)));
            case "CreateTags", "DeleteTags" ->
                in.texts("Resources")
                        .forEach(id -> Views.resourceType(id).ifPresent(type -> arns.add(views.arn(type, id))));
            default -> {}
        }
        return arns.isEmpty() ? AccessTarget.ANY : new AccessTarget(arns, Map.of());
    }
}

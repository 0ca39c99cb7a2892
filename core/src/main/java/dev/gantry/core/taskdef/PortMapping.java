package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A container port. Under awsvpc the port is reachable on the task's own IP; hostPort must equal containerPort. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortMapping(Integer containerPort, Integer hostPort, String protocol, String name, String appProtocol) {
    public String protocolOrDefault() {
        return protocol == null ? "tcp" : protocol;
    }
}

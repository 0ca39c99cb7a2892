package dev.gantry.core.servicediscovery;

import dev.gantry.core.id.IdSource;

/**
 * Cloud Map's identifiers and ARNs: {@code ns-} and {@code srv-} followed by 16 lowercase characters, operation ids
 * of 32 characters, a dash and 8 more, ARNs {@code arn:aws:servicediscovery:<region>:<account>:namespace/ns-…}.
 */
public final class CloudMapIds {
    private final IdSource ids;
    private final String region;
    private final String account;

    public CloudMapIds(IdSource ids, String region, String account) {
        this.ids = ids;
        this.region = region;
        this.account = account;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public String namespaceId() {
        return "ns-" + ids.taskId().substring(0, 16);
    }

    public String serviceId() {
        return "srv-" + ids.taskId().substring(0, 16);
    }

    public String operationId() {
        return ids.taskId() + "-" + ids.taskId().substring(0, 8);
    }

    public String namespaceArn(String namespaceId) {
        return "arn:aws:servicediscovery:" + region + ":" + account + ":namespace/" + namespaceId;
    }

    public String serviceArn(String serviceId) {
        return "arn:aws:servicediscovery:" + region + ":" + account + ":service/" + serviceId;
    }

    /** The id an {@code Id} member names: itself, or the last path part of an ARN of Cloud Map's. */
    public static String idOf(String idOrArn) {
        String s = idOrArn.strip();
        int slash = s.lastIndexOf('/');
        return s.startsWith("arn:") && slash >= 0 ? s.substring(slash + 1) : s;
    }
}

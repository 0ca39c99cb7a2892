package dev.gantry.control.lb;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.lb.LbError;
import dev.gantry.core.lb.LbTag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Pure checks of names, tags and target addresses, as ELBv2 words them. */
public final class LbNames {
    static final int MAX_TAGS = 50;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    static final String BAD_NAME = "The %s name '%s' is not valid: use 1-32 letters, digits and hyphens, not"
            + " starting or ending with a hyphen.";
    static final String INTERNAL_PREFIX = "The load balancer name '%s' is not valid: it must not start with"
            + " 'internal-' (ELB adds that prefix to an internal load balancer's DNS name).";
    static final String BAD_IP = "The IP address '%s' is not a valid IPv4 address: target groups of type ip"
            + " take the IPv4 address of a task (or any address this host can reach), e.g. 172.18.0.5.";
    static final String TAG_KEY = "Tag key '%s' is not valid: use 1-128 characters not starting with 'aws:'.";
    static final String TAG_VALUE = "The value of tag '%s' is too long: use at most 256 characters.";
    static final String DUPLICATE_TAG = "Tag key '%s' is given more than once: give each key once.";
    static final String TOO_MANY_TAGS = "A resource can have at most " + MAX_TAGS + " tags; this request would"
            + " give it %d. Remove some with RemoveTags first.";

    private LbNames() {}

    public static void checkLoadBalancerName(String name) {
        checkName("load balancer", name);
        if (name.startsWith("internal-")) {
            throw LbFailures.validation(String.format(INTERNAL_PREFIX, name));
        }
    }

    public static void checkName(String what, String name) {
        if (!NAME.matcher(name).matches()) {
            throw LbFailures.validation(String.format(BAD_NAME, what, name));
        }
    }

    public static void checkIp(String ip) {
        if (!IPV4.matcher(ip).matches()) {
            throw new ApiException(LbError.INVALID_TARGET, String.format(BAD_IP, ip));
        }
    }

    /** Checks the tags of one request; {@code existing} is how many other keys the resource already has. */
    public static void checkTags(List<LbTag> tags, int existing) {
        Set<String> seen = new HashSet<>();
        for (LbTag t : tags) {
            if (t.key().isEmpty() || t.key().length() > 128 || t.key().startsWith("aws:")) {
                throw LbFailures.validation(String.format(TAG_KEY, t.key()));
            }
            if (t.value().length() > 256) {
                throw LbFailures.validation(String.format(TAG_VALUE, t.key()));
            }
            if (!seen.add(t.key())) {
                throw new ApiException(LbError.DUPLICATE_TAG_KEYS, String.format(DUPLICATE_TAG, t.key()));
            }
        }
        if (existing + tags.size() > MAX_TAGS) {
            throw new ApiException(LbError.TOO_MANY_TAGS, String.format(TOO_MANY_TAGS, existing + tags.size()));
        }
    }
}

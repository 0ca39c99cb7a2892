package dev.gantry.api.protocol;

import java.util.Objects;

/** How a service is addressed on the wire, as botocore's {@code metadata} says: one record per AWS protocol. */
public sealed interface ServiceBinding {

    /** The botocore protocol name ({@code json}, {@code query}, {@code ec2}). */
    String protocol();

    /** AWS JSON 1.0/1.1: {@code POST /} with {@code X-Amz-Target: <targetPrefix>.<Operation>}. */
    record AwsJson(String targetPrefix) implements ServiceBinding {
        public AwsJson {
            requireText(targetPrefix, "targetPrefix");
        }

        @Override
        public String protocol() {
            return "json";
        }
    }

    /**
     * AWS Query ({@code Action=…&Version=…}, form-encoded) answered in XML.
     *
     * @param dialect      {@link QueryDialect#QUERY} (STS, IAM, ELBv2) or {@link QueryDialect#EC2}
     * @param apiVersion   botocore's {@code apiVersion}, e.g. {@code 2011-06-15}
     * @param xmlNamespace botocore's {@code xmlNamespace}, e.g. {@code https://sts.amazonaws.com/doc/2011-06-15/}
     */
    record Query(QueryDialect dialect, String apiVersion, String xmlNamespace) implements ServiceBinding {
        public Query {
            Objects.requireNonNull(dialect, "dialect");
            requireText(apiVersion, "apiVersion");
            requireText(xmlNamespace, "xmlNamespace");
        }

        @Override
        public String protocol() {
            return dialect == QueryDialect.EC2 ? "ec2" : "query";
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

package dev.gantry.api.protocol;

/**
 * A service spoken over AWS JSON 1.0/1.1: {@code POST /} with {@code X-Amz-Target: <prefix>.<Operation>}.
 * A convenience over {@link AwsService} whose binding is its target prefix; handlers stay protocol-free.
 */
public interface AwsJsonService extends AwsService {

    /** The X-Amz-Target prefix, e.g. {@code AmazonEC2ContainerServiceV20141113}. */
    String targetPrefix();

    @Override
    default ServiceBinding binding() {
        return new ServiceBinding.AwsJson(targetPrefix());
    }
}

package dev.gantry.core.service;

/**
 * The stages of a traffic-shifting deployment, in order (ECS's ServiceDeploymentLifecycleStage, plus
 * PRE_PRODUCTION_TRAFFIC_SHIFT, which exists only as a point for lifecycle hooks). A stage's work is done when it is
 * entered; a PAUSE hook on a stage holds the deployment in it until ContinueServiceDeployment.
 */
public enum LifecycleStage {
    PRE_SCALE_UP,
    SCALE_UP,
    POST_SCALE_UP,
    TEST_TRAFFIC_SHIFT,
    POST_TEST_TRAFFIC_SHIFT,
    PRE_PRODUCTION_TRAFFIC_SHIFT,
    PRODUCTION_TRAFFIC_SHIFT,
    POST_PRODUCTION_TRAFFIC_SHIFT,
    BAKE_TIME,
    CLEAN_UP;

    /** The stage after this one; CLEAN_UP is last. */
    public LifecycleStage next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    /** What DescribeServiceDeployments shows: the hook-only stage is reported as the stage before it. */
    public String wireName() {
        return this == PRE_PRODUCTION_TRAFFIC_SHIFT ? POST_TEST_TRAFFIC_SHIFT.name() : name();
    }

    /** Whether test traffic goes to the green target group in this stage. */
    public boolean testOnGreen() {
        return compareTo(TEST_TRAFFIC_SHIFT) >= 0;
    }
}

/**
 * An in-memory driver ({@link dev.gantry.runtime.fake.FakeDriver}) that behaves as the Docker driver does,
 * observably, for unit tests of the control plane and its benchmarks: sandboxes with addresses from a fake network,
 * images "pulled" on first use, containers that follow a scriptable {@link dev.gantry.runtime.fake.ContainerScript}
 * (fail to create or start, print, report health, exit with a code at once or later, ignore SIGTERM), events
 * delivered to watchers in order on their own threads, and injected engine failures per operation.
 *
 * <p>It is held to the Docker driver's observable behaviour by the same contract test
 * ({@code runtime/src/test/.../spi/TaskDriverContract}): {@code FakeDriverContractTest} runs it in unit tests,
 * {@code DockerDriverContractIT} runs the Docker driver against a real engine. A difference between the two is a
 * bug in one of them. Main code (not a test jar) so control's tests and {@code bench/} can use it; the server never
 * wires it.
 */
package dev.gantry.runtime.fake;

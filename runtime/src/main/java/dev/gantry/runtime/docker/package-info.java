/**
 * The Docker implementation of the driver SPI (Podman's Docker-compatible API is not supported yet: see
 * docs/compat/ecs.md).
 *
 * <p>This package owns every engine object Gantry creates on a Docker host: the shared {@code gantry} bridge
 * network, the sandbox image, the warm pool of sandboxes (one per task: it owns the task's network namespace),
 * and the task containers that join a sandbox's namespace. Every object is labelled with
 * {@code gantry.installation} and named deterministically from its task ({@link dev.gantry.runtime.docker.Names}),
 * so a restarted control plane finds what it already created.
 *
 * <p>Layout: {@link dev.gantry.runtime.docker.DockerDriver} is a thin facade; the pool
 * ({@code SandboxPool}), container creation ({@code ContainerSpecs}), observation mapping
 * ({@code Observations}), events ({@code EventWatcher}), logs ({@code LogFollower}, {@code LogLineSplitter}),
 * images ({@code ImagePuller}, {@code ImageReference}, {@code BusyboxImageBuilder}, {@code TarWriter}) and error
 * translation ({@code DockerErrors}) live in their own package-private classes. Pure parts have unit tests;
 * {@code DockerDriverIT} runs against a real engine.
 *
 * <p>The driver reports observations and performs effects; it never decides task state.
 */
package dev.gantry.runtime.docker;

/**
 * AWS Cloud Map over AWS JSON 1.1 ({@code X-Amz-Target: Route53AutoNaming_v20170314.<Action>}, signing name and IAM
 * prefix {@code servicediscovery}): {@link dev.gantry.api.servicediscovery.CloudMapService} and its handler
 * families. Protocol-free like every service: handlers read the request tree
 * ({@link dev.gantry.api.servicediscovery.CloudMapInput}), call {@link dev.gantry.control.discovery.CloudMap} (every
 * change) or read its store, and render Cloud Map's shapes ({@link dev.gantry.api.servicediscovery.CloudMapViews}).
 */
package dev.gantry.api.servicediscovery;

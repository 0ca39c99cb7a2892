/**
 * Elastic Load Balancing v2 (elasticloadbalancing-2015-12-01, AWS Query protocol), protocol-free like every
 * service: the Query codec decodes the form and types it by the botocore model shipped beside this package
 * ({@code service-2.json.gz}), these handlers map the typed members to {@code control/lb} and render ELBv2's output
 * shapes, and the codec writes the XML. Errors are ELBv2's ({@link dev.gantry.api.elbv2.Elbv2Errors}).
 */
package dev.gantry.api.elbv2;

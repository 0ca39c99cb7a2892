/**
 * ECS Service Connect below the wire (ADR 16): which Cloud Map namespace a service joins
 * ({@link dev.gantry.control.serviceconnect.ServiceConnectNamespaces}, a seam until Cloud Map's store backs it), the
 * pure plan of a namespace's endpoints ({@link dev.gantry.control.serviceconnect.EndpointPlanner}: a virtual address
 * per client alias, a router listener and target group per endpoint, fed from the target service's running tasks)
 * and the loop that applies it to Service Connect's own router ({@link dev.gantry.control.serviceconnect.ServiceConnectPlane}).
 */
package dev.gantry.control.serviceconnect;

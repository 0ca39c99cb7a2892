/** The socket transport the router runs on: Linux epoll where it loads, Java NIO elsewhere. */
package dev.gantry.router.net;

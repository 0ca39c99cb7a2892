package dev.gantry.router.proxy;

import dev.gantry.router.state.GroupState;
import dev.gantry.router.state.ListenerRoutes;
import dev.gantry.router.state.TargetSlot;
import dev.gantry.router.table.Action;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Optional;

/**
 * A client connection of a TCP listener (NLB-like): picks a target of the listener's group when the client
 * connects, connects to it on the same event loop and then relays bytes both ways. The client is not read from
 * until the target connection is up; no target, or a failed connect, closes the client.
 */
final class TcpFrontHandler extends ChannelInboundHandlerAdapter {
    private final ProxySettings settings;
    private final String listenerId;

    TcpFrontHandler(ProxySettings settings, String listenerId) {
        this.settings = settings;
        this.listenerId = listenerId;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Channel client = ctx.channel();
        Optional<ListenerRoutes> routes = settings.snapshots().get().listener(listenerId);
        if (routes.isEmpty() || !(routes.get().listener().defaultAction() instanceof Action.Forward forward)) {
            client.close();
            return;
        }
        GroupState group = routes.get().pick(forward);
        TargetSlot slot = group.pick();
        if (slot == null) {
            client.close();
            return;
        }
        ChannelFuture connect = PrefaceRelay.relayTo(client, slot, settings.connectTimeout());
        connect.addListener(f -> {
            Channel target = connect.channel();
            if (!f.isSuccess() || !client.isActive()) { // refused, timed out, or the client left meanwhile
                client.close();
                target.close();
                return;
            }
            client.pipeline().replace(this, "relay", new Relay(target));
            Relay.closeWhenIdle(client, settings.clientIdleTimeout());
            client.config().setAutoRead(true);
            target.config().setAutoRead(true);
        });
    }
}

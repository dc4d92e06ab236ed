package dev.rpcadapter.web.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.channel.ChannelOperations;

/**
 * Keeps a keep-alive HTTP/1.1 connection reading when Reactor Netty (1.3.6 and 1.3.7,
 * reactor/reactor-netty#4361) forgets to. Reactor Netty reads on demand. A request that
 * arrives before the previous exchange has fully ended is queued together with the end of
 * its body; when it is answered before that end was handed over (a 404 or any answer that
 * ignores the body), the queue drains without anyone asking for the next read, and the
 * next request on the connection is never read. Such an orphaned end of body reaches this
 * handler while no exchange is bound to the channel; it then asks for the read, after
 * Reactor Netty's own draining has run.
 */
@ChannelHandler.Sharable
public final class PipelinedReadResumer extends ChannelInboundHandlerAdapter {

	static final String NAME = "rpcAdapterPipelinedReadResumer";

	private static final PipelinedReadResumer INSTANCE = new PipelinedReadResumer();

	private PipelinedReadResumer() {
	}

	/**
	 * Installs the handler on every HTTP/1.1 connection, once its pipeline is complete.
	 */
	public static NettyServerCustomizer customizer() {
		return (server) -> server.doOnConnection(PipelinedReadResumer::install);
	}

	static void install(Connection connection) {
		ChannelPipeline pipeline = connection.channel().pipeline();
		if (pipeline.get(NAME) == null && pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
			pipeline.addAfter(NettyPipeline.HttpTrafficHandler, NAME, INSTANCE);
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		boolean orphan = msg instanceof LastHttpContent && ChannelOperations.get(ctx.channel()) == null;
		ctx.fireChannelRead(msg);
		if (orphan) {
			Channel channel = ctx.channel();
			// queued behind the draining Reactor Netty scheduled: if that started a new
			// exchange, it reads for itself
			ctx.executor().execute(() -> {
				if (channel.isActive() && ChannelOperations.get(channel) == null) {
					channel.read();
				}
			});
		}
	}

}

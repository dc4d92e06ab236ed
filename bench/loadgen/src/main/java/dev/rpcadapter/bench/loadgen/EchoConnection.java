package dev.rpcadapter.bench.loadgen;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * One keep-alive connection with one echo call in flight: the next request is written
 * when the previous answer has been read and checked (and, with a rate, not before its
 * turn), until the run's window is over. Runs on its channel's event loop only, so its
 * {@link Recorder} needs no locking.
 */
final class EchoConnection extends SimpleChannelInboundHandler<FullHttpResponse> {

	private final String path;

	private final HttpHeaders headers;

	private final Window window;

	private final Recorder recorder;

	private final CountDownLatch finished;

	private final Runnable reconnect;

	private final long intervalNanos;

	private long started;

	private long nextDue;

	private boolean done;

	EchoConnection(String path, HttpHeaders headers, Window window, Recorder recorder, CountDownLatch finished,
			Runnable reconnect, long intervalNanos) {
		this.path = path;
		this.intervalNanos = intervalNanos;
		this.headers = headers;
		this.window = window;
		this.recorder = recorder;
		this.finished = finished;
		this.reconnect = reconnect;
	}

	/** Called once the connection is ready (after the TLS handshake on https). */
	void start(ChannelHandlerContext context) {
		send(context);
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
		long ended = System.nanoTime();
		boolean passed = EchoCheck.passes(response.status().code(), ByteBufUtil.getBytes(response.content()));
		if (!passed) {
			this.recorder.error();
			LoadGenerator.reportFirstError("an answer failed the echo check: HTTP " + response.status());
		}
		else if (this.window.counts(this.started, ended)) {
			this.recorder.success(this.started, ended - this.started);
		}
		if (this.window.over(ended)) {
			finish(context);
		}
		else {
			long wait = this.nextDue - System.nanoTime();
			if (wait > 0) {
				context.executor().schedule(() -> send(context), wait, TimeUnit.NANOSECONDS);
			}
			else {
				send(context);
			}
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
		LoadGenerator.reportFirstError("transport error: " + cause);
		context.close();
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) {
		if (!this.done) {
			// closed under us: an error, then carry on with a new connection (counted as
			// opened)
			this.recorder.error();
			LoadGenerator.reportFirstError("connection closed by the server");
			this.done = true;
			if (this.window.over(System.nanoTime())) {
				this.finished.countDown();
			}
			else {
				this.reconnect.run();
			}
		}
	}

	private void send(ChannelHandlerContext context) {
		FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, this.path,
				Unpooled.wrappedBuffer(EchoCheck.REQUEST));
		request.headers().set(this.headers).setInt("Content-Length", EchoCheck.REQUEST.length);
		this.started = System.nanoTime();
		this.nextDue = Math.max(this.nextDue, this.started - this.intervalNanos) + this.intervalNanos;
		context.writeAndFlush(request, context.voidPromise());
	}

	private void finish(ChannelHandlerContext context) {
		this.done = true;
		this.finished.countDown();
		context.close();
	}

}

package dev.rpcadapter.bench.loadgen;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;

/**
 * Opens {@code connections} keep-alive connections (TLS with hostname verification and
 * the client certificate on https), drives them through a {@link Window} and collects
 * their recorders.
 */
final class Driver {

	private final Options options;

	private final HttpHeaders headers;

	private final SslContext tls;

	private final LongAdder connectionsOpened = new LongAdder();

	Driver(Options options) throws IOException {
		this.options = options;
		URI url = options.url();
		this.headers = new DefaultHttpHeaders().set(HttpHeaderNames.HOST, url.getHost() + ":" + port(url))
			.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
		options.headers().forEach(this.headers::set);
		this.tls = options.secure() ? tls(options) : null;
	}

	/**
	 * Drives the connections through the window; returns every connection's recorder once
	 * all are done.
	 */
	List<Recorder> run(Window window) throws InterruptedException {
		EventLoopGroup loops = new MultiThreadIoEventLoopGroup(this.options.threads(), NioIoHandler.newFactory());
		try {
			CountDownLatch finished = new CountDownLatch(this.options.connections());
			List<Recorder> recorders = new ArrayList<>();
			Bootstrap bootstrap = new Bootstrap().group(loops)
				.channel(NioSocketChannel.class)
				.option(ChannelOption.TCP_NODELAY, true);
			for (int i = 0; i < this.options.connections(); i++) {
				Recorder recorder = new Recorder();
				recorders.add(recorder);
				connect(bootstrap, window, recorder, finished);
			}
			long waitNanos = window.measureUntil() - System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			if (!finished.await(waitNanos, TimeUnit.NANOSECONDS)) {
				throw new IllegalStateException("connections still busy 30s after the end of the run");
			}
			return recorders;
		}
		finally {
			loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

	long connectionsOpened() {
		return this.connectionsOpened.sum();
	}

	private void connect(Bootstrap bootstrap, Window window, Recorder recorder, CountDownLatch finished) {
		String host = this.options.url().getHost();
		int port = port(this.options.url());
		String path = this.options.url().getRawPath();
		EchoConnection echo = new EchoConnection(path.isEmpty() ? "/" : path, this.headers, window, recorder, finished,
				() -> connect(bootstrap, window, recorder, finished), intervalNanos());
		bootstrap.clone().handler(new ChannelInitializer<Channel>() {
			@Override
			protected void initChannel(Channel channel) {
				ChannelPipeline pipeline = channel.pipeline();
				if (Driver.this.tls != null) {
					pipeline.addLast(sslHandler(channel, host, port));
				}
				pipeline.addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), echo);
			}
		}).connect(host, port).addListener((connected) -> {
			if (!connected.isSuccess()) {
				recorder.error();
				LoadGenerator.reportFirstError("connect failed: " + connected.cause());
				finished.countDown();
				return;
			}
			this.connectionsOpened.increment();
			Channel channel = ((io.netty.channel.ChannelFuture) connected).channel();
			SslHandler ssl = channel.pipeline().get(SslHandler.class);
			if (ssl == null) {
				echo.start(channel.pipeline().context(echo));
			}
			else {
				ssl.handshakeFuture().addListener((handshake) -> {
					if (handshake.isSuccess()) {
						echo.start(channel.pipeline().context(echo));
					}
					else {
						LoadGenerator.reportFirstError("TLS handshake failed: " + handshake.cause());
					}
				});
			}
		});
	}

	/**
	 * The pause between two sends of one connection for the requested rate; 0 without a
	 * rate.
	 */
	private long intervalNanos() {
		return (this.options.rate() > 0) ? (long) (1e9 * this.options.connections() / this.options.rate()) : 0;
	}

	private SslHandler sslHandler(Channel channel, String host, int port) {
		SslHandler handler = this.tls.newHandler(channel.alloc(), host, port);
		SSLEngine engine = handler.engine();
		SSLParameters parameters = engine.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		engine.setSSLParameters(parameters);
		// Netty's 10 s default fails handshakes on a saturated machine (many connections
		// at once)
		handler.setHandshakeTimeoutMillis(60_000);
		return handler;
	}

	private static SslContext tls(Options options) throws IOException {
		SslContextBuilder builder = SslContextBuilder.forClient();
		if (options.caCertificate() != null) {
			builder.trustManager(options.caCertificate().toFile());
		}
		if (options.clientCertificate() != null) {
			builder.keyManager(options.clientCertificate().toFile(), options.clientKey().toFile());
		}
		return builder.build();
	}

	private static int port(URI url) {
		if (url.getPort() != -1) {
			return url.getPort();
		}
		return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
	}

}

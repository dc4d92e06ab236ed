package dev.rpcadapter.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.rpcadapter.test.TestServers;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real rpc-adapter server ({@link IntegrationTestApplication}) on a random port, for
 * the client integration tests.
 */
public final class TestServer implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final int port;

	private TestServer(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = TestServers.port(context);
	}

	/** Starts a server; {@code properties} are added to (and override) the defaults. */
	public static TestServer start(Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("logging.level.dev.rpcadapter", "WARN");
		all.putAll(properties);
		return new TestServer(TestServers.start(IntegrationTestApplication.class, all));
	}

	public static TestServer start() {
		return start(Map.of());
	}

	public int port() {
		return this.port;
	}

	/**
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI httpUrl() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * @return {@code https://<host>:<port>}
	 */
	public URI httpsUrl(String host) {
		return URI.create("https://" + host + ":" + this.port);
	}

	public IntegrationCommands commands() {
		return this.context.getBean(IntegrationCommands.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

}

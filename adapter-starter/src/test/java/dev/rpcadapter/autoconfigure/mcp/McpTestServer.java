package dev.rpcadapter.autoconfigure.mcp;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.rpcadapter.test.McpTestClient;
import dev.rpcadapter.test.TestServers;
import org.springframework.context.ConfigurableApplicationContext;

/** {@link McpTestApplication} on a random port. */
final class McpTestServer implements AutoCloseable {

	final ConfigurableApplicationContext context;

	final URI mcp;

	private McpTestServer(ConfigurableApplicationContext context) {
		this.context = context;
		this.mcp = TestServers.httpUrl(context).resolve("/mcp");
	}

	static McpTestServer start(Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("adapter.queue.poll-interval", "100ms");
		all.put("adapter.queue.stop-grace-period", "300ms");
		all.putAll(properties);
		return new McpTestServer(TestServers.start(McpTestApplication.class, all));
	}

	McpTestClient client() {
		return new McpTestClient(this.mcp);
	}

	McpTestApplication.Tools tools() {
		return this.context.getBean(McpTestApplication.Tools.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

}

package dev.rpcadapter.autoconfigure.mcp;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.rpcadapter.test.McpTestClient;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** {@link McpTestApplication} on a random port. */
final class McpTestServer implements AutoCloseable {

	final ConfigurableApplicationContext context;

	final URI mcp;

	private McpTestServer(ConfigurableApplicationContext context) {
		this.context = context;
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		this.mcp = URI.create("http://127.0.0.1:" + port + "/mcp");
	}

	static McpTestServer start(Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("server.port", "0");
		all.put("spring.main.banner-mode", "off");
		all.put("logging.level.root", "WARN");
		all.put("adapter.queue.poll-interval", "100ms");
		all.put("adapter.queue.stop-grace-period", "300ms");
		all.putAll(properties);
		return new McpTestServer(new SpringApplicationBuilder(McpTestApplication.class).web(WebApplicationType.REACTIVE)
			.properties(all).run());
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

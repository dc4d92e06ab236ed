package dev.rpcadapter.test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a test application as a real reactive server on a random port of 127.0.0.1. */
public final class TestServers {

	private TestServers() {
	}

	/**
	 * The properties every test server starts with (random port, no banner, root logger
	 * at WARN), then {@code properties} added and overriding them.
	 */
	public static Map<String, Object> properties(Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("server.port", "0");
		all.put("spring.main.banner-mode", "off");
		all.put("logging.level.root", "WARN");
		all.putAll(properties);
		return all;
	}

	/**
	 * Starts the application with {@link #properties(Map)} and these command-line
	 * arguments.
	 */
	public static ConfigurableApplicationContext start(Class<?> application, Map<String, Object> properties,
			String... args) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.REACTIVE)
			.properties(properties(properties))
			.run(args);
	}

	/**
	 * @return the port the server listens on
	 */
	public static int port(ConfigurableApplicationContext context) {
		WebServer server = ((WebServerApplicationContext) context).getWebServer();
		if (server == null) {
			throw new IllegalStateException("The application has no web server");
		}
		return server.getPort();
	}

	/**
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public static URI httpUrl(ConfigurableApplicationContext context) {
		return URI.create("http://127.0.0.1:" + port(context));
	}

}

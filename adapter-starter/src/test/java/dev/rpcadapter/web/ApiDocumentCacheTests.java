package dev.rpcadapter.web;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.discovery.ApiInfo;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentCacheTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final ApiInfo info = new ApiInfo("t", "1", "d", "/api/jsonrpc", "/cmd");

	private static ApiDocumentCache cache(String configuredUrl) {
		CommandRegistry registry = CommandRegistry.create();
		registry
			.register(new Command(CommandDescriptor.builder("ping").build(), (params) -> (c, j) -> Mono.just("pong")));
		return new ApiDocumentCache(registry, CommandAuthorizer.ALLOW_ALL, info, mapper, configuredUrl);
	}

	private static JsonNode openRpc(ApiDocumentCache cache, String base) {
		return mapper.readTree(cache.openRpc(Caller.ANONYMOUS, base));
	}

	@Test
	void serverUrlIsTheRequestsBaseUrlPlusTheEndpointPath() {
		ApiDocumentCache cache = cache("");
		assertThat(openRpc(cache, "http://a.example:1").at("/servers/0/url").asString())
			.isEqualTo("http://a.example:1/api/jsonrpc");
		JsonNode other = openRpc(cache, "https://b.example/");
		assertThat(other.at("/servers/0/url").asString()).isEqualTo("https://b.example/api/jsonrpc");
		assertThat(other.at("/methods/0/name").asString()).isEqualTo("ping");
		assertThat(openRpc(cache, null).at("/servers/0/url").asString()).isEqualTo("http://localhost/api/jsonrpc");
	}

	@Test
	void aConfiguredUrlWins() {
		assertThat(openRpc(cache("https://public.example/"), "http://internal:8080").at("/servers/0/url").asString())
			.isEqualTo("https://public.example/api/jsonrpc");
	}

	@Test
	void aUrlNeedingJsonEscapesIsEscaped() {
		JsonNode doc = openRpc(cache(""), "http://evil\"host");
		assertThat(doc.at("/servers/0/url").asString()).isEqualTo("http://evil\"host/api/jsonrpc");
	}

}

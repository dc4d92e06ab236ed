package dev.rpcadapter.mcp;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaticResourcesTests {

	@Test
	void templateVariablesMatchOnePathSegmentEach() {
		assertThat(StaticResources.match("test://template/{id}/data", "test://template/123/data"))
			.isEqualTo(Map.of("id", "123"));
		assertThat(StaticResources.match("test://template/{id}/data", "test://template/1/2/data")).isNull();
		assertThat(StaticResources.match("users://{a}.{b}", "users://x.y")).isEqualTo(Map.of("a", "x", "b", "y"));
	}

	@Test
	void literalPartsAreNotRegularExpressions() {
		assertThat(StaticResources.match("a.b://{x}", "aXb://1")).isNull();
	}

}

package com.example.firstcontact;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command, written as a user writes it, called over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.main.banner-mode=off")
class FirstContactIntegrationTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private JsonNode rpc(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/jsonrpc"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return mapper.readTree(response.body());
	}

	@Test
	void readmeSubtractAnswersByNameAndByPosition() throws Exception {
		JsonNode byName = rpc(
				"{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":42,\"subtrahend\":23},\"id\":1}");
		assertThat(byName.path("result").asLong()).as(byName.toString()).isEqualTo(19);
		JsonNode byPosition = rpc("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":2}");
		assertThat(byPosition.path("result").asLong()).as(byPosition.toString()).isEqualTo(19);
	}

	@Test
	void packagePrivateMethodOfAClassProxiedBeanRunsOnTheTarget() throws Exception {
		assertThat(AopUtils.isCglibProxy(this.context.getBean(ValidatedCommands.class))).isTrue();
		JsonNode response = rpc("{\"jsonrpc\":\"2.0\",\"method\":\"percent\",\"params\":{\"value\":42},\"id\":1}");
		assertThat(response.path("result").asString()).as(response.toString()).isEqualTo("42%");
		JsonNode tooBig = rpc("{\"jsonrpc\":\"2.0\",\"method\":\"percent\",\"params\":{\"value\":101},\"id\":2}");
		assertThat(tooBig.path("error").path("code").asInt()).as(tooBig.toString()).isEqualTo(-32602);
	}

	@Test
	void interfaceDeclaredCommandOfAnInterfaceProxyRunsThroughTheProxy() throws Exception {
		assertThat(AopUtils.isJdkDynamicProxy(this.context.getBean(Greeter.class))).isTrue();
		int before = GreeterConfiguration.intercepted.get();
		JsonNode response = rpc("{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":{\"name\":\"Ada\"},\"id\":1}");
		assertThat(response.path("result").asString()).as(response.toString()).isEqualTo("Hello, Ada!");
		assertThat(GreeterConfiguration.intercepted.get()).isEqualTo(before + 1);
	}

}

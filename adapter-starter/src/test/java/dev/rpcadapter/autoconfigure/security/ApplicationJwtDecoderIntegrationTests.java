package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that declares its own {@link ReactiveJwtDecoder} bean (as Spring Boot's
 * resource-server support also does): the adapter verifies JWTs with it, no
 * {@code adapter.security.jwt.*} key needed, roles and principal read from Boot's
 * claim-name keys.
 */
class ApplicationJwtDecoderIntegrationTests {

	private static TestServer server;

	private static final HttpClient client = TestServer.client(null);

	@BeforeAll
	static void start() {
		server = TestServer.start(List.of(DecoderConfiguration.class), "http", "adapter.security.enabled=true",
				"spring.security.oauth2.resourceserver.jwt.authorities-claim-name=groups",
				"adapter.security.roles.user=add,whoami");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void tokensVerifiedByTheApplicationsDecoderAuthenticate() throws Exception {
		String token = Jwts.sign(Jwts.SECRET, Jwts.claims("carol", "ignored").claim("groups", List.of("user")).build());
		JsonNode reply = server.post(client, "/api/jsonrpc", call("whoami", "{}"), "Authorization", "Bearer " + token)
			.json();

		assertThat(reply.path("result").path("principal").asString()).isEqualTo("jwt:" + Jwts.ISSUER + "|carol");
		assertThat(reply.path("result").path("roles").toString()).contains("user");
	}

	@Test
	void tokensTheDecoderRejectsAreRefused() throws Exception {
		String forged = Jwts.sign("another-secret-that-is-at-least-32-bytes!", Jwts.claims("carol", "user").build());

		assertThat(
				server.post(client, "/api/jsonrpc", call("whoami", "{}"), "Authorization", "Bearer " + forged).status())
			.isEqualTo(401);
	}

	@Configuration(proxyBeanMethods = false)
	static class DecoderConfiguration {

		@Bean
		ReactiveJwtDecoder applicationJwtDecoder() {
			SecretKeySpec key = new SecretKeySpec(Jwts.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
			return NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		}

	}

}

package dev.rpcadapter.autoconfigure.security;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWTs from an identity provider, configured with Spring Boot's own keys
 * ({@code spring.security.oauth2.resourceserver.jwt.*}): RS256 keys served from a real
 * JWK set endpoint, the audience (one of several) and issuer checked on a running server;
 * and queue administration decided by the configured {@code queue:admin} permission,
 * never by role names a token carries.
 */
class IdentityProviderJwtIntegrationTests {

	private static final String ISSUER = "https://idp.test/realms/apps";

	private static final String AUDIENCE = "orders-service";

	private static RSAKey key;

	private static HttpServer identityProvider;

	private static TestServer server;

	private static final HttpClient client = TestServer.client(null);

	@BeforeAll
	static void start() throws Exception {
		key = new RSAKeyGenerator(2048).keyID("idp-1").generate();
		byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		identityProvider.createContext("/certs", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		identityProvider.start();
		String jwkSetUri = "http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/certs";
		server = TestServer.start("http", "adapter.security.enabled=true",
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri,
				"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
				"spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE + ",reports-service",
				"adapter.security.roles.user=add,whoami,report,queue_*",
				"adapter.security.roles.ops=queue_*,queue:admin");
	}

	@AfterAll
	static void stop() {
		server.close();
		identityProvider.stop(0);
	}

	@Test
	void tokensOfTheProviderForThisServiceAreAccepted() throws Exception {
		TestServer.Reply reply = post(call("whoami", "{}"), token(claims("alice", "user")));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("result").path("principal").asString()).isEqualTo("jwt:" + ISSUER + "|alice");
	}

	@Test
	void tokensForAnotherAudienceOrFromAnotherIssuerAreRefused() throws Exception {
		JWTClaimsSet otherAudience = claims("alice", "user").audience("billing-service").build();
		JWTClaimsSet otherIssuer = claims("alice", "user").issuer("https://idp.test/realms/other").build();
		JWTClaimsSet noAudience = claims("alice", "user").audience(List.of()).build();

		assertThat(post(call("whoami", "{}"), sign(key, otherAudience)).status()).isEqualTo(401);
		assertThat(post(call("whoami", "{}"), sign(key, otherIssuer)).status()).isEqualTo(401);
		assertThat(post(call("whoami", "{}"), sign(key, noAudience)).status()).isEqualTo(401);
	}

	@Test
	void tokensSignedWithAKeyOutsideTheSetAreRefused() throws Exception {
		RSAKey stranger = new RSAKeyGenerator(2048).keyID("idp-1").generate();

		assertThat(post(call("whoami", "{}"), sign(stranger, claims("alice", "user").build())).status()).isEqualTo(401);
	}

	@Test
	void roleNamesInATokenDoNotMakeAQueueAdmin() throws Exception {
		String jobId = submit("carol");
		String mallory = token(claims("mallory", "user,queue_admin,*"));

		assertThat(post(status(jobId), mallory).errorCode()).isEqualTo(-32004);
		assertThat(post(call("queue_list_jobs", "{}"), mallory).body()).doesNotContain(jobId);
		assertThat(post(call("queue_stop_job", "{\"job_id\":\"" + jobId + "\"}"), mallory).errorCode())
			.isEqualTo(-32004);
	}

	@Test
	void theConfiguredPermissionMakesAQueueAdmin() throws Exception {
		String jobId = submit("dave");
		String operator = token(claims("erin", "ops"));

		assertThat(post(status(jobId), operator).json().path("result").path("job_id").asString()).isEqualTo(jobId);
		assertThat(post(call("queue_list_jobs", "{}"), operator).body()).contains(jobId);
	}

	private static String submit(String owner) throws Exception {
		return post(call("report", "{\"title\":\"q4\"}"), token(claims(owner, "user"))).json()
			.path("result")
			.path("job_id")
			.asString();
	}

	private static String status(String jobId) {
		return call("queue_get_job_status", "{\"job_id\":\"" + jobId + "\"}");
	}

	private static TestServer.Reply post(String body, String jwt) throws Exception {
		return server.post(client, "/api/jsonrpc", body, "Authorization", "Bearer " + jwt);
	}

	private static JWTClaimsSet.Builder claims(String subject, String roles) {
		return new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.audience(AUDIENCE)
			.claim("roles", roles)
			.expirationTime(Date.from(Instant.now().plusSeconds(300)));
	}

	private static String token(JWTClaimsSet.Builder claims) {
		return sign(key, claims.build());
	}

	private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), claims);
			jwt.sign(new RSASSASigner(signingKey));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

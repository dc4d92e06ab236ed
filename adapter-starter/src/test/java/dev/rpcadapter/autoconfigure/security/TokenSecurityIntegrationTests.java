package dev.rpcadapter.autoconfigure.security;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API tokens and JWTs over plain HTTP and WebSocket against a real server. */
class TokenSecurityIntegrationTests {

	private static final String ADMIN = "admin-secret-key";

	private static final String USER = "user-secret-key";

	private static final String GUEST = "guest-secret-key";

	private static TestServer server;

	private final HttpClient client = TestServer.client(null);

	@BeforeAll
	static void start() throws Exception {
		String userHash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(USER.getBytes(StandardCharsets.UTF_8)));
		server = TestServer.start("http", "adapter.security.enabled=true",
				"adapter.security.tokens[" + ADMIN + "]=admin",
				"adapter.security.tokens[{sha256}" + userHash + "]=user",
				"adapter.security.tokens[" + GUEST + "]=guest", "adapter.security.roles.admin=*",
				"adapter.security.roles.user=echo,help,add,whoami,rpc.discover",
				"adapter.security.jwt.secret=" + Jwts.SECRET, "adapter.security.jwt.issuer-uri=" + Jwts.ISSUER);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void requestWithoutCredentialsIsRejectedWith401AndAuthenticationRequired() throws Exception {
		TestServer.Reply reply = server.post(this.client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}"));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.errorCode()).isEqualTo(-32001);
		assertThat(reply.json().get("id").isNull()).isTrue();
	}

	@Test
	void wrongTokenIsRejectedWith401() throws Exception {
		TestServer.Reply reply = server.post(this.client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}"), "X-API-Key",
				"not-a-token");

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.errorCode()).isEqualTo(-32001);
	}

	@Test
	void rightTokenCallsTheCommand() throws Exception {
		TestServer.Reply reply = server.post(this.client, "/api/jsonrpc", call("secret", "{}"), "X-API-Key", ADMIN);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("result").asString()).isEqualTo("the secret");
	}

	@Test
	void tokenConfiguredAsSha256HashAuthenticatesOnTheBearerHeader() throws Exception {
		TestServer.Reply reply = server.post(this.client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":2}"),
				"Authorization", "Bearer " + USER);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("result").asInt()).isEqualTo(3);
	}

	@Test
	void roleWithoutThePatternIsDeniedWithPermissionDenied() throws Exception {
		TestServer.Reply user = server.post(this.client, "/api/jsonrpc", call("secret", "{}"), "X-API-Key", USER);
		TestServer.Reply guest = server.post(this.client, "/api/jsonrpc", call("echo", "{}"), "X-API-Key", GUEST);

		assertThat(user.status()).isEqualTo(200);
		assertThat(user.errorCode()).isEqualTo(-32601);
		assertThat(guest.errorCode()).isEqualTo(-32601);
	}

	@Test
	void batchAuthorizesEachElement() throws Exception {
		String batch = "[" + call("add", "{\"a\":2,\"b\":2}") + ","
				+ call("secret", "{}").replace("\"id\":1", "\"id\":2") + "]";

		JsonNode replies = server.post(this.client, "/api/jsonrpc", batch, "X-API-Key", USER).json();

		assertThat(replies).hasSize(2);
		assertThat(byId(replies, 1).get("result").asInt()).isEqualTo(4);
		assertThat(byId(replies, 2).path("error").path("code").asInt()).isEqualTo(-32601);
	}

	@Test
	void cmdEndpointAuthenticatesAndAuthorizes() throws Exception {
		String secret = "{\"command\":\"secret\",\"params\":{}}";

		assertThat(server.post(this.client, "/cmd", secret).status()).isEqualTo(401);
		assertThat(
				server.post(this.client, "/cmd", secret, "X-API-Key", USER).json().path("error").path("code").asInt())
			.isEqualTo(-32601);
		assertThat(server.post(this.client, "/cmd", secret, "X-API-Key", ADMIN).json().get("result").asString())
			.isEqualTo("the secret");
	}

	@Test
	void callerCarriesTheTokenPrincipalAndRoles() throws Exception {
		JsonNode me = server.post(this.client, "/api/jsonrpc", call("whoami", "{}"), "X-API-Key", USER)
			.json()
			.get("result");

		assertThat(me.get("principal").asString()).startsWith("token:");
		assertThat(me.get("roles").toString()).isEqualTo("[\"user\"]");
		assertThat(me.path("attributes").path("authenticated_by").toString()).isEqualTo("[\"token\"]");
	}

	@Test
	void everyRequestOnOneKeepAliveConnectionIsAuthenticatedWithItsOwnCredentials() throws Exception {
		// the authenticator remembers who authenticated on a connection; a request with
		// other
		// credentials (a proxy may send several clients' requests on one connection) must
		// not inherit it
		try (OneConnection connection = OneConnection.open(server, null)) {
			String secret = call("secret", "{}");
			String whoami = call("whoami", "{}");

			assertThat(connection.post("/api/jsonrpc", secret, "X-API-Key", ADMIN).json().get("result").asString())
				.isEqualTo("the secret");
			assertThat(connection.post("/api/jsonrpc", secret, "X-API-Key", USER).errorCode()).isEqualTo(-32601);
			assertThat(connection.post("/api/jsonrpc", secret, "X-API-Key", ADMIN + "x").status()).isEqualTo(401);
			assertThat(connection.post("/api/jsonrpc", secret).status()).isEqualTo(401);
			assertThat(connection.post("/api/jsonrpc", secret, "Authorization", "Bearer " + USER).errorCode())
				.isEqualTo(-32601);
			JsonNode jwtCaller = connection
				.post("/api/jsonrpc", whoami, "Authorization", "Bearer " + Jwts.token("carol", "user"))
				.json()
				.get("result");
			assertThat(jwtCaller.get("principal").asString()).isEqualTo("jwt:" + Jwts.ISSUER + "|carol");
			assertThat(connection.post("/api/jsonrpc", whoami, "Authorization",
					"Bearer " + Jwts.sign(Jwts.SECRET,
							Jwts.claims("carol", "user")
								.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))
								.build()))
				.status()).as("an expired JWT after a valid one on the same connection").isEqualTo(401);
			assertThat(connection.post("/api/jsonrpc", secret, "Authorization", "Bearer " + ADMIN)
				.json()
				.get("result")
				.asString()).isEqualTo("the secret");
		}
	}

	@Test
	void jwtRolesClaimGivesRolesAndSubjectIsThePrincipal() throws Exception {
		String jwt = Jwts.token("bob", "user");

		JsonNode me = server.post(this.client, "/api/jsonrpc", call("whoami", "{}"), "Authorization", "Bearer " + jwt)
			.json()
			.get("result");
		TestServer.Reply denied = server.post(this.client, "/api/jsonrpc", call("secret", "{}"), "Authorization",
				"Bearer " + jwt);

		assertThat(me.get("principal").asString()).isEqualTo("jwt:" + Jwts.ISSUER + "|bob");
		assertThat(me.get("roles").toString()).isEqualTo("[\"user\"]");
		assertThat(denied.errorCode()).isEqualTo(-32601);
	}

	@Test
	void jwtWithBadSignatureIsRejected() throws Exception {
		String forged = Jwts.sign("another-secret-that-is-also-32-bytes-long!", Jwts.claims("bob", "admin").build());

		assertThat(bearer(forged).status()).isEqualTo(401);
	}

	@Test
	void expiredJwtIsRejected() throws Exception {
		String expired = Jwts.sign(Jwts.SECRET,
				Jwts.claims("bob", "admin")
					.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))
					.build());

		assertThat(bearer(expired).status()).isEqualTo(401);
		assertThat(bearer(expired).errorCode()).isEqualTo(-32001);
	}

	@Test
	void jwtFromAnotherIssuerIsRejected() throws Exception {
		String other = Jwts.sign(Jwts.SECRET, Jwts.claims("bob", "admin").issuer("https://evil.test").build());

		assertThat(bearer(other).status()).isEqualTo(401);
	}

	@Test
	void listingsShowOnlyPermittedCommands() throws Exception {
		JsonNode commands = server.get(this.client, "/commands", "X-API-Key", USER).json();
		String openApi = server.get(this.client, "/openapi.json", "X-API-Key", USER).body();
		String openRpc = server.get(this.client, "/openrpc.json", "X-API-Key", USER).body();
		String discover = server.post(this.client, "/api/jsonrpc", call("rpc.discover", "{}"), "X-API-Key", USER)
			.body();
		String help = server.post(this.client, "/api/jsonrpc", call("help", "{}"), "X-API-Key", USER).body();
		JsonNode adminCommands = server.get(this.client, "/commands", "X-API-Key", ADMIN).json();

		assertThat(commands.has("add")).isTrue();
		assertThat(commands.has("secret")).isFalse();
		assertThat(adminCommands.has("secret")).isTrue();
		assertThat(openApi).contains("\"add\"").doesNotContain("\"secret\"");
		assertThat(openRpc).contains("\"add\"").doesNotContain("\"secret\"");
		assertThat(discover).contains("\"add\"").doesNotContain("\"secret\"");
		assertThat(help).contains("add").doesNotContain("secret");
	}

	@Test
	void commandsListingIsNotPublic() throws Exception {
		assertThat(server.get(this.client, "/commands").status()).isEqualTo(401);
	}

	@Test
	void publicPathsAnswerWithoutCredentialsAndShowMoreWithThem() throws Exception {
		TestServer.Reply health = server.get(this.client, "/health");
		String anonymousDocs = server.get(this.client, "/docs").body();
		String adminDocs = server.get(this.client, "/docs", "X-API-Key", ADMIN).body();
		TestServer.Reply badTokenHealth = server.get(this.client, "/health", "X-API-Key", "stale");

		assertThat(health.status()).isEqualTo(200);
		assertThat(badTokenHealth.status()).isEqualTo(200);
		assertThat(anonymousDocs).doesNotContain("id=\"cmd-secret\"");
		assertThat(adminDocs).contains("id=\"cmd-secret\"");
	}

	@Test
	void responsesCarrySecurityHeadersIncludingRejections() throws Exception {
		TestServer.Reply ok = server.get(this.client, "/health");
		TestServer.Reply rejected = server.post(this.client, "/api/jsonrpc", call("add", "{}"));

		TestServer.Reply page = server.get(this.client, "/docs");

		for (TestServer.Reply reply : new TestServer.Reply[] { ok, rejected, page }) {
			assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
			assertThat(reply.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
		}
		assertThat(page.header("X-Frame-Options")).as("the HTML page may not be framed").isEqualTo("DENY");
		assertThat(page.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
		assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(ok.header("X-Frame-Options")).as("JSON answers carry no browser framing rules").isNull();
	}

	@Test
	void webSocketUpgradeWithoutCredentialsIsRejectedWith401() {
		assertThatThrownBy(
				() -> this.client.newWebSocketBuilder().buildAsync(server.webSocketUri(), new Frames()).join())
			.isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(401));
	}

	@Test
	void webSocketMessagesAreAuthorizedOneByOne() throws Exception {
		Frames frames = new Frames();
		WebSocket socket = this.client.newWebSocketBuilder()
			.header("X-API-Key", USER)
			.buildAsync(server.webSocketUri(), frames)
			.get(10, TimeUnit.SECONDS);
		try {
			socket.sendText(call("add", "{\"a\":20,\"b\":22}"), true).get(5, TimeUnit.SECONDS);
			JsonNode allowed = frames.next();
			socket.sendText(call("secret", "{}"), true).get(5, TimeUnit.SECONDS);
			JsonNode denied = frames.next();

			assertThat(allowed.get("result").asInt()).isEqualTo(42);
			assertThat(denied.path("error").path("code").asInt()).isEqualTo(-32601);
		}
		finally {
			socket.abort();
		}
	}

	private TestServer.Reply bearer(String token) throws Exception {
		return server.post(this.client, "/api/jsonrpc", call("add", "{\"a\":1,\"b\":1}"), "Authorization",
				"Bearer " + token);
	}

	private static JsonNode byId(JsonNode replies, int id) {
		for (JsonNode reply : replies) {
			if (reply.get("id").asInt() == id) {
				return reply;
			}
		}
		throw new AssertionError("no reply with id " + id + " in " + replies);
	}

	/** Collects text frames. */
	static final class Frames implements WebSocket.Listener {

		private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();

		private final StringBuilder partial = new StringBuilder();

		@Override
		public java.util.concurrent.CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.frames.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		JsonNode next() throws InterruptedException {
			String frame = this.frames.poll(10, TimeUnit.SECONDS);
			assertThat(frame).as("a frame within 10 s").isNotNull();
			return TestServer.JSON.readTree(frame);
		}

	}

}

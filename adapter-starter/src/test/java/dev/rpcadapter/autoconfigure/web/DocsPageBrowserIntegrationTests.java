package dev.rpcadapter.autoconfigure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code /docs} page of a real server, loaded and used in headless Chromium driven
 * over the Chrome DevTools Protocol. Needs {@code /usr/bin/chromium}; fails without it
 * unless {@code ADAPTER_SKIP_BROWSER_TESTS=true}. Leaves a screenshot in
 * {@code target/docs-page.png}.
 */
@Tag("browser")
class DocsPageBrowserIntegrationTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	static ConfigurableApplicationContext server;

	static HeadlessChromium chromium;

	static DevToolsSession page;

	static URI baseUrl;

	@BeforeAll
	static void startServerAndBrowser() throws Exception {
		chromium = HeadlessChromium.start(Path.of("target", "chromium.log")); // boots
																				// while
																				// the
																				// server
																				// starts
		server = new SpringApplicationBuilder(DocsApplication.class).web(WebApplicationType.REACTIVE)
			.properties(Map.of("server.port", "0", "spring.main.banner-mode", "off", "logging.level.root", "WARN",
					"adapter.info.name", "Docs test server", "spring.autoconfigure.exclude",
					"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"))
			.run();
		baseUrl = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort());
		page = DevToolsSession.openPage(chromium.browserEndpoint());
		page.send("Page.enable", Map.of());
		JsonNode navigation = page.send("Page.navigate", Map.of("url", baseUrl + "/docs"));
		assertThat(navigation.has("errorText")).as("navigation error %s", navigation).isFalse();
		await("the /docs page to load").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> "complete".equals(page.evaluate("document.readyState").asString("")));
	}

	@AfterAll
	static void stopBrowserAndServer() {
		if (page != null) {
			page.close();
		}
		if (chromium != null) {
			chromium.close();
		}
		if (server != null) {
			server.close();
		}
	}

	@Test
	void pageListsEveryCommandWithParamsTableAndExample() throws Exception {
		JsonNode sections = page.evaluate("""
				[...document.querySelectorAll('section.command')].map((s) => ({
				  name: s.dataset.command,
				  description: s.querySelector('.description').textContent,
				  params: [...s.querySelectorAll('table.params tbody tr')].map((tr) => tr.cells[0].textContent),
				  noParams: s.querySelector('.noparams') !== null,
				  example: s.querySelector('pre.example').textContent,
				  form: s.querySelector('form.try textarea') !== null
				}))""");
		List<String> listed = new ArrayList<>();
		sections.forEach((section) -> listed.add(section.path("name").asString()));
		assertThat(listed).containsExactlyInAnyOrderElementsOf(commandNames());
		assertThat(page.evaluate("document.querySelector('header h1').textContent").asString())
			.startsWith("Docs test server");
		JsonNode subtract = section(sections, "subtract");
		assertThat(subtract.path("description").asString()).isEqualTo("Subtract subtrahend from minuend");
		assertThat(subtract.path("params").toString()).isEqualTo("[\"minuend\",\"subtrahend\"]");
		assertThat(subtract.path("example").asString()).contains("curl",
				"-d '{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":1,\"subtrahend\":1},\"id\":1}'",
				baseUrl + "/api/jsonrpc");
		assertThat(section(sections, "greet").path("params").toString()).isEqualTo("[\"name\",\"times\"]");
		assertThat(section(sections, "server_time").path("noParams").asBoolean()).isTrue();
		sections.forEach(
				(section) -> assertThat(section.path("form").asBoolean()).as("try-it form of %s", section).isTrue());
		screenshot("docs-page.png");
	}

	@Test
	void paramsTableShowsTypesRequiredAndDefaults() {
		JsonNode rows = page.evaluate("""
				[...document.querySelectorAll('#cmd-greet table.params tbody tr')]
				  .map((tr) => [...tr.cells].map((td) => td.textContent))""");
		assertThat(rows.get(0).get(0).asString()).isEqualTo("name");
		assertThat(rows.get(0).get(1).asString()).isEqualTo("string");
		assertThat(rows.get(0).get(2).asString()).isEqualTo("yes");
		assertThat(rows.get(1).get(0).asString()).isEqualTo("times");
		assertThat(rows.get(1).get(2).asString()).isEqualTo("no");
		assertThat(rows.get(1).get(3).asString()).isEqualTo("1");
	}

	@Test
	void tryItFormCallsTheCommandAndShowsTheResult() throws Exception {
		String shown = submitAndAwait("subtract", "{\"minuend\": 5, \"subtrahend\": 3}", "\"result\": 2");
		assertThat(shown).contains("\"jsonrpc\": \"2.0\"");
		assertThat(page.evaluate("document.querySelector('#cmd-subtract pre.result').className").asString())
			.doesNotContain("error");
		page.evaluate("document.getElementById('cmd-subtract').scrollIntoView()");
		screenshot("docs-page-try-it.png");
	}

	@Test
	void tryItFormShowsInvalidParamsError() {
		String shown = submitAndAwait("greet", "{\"name\": \"Ada\", \"times\": 99}", "-32602");
		assertThat(shown).contains("\"error\"", "times");
		assertThat(page.evaluate("document.querySelector('#cmd-greet pre.result').className").asString())
			.contains("error");
	}

	@Test
	void descriptionsRenderInlineMarkdownAndStayEscaped() {
		JsonNode report = page.evaluate("""
				(() => {
				  const s = document.getElementById('cmd-report');
				  return {
				    html: s.querySelector('.description').innerHTML,
				    code: [...s.querySelectorAll('.description code, table.params code')].map((c) => c.textContent),
				    scripts: s.querySelectorAll('script').length
				  };
				})()""");
		assertThat(report.path("html").asString())
			.contains("<code>window</code>", "<strong>carefully</strong>", "&lt;script&gt;")
			.doesNotContain("`");
		assertThat(report.path("code").toString()).contains("\"window\"", "\"chunk\"");
		assertThat(report.path("scripts").asInt()).isZero();
	}

	@Test
	void aResultThatMentionsErrorIsNotPaintedAsAnError() {
		String shown = submitAndAwait("report", "{\"window\": 3}", "no error in 3 sentences");
		assertThat(shown).contains("\"result\"");
		assertThat(page.evaluate("document.querySelector('#cmd-report pre.result').className").asString())
			.isEqualTo("result ok");
	}

	@Test
	void noApiKeyBoxOnAServerWithoutSecurity() {
		assertThat(page.evaluate("document.getElementById('api-key') === null").asBoolean()).isTrue();
		assertThat(page.evaluate("document.querySelector('header .auth') === null").asBoolean()).isTrue();
	}

	@Test
	void tryItFormRejectsInvalidJsonWithoutCalling() {
		String shown = submitAndAwait("server_time", "{not json", "not valid JSON");
		assertThat(shown).startsWith("params are not valid JSON");
	}

	private static String submitAndAwait(String command, String params, String expected) {
		page.evaluate("""
				(() => {
				  const form = document.querySelector('form.try[data-command="%s"]');
				  form.querySelector('.result').textContent = '';
				  form.querySelector('textarea').value = %s;
				  form.querySelector('button[type=submit]').click();
				})()""".formatted(command, mapper.writeValueAsString(params)));
		String selector = "document.querySelector('form.try[data-command=\"" + command + "\"] pre.result').textContent";
		return await("the result of " + command + " to show " + expected).atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> page.evaluate(selector).asString(""), (text) -> text.contains(expected));
	}

	private static JsonNode section(JsonNode sections, String name) {
		for (JsonNode section : sections) {
			if (name.equals(section.path("name").asString())) {
				return section;
			}
		}
		throw new AssertionError("No section for " + name + " in " + sections);
	}

	private static List<String> commandNames() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(baseUrl.resolve("/commands")).build(), HttpResponse.BodyHandlers.ofString());
		List<String> names = new ArrayList<>();
		mapper.readTree(response.body()).propertyNames().forEach(names::add);
		assertThat(names).contains("subtract", "greet", "server_time", "report");
		return names;
	}

	private static void screenshot(String name) throws Exception {
		JsonNode shot = page.send("Page.captureScreenshot", Map.of("format", "png"));
		Files.write(Path.of("target", name), Base64.getDecoder().decode(shot.path("data").asString()));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class DocsApplication {

		@Bean
		DocsCommands docsCommands() {
			return new DocsCommands();
		}

	}

	/** The commands the page documents. */
	public static class DocsCommands {

		@JsonRpcCommand(name = "subtract", description = "Subtract subtrahend from minuend",
				blocking = JsonRpcCommand.Blocking.NO)
		public int subtract(@CommandParam(value = "minuend", description = "the number to subtract from") int minuend,
				@CommandParam(value = "subtrahend", description = "the number to subtract") int subtrahend) {
			return minuend - subtrahend;
		}

		@JsonRpcCommand(name = "greet", description = "Greet someone, possibly several times",
				blocking = JsonRpcCommand.Blocking.NO)
		public String greet(@CommandParam(value = "name", description = "who to greet") String name,
				@CommandParam(value = "times", description = "how often",
						defaultValue = "1") @Min(1) @Max(5) int times) {
			return ("Hello, " + name + "! ").repeat(times).trim();
		}

		@JsonRpcCommand(name = "report",
				description = "Report on `window` sentences, **carefully** <script>alert(1)</script>",
				blocking = JsonRpcCommand.Blocking.NO)
		public String report(@CommandParam(value = "window", description = "sentences per `chunk`") int window) {
			return "no error in " + window + " sentences";
		}

		@JsonRpcCommand(name = "server_time", description = "The server's clock", blocking = JsonRpcCommand.Blocking.NO)
		public String serverTime() {
			return java.time.Instant.now().toString();
		}

	}

}

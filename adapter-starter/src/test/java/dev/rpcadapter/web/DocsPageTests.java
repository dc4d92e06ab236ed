package dev.rpcadapter.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.discovery.ApiInfo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DocsPageTests {

	private static final ApiInfo info = new ApiInfo("t", "1", "the `demo`", "/api/jsonrpc", "/cmd");

	private static String render(boolean apiKeyBox) {
		CommandDescriptor command = CommandDescriptor.builder("x")
			.description("uses `a<b>` and **bold** *em* 2*3*4")
			.build();
		return new String(new DocsPage(info, JsonMapper.builder().build(), apiKeyBox).render(List.of(command)),
				StandardCharsets.UTF_8);
	}

	@Test
	void apiKeyBoxOnlyWhenRequestsAreAuthenticated() {
		assertThat(render(true)).contains("id=\"api-key\"");
		assertThat(render(false)).doesNotContain("id=\"api-key\"").doesNotContain("{{auth}}");
	}

	@Test
	void inlineMarkdownIsRenderedAfterEscaping() {
		assertThat(Markdown.inline("uses `a<b>` and **bold** *em* 2*3*4"))
			.isEqualTo("uses <code>a&lt;b&gt;</code> and <strong>bold</strong> <em>em</em> 2*3*4");
		assertThat(Markdown.inline("<img src=x onerror=alert(1)>")).doesNotContain("<img");
		assertThat(render(false)).contains("the <code>demo</code>");
	}

}

package dev.rpcadapter.mcpeverything;

import java.util.List;

import dev.rpcadapter.command.ToolContent;
import dev.rpcadapter.mcp.McpPrompt;
import dev.rpcadapter.mcp.McpResource;
import dev.rpcadapter.mcp.McpResourceContents;
import dev.rpcadapter.mcp.McpResourceTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conformance suite's resources and prompts, as beans the starter picks up. */
@Configuration(proxyBeanMethods = false)
class FixtureOfferings {

	@Bean
	McpResource staticText() {
		return new McpResource("test://static-text", "static-text", "A static text resource", "text/plain",
				() -> McpResourceContents.text("test://static-text", "text/plain",
						"This is the content of the static text resource."));
	}

	@Bean
	McpResource staticBinary() {
		return new McpResource("test://static-binary", "static-binary", "A static binary resource", "image/png",
				() -> McpResourceContents.bytes("test://static-binary", "image/png", Fixtures.PNG));
	}

	@Bean
	McpResource watched() {
		return new McpResource("test://watched-resource", "watched-resource", "A resource to subscribe to",
				"text/plain",
				() -> McpResourceContents.text("test://watched-resource", "text/plain", "Watched resource content."));
	}

	@Bean
	McpResourceTemplate dataTemplate() {
		return new McpResourceTemplate("test://template/{id}/data", "template-data", "Data per id", "application/json",
				(values) -> McpResourceContents.text("test://template/" + values.get("id") + "/data",
						"application/json", "{\"id\":\"" + values.get("id")
								+ "\",\"templateTest\":true,\"data\":\"Data for ID: " + values.get("id") + "\"}"));
	}

	@Bean
	McpPrompt simplePrompt() {
		return new McpPrompt("test_simple_prompt", "A simple prompt", List.of(), (args) -> List
			.of(new McpPrompt.Message("user", ToolContent.text("This is a simple prompt for testing."))));
	}

	@Bean
	McpPrompt promptWithArguments() {
		return new McpPrompt("test_prompt_with_arguments", "A prompt with arguments",
				List.of(new McpPrompt.Argument("arg1", "First test argument", true, List.of("hello", "help")),
						new McpPrompt.Argument("arg2", "Second test argument", true, List.of("world"))),
				(args) -> List.of(new McpPrompt.Message("user", ToolContent
					.text("Prompt with arguments: arg1='" + args.get("arg1") + "', arg2='" + args.get("arg2") + "'"))));
	}

	@Bean
	McpPrompt promptWithEmbeddedResource() {
		return new McpPrompt("test_prompt_with_embedded_resource", "A prompt with an embedded resource",
				List.of(new McpPrompt.Argument("resourceUri", "URI of the resource to embed", true, List.of())),
				(args) -> List.of(
						new McpPrompt.Message("user",
								ToolContent.resource(String.valueOf(args.get("resourceUri")), "text/plain",
										"Embedded resource content for testing.")),
						new McpPrompt.Message("user",
								ToolContent.text("Please process the embedded resource above."))));
	}

	@Bean
	McpPrompt promptWithImage() {
		return new McpPrompt("test_prompt_with_image", "A prompt with an image", List.of(),
				(args) -> List.of(new McpPrompt.Message("user", ToolContent.image(Fixtures.PNG, "image/png")),
						new McpPrompt.Message("user", ToolContent.text("Please analyze the image above."))));
	}

}

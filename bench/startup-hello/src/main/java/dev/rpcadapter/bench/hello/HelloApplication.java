package dev.rpcadapter.bench.hello;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The smallest WebFlux app Boot makes: the startup time every Boot WebFlux service pays. */
@SpringBootApplication
public class HelloApplication {

	@Bean
	RouterFunction<ServerResponse> hello() {
		return RouterFunctions.route().GET("/health", request -> ServerResponse.ok().bodyValue("ok")).build();
	}

	public static void main(String[] args) {
		SpringApplication.run(HelloApplication.class, args);
	}
}

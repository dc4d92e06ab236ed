package dev.rpcadapter.autoconfigure.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * One real server on a random port with the conformance commands and a 1 KB body limit,
 * shared (through Spring's test context cache) by every test class that carries this
 * annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ConformanceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "adapter.jsonrpc.max-body-size=1KB", "adapter.jsonrpc.max-nesting-depth=16",
				"adapter.info.name=conformance", "adapter.info.version=9.9.9" })
@interface ConformanceServerTest {

}

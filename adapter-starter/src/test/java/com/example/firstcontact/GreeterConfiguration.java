package com.example.firstcontact;

import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GreeterConfiguration {

	static final AtomicInteger intercepted = new AtomicInteger();

	@Bean
	Greeter greeter() {
		ProxyFactory factory = new ProxyFactory(new PoliteGreeter());
		factory.addInterface(Greeter.class);
		factory.addAdvice((MethodInterceptor) (invocation) -> {
			intercepted.incrementAndGet();
			return invocation.proceed();
		});
		return (Greeter) factory.getProxy();
	}

	static class PoliteGreeter implements Greeter {

		@Override
		public String greet(String name) {
			return "Hello, " + name + "!";
		}

	}

}

package dev.rpcadapter.method;

import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

import dev.rpcadapter.command.CommandMethodNotInvocableException;

/**
 * Decides which {@link Method} to call for an annotated method on a given bean, and makes
 * it accessible once at startup, so that a call costs one {@code Method.invoke} without
 * access checks. What cannot be called correctly fails with
 * {@link CommandMethodNotInvocableException}.
 */
final class InvocableMethods {

	private InvocableMethods() {
	}

	/**
	 * @param bean the object to call (the instance itself, a class proxy or an interface
	 * proxy)
	 * @param method the annotated method, declared by the user class or one of its
	 * supertypes
	 * @param delegatingProxy whether {@code bean} is a class (subclass) proxy that
	 * forwards calls to a separate target instance, so that only methods it overrides
	 * reach the target
	 * @param source bean and method name for messages
	 */
	static Method resolve(Object bean, Method method, boolean delegatingProxy, String source) {
		if (Modifier.isStatic(method.getModifiers())) {
			throw new CommandMethodNotInvocableException(source, "it is static",
					"Make it an instance method of the bean.");
		}
		Method invocable = method.getDeclaringClass().isInstance(bean) ? method : interfaceMethod(bean, method, source);
		if (delegatingProxy && invocable == method) {
			requireOverriddenByProxy(bean.getClass(), method, source);
		}
		makeAccessible(invocable, source);
		return invocable;
	}

	/**
	 * The method of an interface the proxy implements (a JDK proxy hides the class's own
	 * methods).
	 */
	private static Method interfaceMethod(Object bean, Method method, String source) {
		try {
			return bean.getClass().getMethod(method.getName(), method.getParameterTypes());
		}
		catch (NoSuchMethodException ex) {
			String what = Proxy.isProxyClass(bean.getClass()) ? "an interface-based (JDK) proxy"
					: "an object of type " + bean.getClass().getName();
			throw new CommandMethodNotInvocableException(source,
					"the bean is " + what + " that does not implement " + method.getDeclaringClass().getName()
							+ " and has no public method " + method.getName() + " on its interfaces",
					"Declare the method on an interface the bean implements (and put @JsonRpcCommand there or on the "
							+ "implementation), or use class-based proxies (spring.aop.proxy-target-class=true).");
		}
	}

	/**
	 * A class proxy calls its target only through methods it overrides; others would run
	 * on the proxy's empty state.
	 */
	private static void requireOverriddenByProxy(Class<?> proxyClass, Method method, String source) {
		int modifiers = method.getModifiers();
		if (Modifier.isPrivate(modifiers) || Modifier.isFinal(modifiers)) {
			String kind = Modifier.isPrivate(modifiers) ? "private" : "final";
			throw new CommandMethodNotInvocableException(source, "it is " + kind
					+ " and the bean is a class-based proxy (e.g. for @Transactional or @Validated), which cannot forward "
					+ kind + " methods to the target bean",
					"Make it package-private, protected or public, and not final.");
		}
		for (Class<?> c = proxyClass; c != null && c != method.getDeclaringClass(); c = c.getSuperclass()) {
			try {
				c.getDeclaredMethod(method.getName(), method.getParameterTypes());
				return;
			}
			catch (NoSuchMethodException ex) {
				// not overridden at this level
			}
		}
		throw new CommandMethodNotInvocableException(source,
				"the bean is a class-based proxy (" + proxyClass.getName() + ") that does not override this method "
						+ "(a package-private method whose proxy was defined in another class loader)",
				"Make the method public or protected.");
	}

	private static void makeAccessible(Method method, String source) {
		try {
			method.setAccessible(true);
		}
		catch (InaccessibleObjectException | SecurityException ex) {
			throw new CommandMethodNotInvocableException(source,
					"its package " + method.getDeclaringClass().getPackageName() + " is not open to reflection",
					"Make the method and its class public, or open the package in module-info.java " + "(opens "
							+ method.getDeclaringClass().getPackageName() + ").");
		}
	}

}

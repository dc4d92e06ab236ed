package dev.rpcadapter.method;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rpcadapter.command.JsonRpcCommand;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@link JsonRpcCommand} methods of a class the way Spring's
 * {@code MethodIntrospector} and {@code AnnotatedElementUtils.findMergedAnnotation} do:
 * methods of any visibility declared by the class and its superclasses, default methods
 * of its interfaces, and for each method the annotation on it or on a method it overrides
 * or implements.
 */
final class CommandMethods {

	/**
	 * One annotated method.
	 *
	 * @param method the most specific declaration (the one to call)
	 * @param declaration the declaration that carries the annotation (the method itself
	 * or one it overrides)
	 * @param annotation the annotation
	 */
	public record Found(Method method, Method declaration, JsonRpcCommand annotation) {
	}

	private CommandMethods() {
	}

	/**
	 * The annotated methods of {@code type}, sorted by name (then declaring class) for a
	 * stable order.
	 */
	public static List<Found> find(Class<?> type) {
		List<Found> found = new ArrayList<>();
		for (Method method : candidates(type)) {
			Method declaration = annotated(type, method);
			if (declaration != null) {
				found.add(new Found(method, declaration, declaration.getAnnotation(JsonRpcCommand.class)));
			}
		}
		found.sort(Comparator.comparing((Found f) -> f.method().getName())
			.thenComparing((f) -> f.method().toGenericString()));
		return found;
	}

	/** Whether {@code type} declares (or inherits) at least one annotated method. */
	public static boolean any(Class<?> type) {
		for (Method method : candidates(type)) {
			if (annotated(type, method) != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The most specific declaration of every method of the class, its superclasses and
	 * interfaces.
	 */
	private static List<Method> candidates(Class<?> type) {
		Map<String, Method> bySignature = new LinkedHashMap<>();
		Set<Class<?>> interfaces = new LinkedHashSet<>();
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			addDeclared(c, bySignature);
			interfaces.addAll(allInterfaces(c));
		}
		if (type.isInterface()) {
			interfaces.add(type);
		}
		for (Class<?> iface : interfaces) {
			addDeclared(iface, bySignature);
		}
		return new ArrayList<>(bySignature.values());
	}

	private static void addDeclared(Class<?> c, Map<String, Method> bySignature) {
		for (Method method : c.getDeclaredMethods()) {
			if (!method.isBridge() && !method.isSynthetic()) {
				String key = Modifier.isPrivate(method.getModifiers()) ? c.getName() + "." + signature(method)
						: signature(method);
				bySignature.putIfAbsent(key, method);
			}
		}
	}

	/**
	 * The method if annotated, else the annotated method of a supertype it overrides or
	 * implements.
	 */
	private static @Nullable Method annotated(Class<?> type, Method method) {
		int modifiers = method.getModifiers();
		if (method.isAnnotationPresent(JsonRpcCommand.class) || Modifier.isPrivate(modifiers)
				|| Modifier.isStatic(modifiers)) {
			return method.isAnnotationPresent(JsonRpcCommand.class) ? method : null;
		}
		for (Class<?> c = method.getDeclaringClass().getSuperclass(); c != null
				&& c != Object.class; c = c.getSuperclass()) {
			Method inherited = annotatedDeclaration(c, method);
			if (inherited != null) {
				return inherited;
			}
		}
		for (Class<?> iface : allInterfaces(type)) {
			Method inherited = annotatedDeclaration(iface, method);
			if (inherited != null) {
				return inherited;
			}
		}
		return null;
	}

	private static @Nullable Method annotatedDeclaration(Class<?> c, Method method) {
		try {
			Method declared = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
			int modifiers = declared.getModifiers();
			boolean overridable = !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers);
			return (overridable && declared.isAnnotationPresent(JsonRpcCommand.class)) ? declared : null;
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	/**
	 * Every interface {@code type} implements, directly or through superclasses and
	 * superinterfaces.
	 */
	private static Set<Class<?>> allInterfaces(Class<?> type) {
		Set<Class<?>> result = new LinkedHashSet<>();
		for (Class<?> c = type; c != null; c = c.getSuperclass()) {
			collect(c.getInterfaces(), result);
		}
		return result;
	}

	private static void collect(Class<?>[] interfaces, Set<Class<?>> into) {
		for (Class<?> iface : interfaces) {
			if (into.add(iface)) {
				collect(iface.getInterfaces(), into);
			}
		}
	}

	private static String signature(Method method) {
		return method.getName() + Arrays.toString(method.getParameterTypes());
	}

}
